/// Who makes a request the evaluator decides on.
///
/// ```swift
/// iam.allows(.role("ExportRole"), "dynamodb:Scan", on: .table("people"))
/// iam.allows(.service("events.amazonaws.com"), "lambda:InvokeFunction", on: .function("Export"))
/// iam.allows(.arn("arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"),
///            "kms:Decrypt", on: .key("Key"))
/// iam.allows(.anyone, "s3:GetObject", on: .objects(inBucket: "Site"))
/// ```
public enum Principal: Hashable, Sendable {
    /// A role of the template, by logical ID: its identity policies (inline
    /// `Policies`, `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources
    /// that list it, the template's managed policies in `ManagedPolicyArns`,
    /// its permissions boundary) are evaluated.
    case role(String)
    /// An AWS service, by its principal name (`events.amazonaws.com`). A
    /// service has no identity policies: only resource policies can allow it.
    case service(String)
    /// An IAM principal by ARN: a role outside the template, a service-linked
    /// role, a user. Its identity policies are not in the template and are not
    /// evaluated; an ARN equal to a template role's ARN is that role.
    case arn(String)
    /// The root user of an account; `nil` is the evaluation context's account.
    /// In its own account it may do anything that is not denied (KMS keys
    /// still need their key policy to allow it).
    case accountRoot(String?)
    /// Anyone at all, signed or not. Only statements whose principal is
    /// `"*"` or `{"AWS": "*"}` apply to it.
    case anyone

    /// The root user of the evaluation context's account.
    public static var root: Principal { .accountRoot(nil) }
}

extension Principal: CustomStringConvertible {
    public var description: String {
        switch self {
        case .role(let logicalID): "role \(logicalID)"
        case .service(let name): "service \(name)"
        case .arn(let arn): arn
        case .accountRoot(let account?): "root of account \(account)"
        case .accountRoot(nil): "root of the account"
        case .anyone: "anyone"
        }
    }
}

extension Principal: Comparable {
    /// Roles first, then services, ARNs, account roots and anyone; by name
    /// within each kind: the order lists of principals come in.
    public static func < (lhs: Principal, rhs: Principal) -> Bool {
        (lhs.kindOrder, lhs.sortName) < (rhs.kindOrder, rhs.sortName)
    }

    private var kindOrder: Int {
        switch self {
        case .role: 0
        case .service: 1
        case .arn: 2
        case .accountRoot: 3
        case .anyone: 4
        }
    }

    private var sortName: String {
        switch self {
        case .role(let name), .service(let name), .arn(let name): name
        case .accountRoot(let account): account ?? ""
        case .anyone: ""
        }
    }
}
