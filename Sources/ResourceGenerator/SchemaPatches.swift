import Foundation

/// cfn-lint's own corrections to the resource schemas: JSON Patch files under
/// `schemas/patches/extensions/all/<aws_service_type>/`. The schemas cfn-lint
/// ships are built with them already applied; applying them again is a no-op
/// for `add`, `replace` and `remove` as done here (set, set, delete if present),
/// so a schema is correct whichever cfn-lint build it comes from.
enum SchemaPatches {
    /// The patch folder's name for a type: `AWS::EC2::FlowLog` → `aws_ec2_flowlog`.
    static func folderName(of typeName: String) -> String {
        typeName.lowercased().replacingOccurrences(of: "::", with: "_")
    }

    /// The schema with every patch for its type applied, in file name order.
    static func patched(_ schema: [String: Any], typeName: String, cfnLintData: URL) throws -> [String: Any] {
        let folder = cfnLintData.appendingPathComponent("schemas/patches/extensions/all/\(folderName(of: typeName))")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return schema }
        var result = schema
        for file in files.sorted() where file.hasSuffix(".json") {
            let url = folder.appendingPathComponent(file)
            guard let operations = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] else {
                throw Generation.Failure(description: "\(url.path) is not a JSON Patch (a list of operations)")
            }
            for operation in operations {
                guard let op = operation["op"] as? String, let path = operation["path"] as? String else {
                    throw Generation.Failure(description: "\(url.path): an operation without op or path")
                }
                let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
                    $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                }
                switch op {
                case "add", "replace": result = setting(operation["value"], at: components[...], in: result)
                case "remove": result = setting(nil, at: components[...], in: result)
                default: throw Generation.Failure(description: "\(url.path): unsupported JSON Patch operation '\(op)'")
                }
            }
        }
        return result
    }

    /// Object members only: cfn-lint's patches never index into lists.
    private static func setting(_ value: Any?, at path: ArraySlice<String>, in object: [String: Any]) -> [String: Any] {
        guard let key = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[key] = value
        } else if let child = object[key] as? [String: Any] {
            copy[key] = setting(value, at: path.dropFirst(), in: child)
        }
        return copy
    }
}
