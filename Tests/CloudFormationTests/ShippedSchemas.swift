import Foundation
import Testing

/// cfn-lint's resource schemas, as `make test` installs them in `.venv`.
enum ShippedSchemas {
    /// The schemas' folder, or `nil` when cfn-lint is not installed there.
    static let directory: URL? = {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".venv/lib/python3.11/site-packages/cfnlint/data/schemas/resources")
        return FileManager.default.fileExists(atPath: directory.path) ? directory : nil
    }()

    /// Why a test that reads them is skipped.
    static let missingReason: Comment = "cfn-lint's schemas are not installed in .venv; `make test` installs them"

    /// The schema files' names, sorted.
    static func files() throws -> [String] {
        guard let directory else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Every `pattern` and `patternProperties` key in the schemas.
    static func patternSources() throws -> Set<String> {
        guard let directory else { return [] }
        var sources: Set<String> = []
        func collect(_ json: Any) {
            if let object = json as? [String: Any] {
                for (key, value) in object {
                    if key == "pattern", let source = value as? String { sources.insert(source) }
                    if key == "patternProperties", let patterns = value as? [String: Any] { sources.formUnion(patterns.keys) }
                    collect(value)
                }
            } else if let list = json as? [Any] {
                list.forEach(collect)
            }
        }
        for file in try files() {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                let json = try? JSONSerialization.jsonObject(with: data)
            {
                collect(json)
            }
        }
        return sources
    }
}
