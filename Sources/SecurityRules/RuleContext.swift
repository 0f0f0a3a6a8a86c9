import CloudFormation

/// What the rules need to know about the whole template, worked out once:
/// which policies protect which bucket, queue or topic, which queues are
/// dead-letter targets, which log groups functions write to, which keys
/// encrypt buckets, and whether Macie is part of the stack.
struct RuleContext {
    let template: Template
    /// The day (`YYYY-MM-DD`) runtimes are judged on.
    let today: String
    private(set) var resources: [String: Resource] = [:]
    /// Statements of the bucket, queue and topic policies naming each resource.
    private(set) var resourcePolicyStatements: [String: [PolicyStatement]] = [:]
    /// Queues and topics some queue, function or rule sends its failures to.
    private(set) var deadLetterTargets: Set<String> = []
    /// Log groups by literal name, and the ones a function's `LoggingConfig` names.
    private(set) var logGroupNames: Set<String> = []
    private(set) var keyAliases: [String: String] = [:]
    /// Keys (logical IDs) that encrypt a bucket.
    private(set) var bucketKeys: Set<String> = []
    private(set) var usesMacie = false
    /// The Allow statements of each identity policy holder (see `IAMRules`), read once for all its rules.
    private(set) var identityAllowStatements: [String: [PolicyStatement]] = [:]

    init(_ template: Template, today: String) {
        self.template = template
        self.today = today
        for resource in template.resources {
            resources[resource.logicalID] = resource
            if resource.type.hasPrefix("AWS::Macie::") || resource.type.hasPrefix("Custom::Macie") { usesMacie = true }
            let properties = resource.properties
            if IAMRules.types.contains(resource.type) { identityAllowStatements[resource.logicalID] = IAMRules.allowStatements(resource) }
            switch resource.type {
            case "AWS::S3::BucketPolicy":
                record(properties["PolicyDocument"], for: [properties["Bucket"]])
            case "AWS::SQS::QueuePolicy":
                record(properties["PolicyDocument"], for: Self.list(properties["Queues"]))
            case "AWS::SNS::TopicPolicy":
                record(properties["PolicyDocument"], for: Self.list(properties["Topics"]))
            case "AWS::SQS::Queue":
                if let target = properties["RedrivePolicy"]?.objectValue?["deadLetterTargetArn"] { deadLetterTargets.formUnion(Self.targets(target)) }
            case "AWS::Lambda::Function":
                if let target = properties["DeadLetterConfig"]?.objectValue?["TargetArn"] { deadLetterTargets.formUnion(Self.targets(target)) }
            case "AWS::Events::Rule":
                for case .object(let target) in Self.list(properties["Targets"]) {
                    if let arn = target["DeadLetterConfig"]?.objectValue?["Arn"] { deadLetterTargets.formUnion(Self.targets(arn)) }
                }
            case "AWS::Logs::LogGroup":
                if let name = properties["LogGroupName"]?.literalString { logGroupNames.insert(name) }
            case "AWS::KMS::Alias":
                if let name = properties["AliasName"]?.literalString, let key = properties["TargetKeyId"] {
                    keyAliases[name] = Self.targets(key).first
                    keyAliases["ref:" + resource.logicalID] = Self.targets(key).first
                }
            default:
                break
            }
        }
        for resource in template.resources where resource.type == "AWS::S3::Bucket" {
            for rule in Self.list(resource.properties["BucketEncryption"]?.objectValue?["ServerSideEncryptionConfiguration"]) {
                if let key = rule.objectValue?["ServerSideEncryptionByDefault"]?.objectValue?["KMSMasterKeyID"] {
                    bucketKeys.formUnion(keys(named: key))
                }
            }
        }
    }

    private mutating func record(_ document: Value?, for targets: [Value?]) {
        let statements = PolicyStatement.all(in: document, at: [.key("Properties"), .key("PolicyDocument")])
        for target in targets.compactMap({ $0 }) {
            for id in Self.targets(target) { resourcePolicyStatements[id, default: []] += statements }
        }
    }

    /// The resources a value names by `Ref`, `Fn::GetAtt` or a whole-value
    /// `Fn::Sub` placeholder (`${X}`, `${X.Arn}`), through `Fn::If` branches.
    static func targets(_ value: Value) -> [String] {
        PolicyStatement.choices(value, []).compactMap { choice, _ in
            switch choice {
            case .intrinsic(.ref(let id)): return id
            case .intrinsic(.getAtt(let id, _)): return id
            case .intrinsic(.sub(let text, _)) where text.hasPrefix("${") && text.hasSuffix("}"):
                return String(text.dropFirst(2).dropLast().split(separator: ".").first ?? "")
            default: return nil
            }
        }
    }

    static func list(_ value: Value?) -> [Value] {
        if case .list(let items)? = value { return items }
        return value.map { [$0] } ?? []
    }

    /// The template's keys a key property names: by `Ref`/`GetAtt` of the key
    /// or of an alias, or by an alias's literal name.
    func keys(named value: Value) -> [String] {
        var found: [String] = []
        for choice in PolicyStatement.choices(value, []).map(\.0) {
            if let name = choice.literalString, let key = keyAliases[name] { found.append(key); continue }
            for id in Self.targets(choice) {
                if resources[id]?.type == "AWS::KMS::Key" { found.append(id) } else if let key = keyAliases["ref:" + id] { found.append(key) }
            }
        }
        return found
    }

    /// Whether a key property names a customer-managed key: anything but
    /// nothing, an empty string or an AWS-managed key's alias (`alias/aws/…`).
    static func isCustomerKey(_ value: Value?) -> Bool {
        guard let value else { return false }
        return PolicyStatement.choices(value, []).allSatisfy { choice, _ in
            guard let text = choice.literalString else { return choice != .null }
            return !text.isEmpty && !text.hasPrefix("alias/aws/")
        }
    }
}
