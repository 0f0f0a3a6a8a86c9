/// The ARN formats of IAM resource types, from cfn-lint's `Policies.json`
/// (embedded by `generate-resources` in `IAMResourceARNs+Generated.swift`):
/// `s3` `bucket` is `arn:${Partition}:s3:::.*`.
public enum IAMResourceCatalog {
    /// The ARN formats of a resource type (`s3`, `bucket`), as the data writes
    /// them: `${Partition}`, `${Region}`, `${Account}`, and `.*` where the
    /// resource's name goes. Empty when the data has no such type.
    public static func arnFormats(service: String, resource: String) -> [String] {
        formats["\(service.lowercased()) \(resource.lowercased().replacing(" ", with: "_"))"] ?? []
    }

    /// By `prefix resource`; looked up, never iterated.
    private static let formats: [String: [String]] = {
        var formats: [String: [String]] = [:]
        for line in resourceLines.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count > 2 else { continue }
            formats["\(words[0]) \(words[1])"] = Array(words[2...])
        }
        return formats
    }()
}
