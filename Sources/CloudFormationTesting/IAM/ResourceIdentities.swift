import CloudFormation

/// What `Ref` and `Fn::GetAtt` return for the resource types the evaluator
/// knows, and each one's ARN: the formats of the CloudFormation User Guide's
/// "Return values" sections, filled in with the template's name property or
/// the context's stand-in name (see `EvaluationContext`).
///
/// | type | `Ref` | ARN |
/// |---|---|---|
/// | `AWS::S3::Bucket` | name | `arn:P:s3:::name` |
/// | `AWS::DynamoDB::Table` | name | `arn:P:dynamodb:R:A:table/name` |
/// | `AWS::IAM::Role` | name | `arn:P:iam::A:role/<path>name` |
/// | `AWS::IAM::ManagedPolicy` | ARN | `arn:P:iam::A:policy/<path>name` |
/// | `AWS::KMS::Key` | key ID | `arn:P:kms:R:A:key/id` |
/// | `AWS::KMS::Alias` | alias name | `arn:P:kms:R:A:alias/name` |
/// | `AWS::Lambda::Function` | name | `arn:P:lambda:R:A:function:name` |
/// | `AWS::SNS::Topic` | ARN | `arn:P:sns:R:A:name` |
/// | `AWS::SQS::Queue` | URL | `arn:P:sqs:R:A:name` |
/// | `AWS::Logs::LogGroup` | name | `arn:P:logs:R:A:log-group:name:*` |
/// | `AWS::Events::Rule` | name (`bus|name` on a custom bus) | `arn:P:events:R:A:rule/[bus/]name` |
/// | `AWS::CloudWatch::Alarm` | name | `arn:P:cloudwatch:R:A:alarm:name` |
/// | `AWS::SSM::Parameter` | name | `arn:P:ssm:R:A:parameter/name` (a name's leading `/` dropped) |
/// | `AWS::Macie::CustomDataIdentifier`, `AllowList`, `FindingsFilter` | ID | `arn:P:macie2:R:A:<kind>/id` |
/// | `AWS::Macie::Session` | account ID | — (`ServiceRole`: Macie's service-linked role) |
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
        "arn:\(context.partition):iam::\(context.accountID):role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"
    }

    /// The resource's ARN, for the types that have one; `nil` for others.
    func arn(of resource: Resource, depth: Int = 0) -> SymbolicValue? {
        let p = context.partition, r = context.region, a = context.accountID
        let name = { physicalName(of: resource, depth: depth) }
        let standIn = SymbolicValue.string(context.standInName(for: resource.logicalID))
        switch resource.type {
        case "AWS::S3::Bucket":
            return name().mapStrings { .string("arn:\(p):s3:::\($0)") }
        case "AWS::DynamoDB::Table":
            return name().mapStrings { .string("arn:\(p):dynamodb:\(r):\(a):table/\($0)") }
        case "AWS::IAM::Role", "AWS::IAM::ManagedPolicy":
            let kind = resource.type == "AWS::IAM::Role" ? "role" : "policy"
            let path = resource.properties["Path"].map { resolve($0, depth: depth) } ?? .string("/")
            return SymbolicValue.concatenating([.string("arn:\(p):iam::\(a):\(kind)"), path, name()])
        case "AWS::KMS::Key":
            return .string("arn:\(p):kms:\(r):\(a):key/\(context.standInName(for: resource.logicalID))")
        case "AWS::KMS::Alias":
            return refValue(of: resource, depth: depth).mapStrings { .string("arn:\(p):kms:\(r):\(a):\($0)") }
        case "AWS::Lambda::Function":
            return name().mapStrings { .string("arn:\(p):lambda:\(r):\(a):function:\($0)") }
        case "AWS::SNS::Topic":
            return name().mapStrings { .string("arn:\(p):sns:\(r):\(a):\($0)") }
        case "AWS::SQS::Queue":
            return name().mapStrings { .string("arn:\(p):sqs:\(r):\(a):\($0)") }
        case "AWS::Logs::LogGroup":
            return name().mapStrings { .string("arn:\(p):logs:\(r):\(a):log-group:\($0):*") }
        case "AWS::Events::Rule":
            let prefix = SymbolicValue.string("arn:\(p):events:\(r):\(a):rule/")
            guard let bus = eventBusName(of: resource, depth: depth) else { return SymbolicValue.concatenating([prefix, name()]) }
            return SymbolicValue.concatenating([prefix, bus, .string("/"), name()])
        case "AWS::CloudWatch::Alarm":
            return name().mapStrings { .string("arn:\(p):cloudwatch:\(r):\(a):alarm:\($0)") }
        case "AWS::SSM::Parameter":
            return name().mapStrings { .string("arn:\(p):ssm:\(r):\(a):parameter/" + ($0.hasPrefix("/") ? String($0.dropFirst()) : $0)) }
        case "AWS::Macie::CustomDataIdentifier":
            return standIn.mapStrings { .string("arn:\(p):macie2:\(r):\(a):custom-data-identifier/\($0)") }
        case "AWS::Macie::AllowList":
            return standIn.mapStrings { .string("arn:\(p):macie2:\(r):\(a):allow-list/\($0)") }
        case "AWS::Macie::FindingsFilter":
            return standIn.mapStrings { .string("arn:\(p):macie2:\(r):\(a):findings-filter/\($0)") }
        default:
            return nil
        }
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
