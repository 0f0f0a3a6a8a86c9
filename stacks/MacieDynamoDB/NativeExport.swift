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
        case full = "FULL"
        /// The whole table once, then only what changed since the previous
        /// export (new images of written items, keys of deleted ones).
        case incremental = "INCREMENTAL"
    }

    public var mode: Mode
    /// The key prefix in the export bucket; the function may write nowhere else.
    public var prefix: String

    public init(mode: Mode, prefix: String = "dynamodb-exports") {
        self.mode = mode
        self.prefix = prefix
    }
}
