import CloudFormation
import IAMPolicies

/// What `Ref` and `Fn::GetAtt` return for the resource types the evaluator
/// knows (the CloudFormation User Guide's "Return values" sections), and each
/// one's ARN (`ResourceARN`, from AWS's ARN formats), filled in with the
/// template's name property or the context's stand-in name (see `EvaluationContext`).
///
/// | type | `Ref` |
/// |---|---|
/// | `AWS::S3::Bucket`, `AWS::DynamoDB::Table`, `AWS::IAM::Role`, `AWS::Lambda::Function`, `AWS::Logs::LogGroup`, `AWS::CloudWatch::Alarm`, `AWS::SSM::Parameter` | name |
/// | `AWS::IAM::ManagedPolicy`, `AWS::SNS::Topic` | ARN |
/// | `AWS::KMS::Key` | key ID |
/// | `AWS::KMS::Alias` | alias name |
/// | `AWS::SQS::Queue` | URL |
/// | `AWS::Events::Rule` | name (`bus|name` on a custom bus) |
/// | `AWS::Macie::CustomDataIdentifier`, `AllowList`, `FindingsFilter` | ID |
/// | `AWS::Macie::Session` | account ID (`ServiceRole`: Macie's service-linked role) |
///
/// `AWS::Events::Rule`: the generated type's documentation says `Ref` returns
/// the ARN (from the resource schema's primary identifier), but CloudFormation
/// returns the rule's name, or `bus|name` for a rule on a custom event bus
/// (cloudformation-coverage-roadmap issue 1131), which is what is used here.
extension SymbolicResolver {
    /// `Ref` of a resource of the template.
    func refValue(of resource: Resource, depth: Int) -> SymbolicValue {
        switch resource.type {
        case "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::IAM::Role", "AWS::Lambda::Function",
            "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm", "AWS::SSM::Parameter":
            return physicalName(of: resource, depth: depth)
        case "AWS::IAM::ManagedPolicy", "AWS::SNS::Topic":
            return arn(of: resource, depth: depth) ?? .unresolved("no ARN")
        case "AWS::SQS::Queue":
            return physicalName(of: resource, depth: depth).mapStrings {
                .string("https://sqs.\(context.region).\(context.urlSuffix)/\(context.accountID)/\($0)")
            }
        case "AWS::KMS::Alias":
            return resource.properties["AliasName"].map { resolve($0, depth: depth) } ?? .unresolved("alias without AliasName")
        case "AWS::Events::Rule":
            let name = physicalName(of: resource, depth: depth)
            guard let bus = eventBusName(of: resource, depth: depth) else { return name }
            return SymbolicValue.concatenating([bus, .string("|"), name])
        case "AWS::Macie::Session":
            return .string(context.accountID)
        case "AWS::KMS::Key", "AWS::Macie::CustomDataIdentifier", "AWS::Macie::AllowList", "AWS::Macie::FindingsFilter",
            "AWS::IAM::Policy", "AWS::Lambda::Permission", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy":
            return .string(context.standInName(for: resource.logicalID))
        default:
            return .unresolved("Ref of \(resource.type) \(resource.logicalID) is not modelled")
        }
    }

    /// `Fn::GetAtt` of a resource of the template.
    func getAtt(_ logicalID: String, _ attribute: String, depth: Int) -> SymbolicValue {
        guard let resource = resource(logicalID) else {
            return .unresolved("Fn::GetAtt of \(logicalID), which the template does not declare")
        }
        let unknown = SymbolicValue.unresolved("Fn::GetAtt \(logicalID).\(attribute) of \(resource.type) is not modelled")
        switch (resource.type, attribute) {
        case (_, "Arn") where arn(of: resource, depth: depth) != nil,
            ("AWS::IAM::ManagedPolicy", "PolicyArn"), ("AWS::SNS::Topic", "TopicArn"):
            return arn(of: resource, depth: depth) ?? unknown
        case ("AWS::S3::Bucket", "DomainName"):
            return physicalName(of: resource, depth: depth).mapStrings { .string("\($0).s3.\(context.urlSuffix)") }
        case ("AWS::S3::Bucket", "RegionalDomainName"):
            return physicalName(of: resource, depth: depth).mapStrings { .string("\($0).s3.\(context.region).\(context.urlSuffix)") }
        case ("AWS::S3::Bucket", "DualStackDomainName"):
            return physicalName(of: resource, depth: depth).mapStrings {
                .string("\($0).s3.dualstack.\(context.region).\(context.urlSuffix)")
            }
        case ("AWS::DynamoDB::Table", "StreamArn"):
            return (arn(of: resource, depth: depth) ?? unknown).mapStrings { .string("\($0)/stream/1970-01-01T00:00:00.000") }
        case ("AWS::KMS::Key", "KeyId"), ("AWS::Macie::CustomDataIdentifier", "Id"), ("AWS::Macie::AllowList", "Id"),
            ("AWS::Macie::FindingsFilter", "Id"), ("AWS::IAM::Policy", "Id"), ("AWS::Lambda::Permission", "Id"),
            ("AWS::SQS::QueuePolicy", "Id"), ("AWS::SNS::TopicPolicy", "Id"):
            return .string(context.standInName(for: resource.logicalID))
        case ("AWS::SQS::Queue", "QueueName"), ("AWS::SNS::Topic", "TopicName"), ("AWS::Events::Rule", "RuleName"):
            return physicalName(of: resource, depth: depth)
        case ("AWS::SQS::Queue", "QueueUrl"):
            return refValue(of: resource, depth: depth)
        case ("AWS::Macie::Session", "AwsAccountId"):
            return .string(context.accountID)
        case ("AWS::Macie::Session", "ServiceRole"):
            return .string(macieServiceLinkedRoleARN)
        default:
            return unknown
        }
    }

    /// The ARN of Macie's service-linked role in the context's account.
    var macieServiceLinkedRoleARN: String {
        ResourceARN.macieServiceLinkedRole(partition: context.partition, account: context.accountID)
    }

    /// The resource's ARN, for the types that have one (`ResourceARN`); `nil` for others.
    func arn(of resource: Resource, depth: Int = 0) -> SymbolicValue? {
        let name = { physicalName(of: resource, depth: depth) }
        switch resource.type {
        case "AWS::IAM::Role", "AWS::IAM::ManagedPolicy":
            // The path (`/` by default) and the name follow `role/`.
            let path = resource.properties["Path"].map { resolve($0, depth: depth) } ?? .string("/")
            return SymbolicValue.concatenating([.string(arn(resource.type, "")), path.mapStrings { .string(String($0.dropFirst())) }, name()])
        case "AWS::KMS::Key", "AWS::Macie::CustomDataIdentifier", "AWS::Macie::AllowList", "AWS::Macie::FindingsFilter":
            return .string(arn(resource.type, context.standInName(for: resource.logicalID)))
        case "AWS::KMS::Alias":
            return refValue(of: resource, depth: depth).mapStrings { .string(arn(resource.type, String($0.trimmingPrefix("alias/")))) }
        case "AWS::Events::Rule":
            guard let bus = eventBusName(of: resource, depth: depth) else { return name().mapStrings { .string(arn(resource.type, $0)) } }
            return SymbolicValue.concatenating([.string(arn(resource.type, "")), bus, .string("/"), name()])
        case "AWS::SSM::Parameter":
            // A parameter's ARN holds its name without the name's leading `/`.
            let (p, r, a) = (context.partition, context.region, context.accountID)
            return name().mapStrings { .string("arn:\(p):ssm:\(r):\(a):parameter/" + ($0.hasPrefix("/") ? String($0.dropFirst()) : $0)) }
        case let type where ResourceARN.isKnown(type):
            return name().mapStrings { .string(arn(type, $0)) }
        default:
            return nil
        }
    }

    /// The ARN of a resource of a type `ResourceARN` knows, named `name`, in the context.
    func arn(_ type: String, _ name: String) -> String {
        ResourceARN.arn(ofType: type, name: name, partition: context.partition, region: context.region, account: context.accountID) ?? name
    }

    /// The name the resource gets: its name property when the template sets
    /// one, otherwise the context's stand-in.
    func physicalName(of resource: Resource, depth: Int) -> SymbolicValue {
        let property: String? = switch resource.type {
        case "AWS::S3::Bucket": "BucketName"
        case "AWS::DynamoDB::Table": "TableName"
        case "AWS::IAM::Role": "RoleName"
        case "AWS::IAM::ManagedPolicy": "ManagedPolicyName"
        case "AWS::Lambda::Function": "FunctionName"
        case "AWS::SNS::Topic": "TopicName"
        case "AWS::SQS::Queue": "QueueName"
        case "AWS::Logs::LogGroup": "LogGroupName"
        case "AWS::Events::Rule": "Name"
        case "AWS::CloudWatch::Alarm": "AlarmName"
        case "AWS::KMS::Alias": "AliasName"
        case "AWS::SSM::Parameter": "Name"
        default: nil
        }
        if let property, let value = resource.properties[property] {
            let resolved = resolve(value, depth: depth + 1)
            if resolved != .absent { return resolved }
        }
        var name = context.standInName(for: resource.logicalID)
        switch resource.type {
        case "AWS::S3::Bucket":
            name = name.lowercased()
        case "AWS::SQS::Queue" where resource.properties["FifoQueue"] == .bool(true),
            "AWS::SNS::Topic" where resource.properties["FifoTopic"] == .bool(true):
            name += ".fifo"
        default:
            break
        }
        return .string(name)
    }

    /// The name of the custom event bus a rule is on; `nil` for the default bus.
    private func eventBusName(of resource: Resource, depth: Int) -> SymbolicValue? {
        guard let value = resource.properties["EventBusName"] else { return nil }
        let bus = resolve(value, depth: depth + 1).mapStrings { text in
            // An ARN names the bus after `event-bus/`.
            if text.hasPrefix("arn:"), let range = text.firstRange(of: ":event-bus/") {
                return .string(String(text[range.upperBound...]))
            }
            return .string(text)
        }
        return bus == .string("default") || bus == .absent ? nil : bus
    }
}
