import CloudFormation
import SecurityRules

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

/// A checkov check with no security rule here that does not fit a resource,
/// with the reason. Written to the resource's `Metadata.checkov.skip`, where
/// checkov reads it, so no suppression goes unexplained; a rule of this
/// package is waived with a `RuleSuppression`, which writes the checkov skips
/// of its checks too.
public struct CheckovSuppression: Hashable, Sendable {
    /// The check: `CKV_AWS_18`.
    public var id: String
    /// Why the check does not fit, as the README lists it.
    public var reason: String

    public init(_ id: String, because reason: String) {
        self.id = id
        self.reason = reason
    }

    /// Metadata waiving `rules` and these checkov checks.
    static func metadata(_ suppressions: [CheckovSuppression], rules: [RuleSuppression] = []) -> Object? {
        RuleSuppression.metadata(rules, checkovOnly: suppressions.map { ($0.id, $0.reason) })
    }
}
