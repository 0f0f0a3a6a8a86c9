/// DynamoDB's own export to S3 (`ExportTableToPointInTime`) as the export
/// engine. It needs point-in-time recovery, which the stack's tables have.
///
/// Each table's files land under `<prefix>/<table>/AWSDynamoDB/<export id>/data/`
/// as gzip-compressed DynamoDB JSON, one item per line; the function keeps
/// each table's last export (its ARN, in an SSM parameter the stack owns) and
/// reads that export's times and status back from DynamoDB.
public struct NativeExport: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable {
        /// The whole table on every run.
        case full
        /// The whole table once, then only what changed since the previous
        /// export (new images of written items, keys of deleted ones).
        case incremental
    }

    /// Every table's mode, unless its data set says otherwise
    /// (`DataSet.nativeExportMode`).
    public var mode: Mode
    /// The key prefix in the export bucket; the function may write nowhere else.
    public var prefix: String

    public init(mode: Mode, prefix: String = "dynamodb-exports") {
        self.mode = mode
        self.prefix = prefix
    }

    /// What is wrong with the settings, every problem at once; empty when
    /// they are valid. The prefix is one IAM resource pattern and one Macie
    /// criterion, so it must be plain: S3's safe key characters, no `*` or
    /// `?` (IAM wildcards), no empty segment, and no `/` at either end.
    public var problems: [String] {
        var problems: [String] = []
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!-_.'()/")
        if prefix.isEmpty {
            problems.append("the export prefix is empty; the function's writes would cover the whole bucket")
        } else {
            let unsafe = Set(prefix.filter { !safe.contains($0) })
            if !unsafe.isEmpty {
                problems.append("the export prefix '\(prefix)' has characters outside S3's safe set: \(unsafe.sorted().map { "'\($0)'" }.joined(separator: ", "))")
            }
            if prefix.hasPrefix("/") || prefix.hasSuffix("/") || prefix.contains("//") {
                problems.append("the export prefix '\(prefix)' starts or ends with '/' or has an empty segment")
            }
        }
        return problems
    }
}

/// Export settings the stack cannot use.
public struct InvalidExportEngine: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "the export engine is not valid: " + problems.joined(separator: "; ") }
}
