import AWSResources

/// The ARN of a CloudFormation resource, from the ARN formats AWS publishes
/// for IAM resource types (`IAMResourceCatalog`, cfn-lint's `Policies.json`):
/// the IAM resource type of each CloudFormation type below, its format with
/// the partition, region, account and name filled in.
///
/// | type | IAM resource type | the name is |
/// |---|---|---|
/// | `AWS::S3::Bucket` | `s3` `bucket` | the bucket name |
/// | `AWS::DynamoDB::Table` | `dynamodb` `table` | the table name |
/// | `AWS::KMS::Key` | `kms` `key` | the key ID |
/// | `AWS::KMS::Alias` | `kms` `alias` | the alias name after `alias/` |
/// | `AWS::Lambda::Function` | `lambda` `function` | the function name |
/// | `AWS::Logs::LogGroup` | `logs` `log-group` | the group name, and `:*` after it (as `Fn::GetAtt … Arn` returns it) |
/// | `AWS::SQS::Queue` | `sqs` `queue` | the queue name |
/// | `AWS::SNS::Topic` | `sns` `topic` | the topic name |
/// | `AWS::IAM::Role` | `iam` `role` | the path after its leading `/`, then the role name |
/// | `AWS::IAM::ManagedPolicy` | `iam` `policy` | likewise |
/// | `AWS::Events::Rule` | `events` `rule-on-default-event-bus` | the rule name (on a custom bus, `bus/name`) |
/// | `AWS::Events::EventBus` | `events` `event-bus` | the bus name |
/// | `AWS::CloudWatch::Alarm` | `cloudwatch` `alarm` | the alarm name |
/// | `AWS::Macie::CustomDataIdentifier`, `AllowList`, `FindingsFilter` | `macie2` `customdataidentifier`, … | the ID |
/// | `AWS::ECR::Repository` | `ecr` `repository` | the repository name |
/// | `AWS::SecretsManager::Secret` | `secretsmanager` `secret` | the secret name |
public enum ResourceARN {
    /// The IAM resource type of a CloudFormation type, and what follows the name.
    private static let iamResourceTypes: [String: (service: String, resource: String, suffix: String)] = [
        "AWS::S3::Bucket": ("s3", "bucket", ""),
        "AWS::DynamoDB::Table": ("dynamodb", "table", ""),
        "AWS::KMS::Key": ("kms", "key", ""),
        "AWS::KMS::Alias": ("kms", "alias", ""),
        "AWS::Lambda::Function": ("lambda", "function", ""),
        "AWS::Logs::LogGroup": ("logs", "log-group", ":*"),
        "AWS::SQS::Queue": ("sqs", "queue", ""),
        "AWS::SNS::Topic": ("sns", "topic", ""),
        "AWS::IAM::Role": ("iam", "role", ""),
        "AWS::IAM::ManagedPolicy": ("iam", "policy", ""),
        "AWS::Events::Rule": ("events", "rule-on-default-event-bus", ""),
        "AWS::Events::EventBus": ("events", "event-bus", ""),
        "AWS::CloudWatch::Alarm": ("cloudwatch", "alarm", ""),
        "AWS::Macie::CustomDataIdentifier": ("macie2", "customdataidentifier", ""),
        "AWS::Macie::AllowList": ("macie2", "allowlist", ""),
        "AWS::Macie::FindingsFilter": ("macie2", "findingsfilter", ""),
        "AWS::ECR::Repository": ("ecr", "repository", ""),
        "AWS::SecretsManager::Secret": ("secretsmanager", "secret", ""),
    ]

    /// Whether the ARN of resources of `type` is known.
    public static func isKnown(_ type: String) -> Bool { format(of: type) != nil }

    /// The ARN of a resource of `type` whose name (as the table above says)
    /// is `name`; `nil` for a type not in the table.
    public static func arn(ofType type: String, name: String, partition: String, region: String, account: String) -> String? {
        guard let format = format(of: type) else { return nil }
        return format.prefix
            .replacing("${Partition}", with: partition).replacing("${Region}", with: region).replacing("${Account}", with: account)
            + name + format.suffix
    }

    /// Macie's service-linked role, which `Fn::GetAtt Session.ServiceRole` names.
    public static func macieServiceLinkedRole(partition: String, account: String) -> String {
        "arn:\(partition):iam::\(account):role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"
    }

    /// What comes before the name (`arn:${Partition}:s3:::`) and after it.
    private static func format(of type: String) -> (prefix: String, suffix: String)? {
        guard let entry = iamResourceTypes[type],
            let format = IAMResourceCatalog.arnFormats(service: entry.service, resource: entry.resource).first,
            format.hasSuffix(".*")
        else { return nil }
        return (String(format.dropLast(2)), entry.suffix)
    }
}
