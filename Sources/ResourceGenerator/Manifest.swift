/// `Sources/AWSResources/resource-types.manifest`: which resource types to
/// generate, from which cfn-lint, and the SHA-256 of each schema they were
/// generated from.
///
/// ```
/// # comments
/// cfn-lint 1.58.0
/// AWS::S3::Bucket sha256:3f5a…
/// AWS::SQS::Queue
/// ```
/// A type without a hash is new: generation fills the hash in.
struct Manifest: Equatable {
    struct Entry: Equatable {
        var typeName: String
        var sha256: String?
    }

    var comments: [String]
    var cfnLintVersion: String?
    var entries: [Entry]

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "resource-types.manifest:\(line): \(message)" }
    }

    init(comments: [String], cfnLintVersion: String?, entries: [Entry]) {
        self.comments = comments
        self.cfnLintVersion = cfnLintVersion
        self.entries = entries
    }

    init(parsing text: String) throws {
        comments = []
        cfnLintVersion = nil
        entries = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t")
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if entries.isEmpty && cfnLintVersion == nil { comments.append(String(line)) }
                continue
            }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields[0] == "cfn-lint" {
                guard fields.count == 2 else { throw ParseError(line: index + 1, message: "expected 'cfn-lint VERSION'") }
                cfnLintVersion = fields[1]
                continue
            }
            let parts = fields[0].split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0] == "AWS", parts[1].isEmpty, parts[3].isEmpty, fields.count <= 2 else {
                throw ParseError(line: index + 1, message: "expected 'AWS::Service::Type [sha256:HEX]', found '\(String(line))'")
            }
            var hash: String?
            if fields.count == 2 {
                guard fields[1].hasPrefix("sha256:") else {
                    throw ParseError(line: index + 1, message: "expected 'sha256:HEX' after the type name")
                }
                hash = String(fields[1].dropFirst("sha256:".count))
            }
            if entries.contains(where: { $0.typeName == fields[0] }) {
                throw ParseError(line: index + 1, message: "\(fields[0]) is listed twice")
            }
            entries.append(Entry(typeName: fields[0], sha256: hash))
        }
    }

    /// Types sorted by name, so the manifest reads like an index.
    var text: String {
        var lines = comments
        if let cfnLintVersion { lines.append("cfn-lint \(cfnLintVersion)") }
        for entry in entries.sorted(by: { $0.typeName < $1.typeName }) {
            lines.append(entry.sha256.map { "\(entry.typeName) sha256:\($0)" } ?? entry.typeName)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
