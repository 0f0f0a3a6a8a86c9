import CloudFormation

/// Condition blocks the constructs use.
enum Conditions {
    /// `kms:ViaService`: the key may be used only through this service in the
    /// stack's region (`s3`, `dynamodb`, `sqs`, `sns`, …).
    static func kmsVia(_ service: String) -> Object {
        ["StringEquals": ["kms:ViaService": .sub("\(service).${AWS::Region}.amazonaws.com")]]
    }

    /// Requests without TLS.
    static let insecureTransport: Object = ["Bool": ["aws:SecureTransport": false]]
}

/// A checkov check that does not fit a resource, with the reason. Written to
/// the resource's `Metadata.checkov.skip`, where checkov reads it, and listed
/// in the README, so no suppression goes unexplained.
public struct CheckovSuppression: Hashable, Sendable {
    /// The check: `CKV_AWS_18`.
    public var id: String
    /// Why the check does not fit, as the README lists it.
    public var reason: String

    public init(_ id: String, because reason: String) {
        self.id = id
        self.reason = reason
    }

    static func metadata(_ suppressions: [CheckovSuppression]) -> Object? {
        guard !suppressions.isEmpty else { return nil }
        let skips = suppressions.sorted { $0.id < $1.id }.map { Value.object(["id": .string($0.id), "comment": .string($0.reason)]) }
        return ["checkov": ["skip": .list(skips)]]
    }
}
