import CloudFormation

/// Encryption at rest with a customer-managed key, for the types that hold
/// data and name their key in one property: where the key is written is
/// data (the property path, checked against each type's resource schema by
/// the tests), and one rule per type reads it.
///
/// | type | key property | also required |
/// |---|---|---|
/// | `AWS::DynamoDB::Table` | `SSESpecification.KMSMasterKeyId` | `SSEEnabled` true, `SSEType` KMS |
/// | `AWS::SQS::Queue` | `KmsMasterKeyId` | |
/// | `AWS::SNS::Topic` | `KmsMasterKeyId` | |
/// | `AWS::Logs::LogGroup` | `KmsKeyId` | |
/// | `AWS::Lambda::Function` | `KmsKeyArn` | only when it has `Environment.Variables` |
///
/// Buckets, whose key sits in a list of rules beside the algorithm, have
/// their own rule (`S3-KMS`).
enum CustomerKeyEncryption {
    struct Entry: Sendable {
        var rule: String
        var type: String
        /// The key property's path below `Properties`.
        var keyPath: [String]
        /// Other properties that must hold a literal value for the key to be used.
        var required: [(path: [String], value: Value)] = []
        /// The property whose presence means there is data to encrypt; `nil` for always.
        var holdsData: [String]? = nil
        var what: String
        var checkov: [String]
    }

    static let entries: [Entry] = [
        Entry(rule: "DYNAMODB-KMS", type: "AWS::DynamoDB::Table", keyPath: ["SSESpecification", "KMSMasterKeyId"],
              required: [(["SSESpecification", "SSEEnabled"], true), (["SSESpecification", "SSEType"], "KMS")],
              what: "table", checkov: ["CKV_AWS_119"]),
        Entry(rule: "SQS-KMS", type: "AWS::SQS::Queue", keyPath: ["KmsMasterKeyId"], what: "queue", checkov: []),
        Entry(rule: "SNS-KMS", type: "AWS::SNS::Topic", keyPath: ["KmsMasterKeyId"], what: "topic", checkov: []),
        Entry(rule: "LOGS-KMS", type: "AWS::Logs::LogGroup", keyPath: ["KmsKeyId"], what: "log group", checkov: ["CKV_AWS_158"]),
        Entry(rule: "LAMBDA-ENV-KMS", type: "AWS::Lambda::Function", keyPath: ["KmsKeyArn"], holdsData: ["Environment", "Variables"],
              what: "function's environment", checkov: ["CKV_AWS_173"]),
    ]

    static let all: [SecurityRule] = entries.map { entry in
        SecurityRule(
            entry.rule, .error, types: [entry.type], checkov: entry.checkov,
            title: "The \(entry.what) is encrypted at rest with a customer-managed KMS key (\(entry.keyPath.joined(separator: "."))).",
            reason: "An AWS-owned or AWS-managed key lets anyone with access to the \(entry.what) read it; a customer key adds a key policy you control, rotation you choose, and a CloudTrail record of every decryption.",
            fix: "set \((entry.required.map { "\($0.path.joined(separator: ".")) \(text($0.value))" } + ["\(entry.keyPath.joined(separator: ".")) to the stack's key ARN"]).joined(separator: ", "))"
        ) { resource, _ in
            if let holdsData = entry.holdsData, value(at: holdsData, in: resource) == nil { return [] }
            var problems: [String] = []
            for (path, expected) in entry.required where value(at: path, in: resource) != expected {
                problems.append("\(path.joined(separator: ".")) is not \(text(expected))")
            }
            if !RuleContext.isCustomerKey(value(at: entry.keyPath, in: resource)) {
                problems.append(value(at: entry.keyPath, in: resource) == nil ? "no customer-managed key is set" : "the key is AWS-managed")
            }
            return problems.isEmpty ? [] : [RuleViolation(["Properties"] + [entry.keyPath[0]], "the \(entry.what) is not encrypted with a customer-managed key: \(problems.joined(separator: "; "))")]
        }
    }

    static func value(at path: [String], in resource: Resource) -> Value? {
        var current: Value? = .object(resource.properties)
        for key in path { current = current?.objectValue?[key] }
        return current
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .bool(let flag): "\(flag)"
        case .string(let text): text
        default: "\(value)"
        }
    }
}
