/// The resource of a request, named the way a test knows it: by the
/// template's logical ID or by the resource's physical name, and resolved to
/// an ARN with the evaluator's context.
///
/// Each typed case looks for a resource of that type whose logical ID is the
/// given string, then for one whose name is (`.table("people-macie")` finds
/// the table whose `TableName` is `people-macie`); failing both it means a
/// resource of that name outside the template, and the decision's notes say so.
///
/// A `*` or `?` in the resulting ARN makes the request about every resource
/// it covers: `.objects(inBucket: "Data")` (`arn:aws:s3:::data/*`) is
/// allowed only if every object is, so an Allow must cover the whole pattern
/// and a Deny of any part of it denies.
public enum ResourceTarget: Hashable, Sendable {
    /// Any resource of the template, by logical ID: its ARN.
    case resource(String)
    case bucket(String)
    /// Every object under `prefix` of a bucket: `arn:…:s3:::name/prefix*`.
    case objects(inBucket: String, prefix: String = "")
    /// One object: `arn:…:s3:::name/key`.
    case object(inBucket: String, key: String)
    case table(String)
    /// A KMS key by logical ID or key ID.
    case key(String)
    case function(String)
    case queue(String)
    case topic(String)
    case logGroup(String)
    case rule(String)
    case role(String)
    /// Any ARN, as written; `"*"` asks about every resource at once.
    case arn(String)
}

extension ResourceTarget: CustomStringConvertible {
    public var description: String {
        switch self {
        case .resource(let name): "resource \(name)"
        case .bucket(let name): "bucket \(name)"
        case .objects(let bucket, let prefix): "objects \(prefix)* in bucket \(bucket)"
        case .object(let bucket, let key): "object \(key) in bucket \(bucket)"
        case .table(let name): "table \(name)"
        case .key(let name): "key \(name)"
        case .function(let name): "function \(name)"
        case .queue(let name): "queue \(name)"
        case .topic(let name): "topic \(name)"
        case .logGroup(let name): "log group \(name)"
        case .rule(let name): "rule \(name)"
        case .role(let name): "role \(name)"
        case .arn(let arn): arn
        }
    }
}

extension SymbolicResolver {
    /// The ARN a target stands for, with a note when it is not a resource of
    /// the template; `nil` (and why) when it cannot be worked out.
    func arn(for target: ResourceTarget) -> (arn: String?, note: String?) {
        switch target {
        case .arn(let arn):
            return (arn, nil)
        case .resource(let logicalID):
            guard let resource = resource(logicalID) else {
                return (nil, "the template has no resource \(logicalID)")
            }
            guard let arn = arn(of: resource) else {
                return (nil, "the ARN of \(resource.type) \(logicalID) is not modelled")
            }
            return single(arn, of: "\(logicalID)")
        case .bucket(let name):
            return find(name, type: "AWS::S3::Bucket", kind: "bucket")
        case .objects(let bucket, let prefix):
            let (arn, note) = find(bucket, type: "AWS::S3::Bucket", kind: "bucket")
            return (arn.map { "\($0)/\(prefix)*" }, note)
        case .object(let bucket, let key):
            let (arn, note) = find(bucket, type: "AWS::S3::Bucket", kind: "bucket")
            return (arn.map { "\($0)/\(key)" }, note)
        case .table(let name):
            return find(name, type: "AWS::DynamoDB::Table", kind: "table")
        case .key(let name):
            return find(name, type: "AWS::KMS::Key", kind: "key")
        case .function(let name):
            return find(name, type: "AWS::Lambda::Function", kind: "function")
        case .queue(let name):
            return find(name, type: "AWS::SQS::Queue", kind: "queue")
        case .topic(let name):
            return find(name, type: "AWS::SNS::Topic", kind: "topic")
        case .logGroup(let name):
            return find(name, type: "AWS::Logs::LogGroup", kind: "log group")
        case .rule(let name):
            return find(name, type: "AWS::Events::Rule", kind: "rule")
        case .role(let name):
            return find(name, type: "AWS::IAM::Role", kind: "role")
        }
    }

    /// A resource of `type` by logical ID, else by physical name, else one
    /// outside the template of that name.
    private func find(_ name: String, type: String, kind: String) -> (arn: String?, note: String?) {
        if let resource = resource(name), resource.type == type, let arn = arn(of: resource) {
            return single(arn, of: name)
        }
        for resource in template.resources where resource.type == type {
            if physicalName(of: resource, depth: 0) == .string(name), let arn = arn(of: resource) {
                return single(arn, of: resource.logicalID)
            }
        }
        return (arn(type, name), "\(name) is not a \(kind) of the template (by logical ID or name): evaluated as one outside it")
    }

    private func single(_ arn: SymbolicValue, of logicalID: String) -> (arn: String?, note: String?) {
        if case .string(let text) = arn { return (text, nil) }
        return (nil, "the ARN of \(logicalID) is not one string: \(arn)")
    }
}
