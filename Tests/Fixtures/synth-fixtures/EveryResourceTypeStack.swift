import AWSResources
import CloudFormation
import SecurityRules

/// One instance of every generated resource type, each with its required
/// properties (and, for stateful types, explicit deletion policies): the
/// template `make test` lints, so every generated type is known to produce
/// what cfn-lint accepts.
struct EveryResourceTypeStack: StackDefinition {
    var name: String { "EveryResourceType" }

    func build(_ stack: Stack) throws {
        StackRuleSetting.apply(
            [StackRuleSetting("*", .off, because: "one instance of each type with its required properties, for cfn-lint; EveryConstruct is the secure one")],
            to: stack)
        let retained = ResourceAttributes(deletionPolicy: .retain, updateReplacePolicy: .retain)

        let key = stack.add(KMS.Key(
            "Key", enableKeyRotation: true,
            keyPolicy: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "AccountAdministers",
                    "Effect": "Allow",
                    "Principal": ["AWS": .sub("arn:\(.partition):iam::\(.accountID):root")],
                    "Action": "kms:*",
                    "Resource": "*",
                ]],
            ],
            attributes: retained))
        stack.add(KMS.Alias("KeyAlias", aliasName: "alias/every-resource-type", targetKeyId: key.ref))

        let bucket = stack.add(S3.Bucket("Bucket", attributes: retained))
        stack.add(S3.BucketPolicy(
            "BucketPolicy", bucket: bucket.ref,
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [bucket.arn.templateValue, .sub("\(bucket.arn)/*")],
                    "Condition": ["Bool": ["aws:SecureTransport": false]],
                ]],
            ]))

        let table = stack.add(DynamoDB.Table(
            "Table",
            attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
            billingMode: .payPerRequest,
            keySchema: [.init(attributeName: "id", keyType: .hash)],
            attributes: retained))

        let role = stack.add(IAM.Role(
            "Role",
            assumeRolePolicyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Principal": ["Service": "lambda.amazonaws.com"],
                    "Action": "sts:AssumeRole",
                ]],
            ]))
        stack.add(IAM.Policy(
            "Policy",
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": table.arn.templateValue]],
            ],
            policyName: "read-table",
            roles: [role.ref]))
        stack.add(IAM.ManagedPolicy(
            "ManagedPolicy",
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("\(bucket.arn)/*")]],
            ]))

        let function = stack.add(Lambda.Function(
            "Function",
            code: .init(zipFile: "def handler(event, context):\n    return event\n"),
            handler: "index.handler",
            role: role.arn,
            runtime: .python3_13))
        stack.add(Lambda.Permission(
            "Permission", action: "lambda:InvokeFunction", functionName: function.arn,
            principal: "events.amazonaws.com"))
        stack.add(Events.Rule("Rule", scheduleExpression: "rate(1 hour)"))
        stack.add(Logs.LogGroup("LogGroup", retentionInDays: 30, attributes: retained))

        stack.add(Macie.Session("MacieSession"))
        stack.add(Macie.CustomDataIdentifier("CustomDataIdentifier", name: "account_number", regex: "XYZ-\\d{11}"))
        stack.add(Macie.AllowList(
            "AllowList", criteria: ["Regex": "^TEST-.*$"], name: "test-values"))
        stack.add(Macie.FindingsFilter(
            "FindingsFilter",
            findingCriteria: .init(criterion: ["severity.description": .init(eq: ["High"])]),
            name: "high-severity"))

        let topic = stack.add(SNS.Topic("Topic", kmsMasterKeyId: "alias/aws/sns"))
        let queue = stack.add(SQS.Queue("Queue", messageRetentionPeriod: 345_600, sqsManagedSseEnabled: true, attributes: retained))
        stack.add(SNS.Subscription("Subscription", endpoint: queue.arn, protocol: "sqs", topicArn: .to(topic)))
        stack.add(SNS.TopicPolicy(
            "TopicPolicy",
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Principal": ["Service": "events.amazonaws.com"],
                    "Action": "sns:Publish",
                    "Resource": topic.ref.templateValue,
                ]],
            ],
            topics: [topic.ref]))
        stack.add(CloudWatch.Alarm(
            "Alarm", comparisonOperator: .greaterThanThreshold,
            dimensions: [.init(name: "QueueName", value: queue.getAtt("QueueName"))], evaluationPeriods: 1,
            metricName: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS", period: 300,
            statistic: .maximum, threshold: 0))
        stack.add(SQS.QueuePolicy(
            "QueuePolicy",
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Principal": ["Service": "sns.amazonaws.com"],
                    "Action": "sqs:SendMessage",
                    "Resource": queue.arn.templateValue,
                    "Condition": ["ArnEquals": ["aws:SourceArn": topic.ref.templateValue]],
                ]],
            ],
            queues: [queue.ref]))
        stack.add(SSM.Parameter("Parameter", description: "A setting", type: .string, value: "{}"))
    }
}
