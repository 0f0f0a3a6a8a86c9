import CloudFormation

/// Resource policies (of buckets, queues, topics, keys) and Lambda
/// permissions: nothing open to anyone.
enum ResourcePolicyRules {
    static let documents: [String: [String]] = [
        "AWS::S3::BucketPolicy": ["PolicyDocument"],
        "AWS::SQS::QueuePolicy": ["PolicyDocument"],
        "AWS::SNS::TopicPolicy": ["PolicyDocument"],
        "AWS::KMS::Key": ["KeyPolicy"],
    ]

    static let all: [SecurityRule] = [
        SecurityRule(
            "POLICY-PUBLIC-PRINCIPAL", .error, types: documents.keys.sorted() + ["AWS::Lambda::Permission"], checkov: ["CKV_AWS_33"],
            title: "No resource policy allows `Principal: *` without a condition that narrows it, and no Lambda permission is granted to `*`.",
            reason: "`Principal: *` is everyone on the internet, in every AWS account.",
            fix: "name the principal (an account, role or service), or add a condition such as aws:SourceArn or aws:PrincipalOrgID"
        ) { resource, _ in
            if resource.type == "AWS::Lambda::Permission" {
                return resource.properties["Principal"] == "*" ? [RuleViolation(["Properties", "Principal"], "anyone may invoke the function")] : []
            }
            let key = documents[resource.type]![0]
            return PolicyStatement.all(in: resource.properties[key], at: [.key("Properties"), .key(key)])
                .filter { $0.isAllow && $0.isAnyPrincipal && ($0.condition?.isEmpty ?? true) }
                .map { RuleViolation(components: $0.path + [.key("Principal")], "the statement allows \($0.actions.joined(separator: ", ")) to anyone") }
        },
    ]
}
