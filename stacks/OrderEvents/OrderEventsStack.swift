import CloudFormation

/// Order events fanned out from an SNS topic to an SQS queue, with a
/// dead-letter queue and, in production, an alarm on it.
///
/// A small stack that uses every section of a template: metadata for the
/// console's parameter form, a parameter, a mapping per environment, a
/// condition, a transform, resources with attributes, and exported outputs.
public struct OrderEventsStack: StackDefinition {
    public var name: String { "OrderEvents" }

    public init() {}

    public func build(_ stack: Stack) throws {
        stack.description = "Order events: an SNS topic delivering to an SQS queue with a dead-letter queue."
        stack.transforms = ["AWS::LanguageExtensions"]

        let environment = stack.add(Parameter(
            "Environment",
            description: "Deployment environment; production keeps messages longer and alarms on dead letters.",
            default: "dev",
            allowedValues: ["dev", "prod"]))
        stack.metadata["AWS::CloudFormation::Interface"] = [
            "ParameterGroups": [["Label": ["default": "Environment"], "Parameters": [.string(environment.logicalID)]]],
            "ParameterLabels": [.init(environment.logicalID): ["default": "Which environment is this?"]],
        ]

        let settings = stack.add(Mapping("EnvironmentSettings", [
            "dev": ["RetentionSeconds": 345_600, "MaxReceiveCount": 3],
            "prod": ["RetentionSeconds": 1_209_600, "MaxReceiveCount": 5],
        ]))
        let isProduction = stack.add(Condition("IsProduction", .equals(environment.ref, "prod")))

        let deadLetters = stack.add(Resource(
            "DeadLetterQueue", type: "AWS::SQS::Queue",
            properties: [
                "MessageRetentionPeriod": 1_209_600,
                "SqsManagedSseEnabled": true,
            ],
            deletionPolicy: .delete, updateReplacePolicy: .delete))

        let queue = stack.add(Resource(
            "OrdersQueue", type: "AWS::SQS::Queue",
            properties: [
                "MessageRetentionPeriod": settings.find(environment.ref, "RetentionSeconds"),
                "RedrivePolicy": [
                    "deadLetterTargetArn": deadLetters.getAtt("Arn"),
                    "maxReceiveCount": settings.find(environment.ref, "MaxReceiveCount"),
                ],
                "SqsManagedSseEnabled": true,
                "Tags": [["Key": "Name", "Value": .sub("\(.stackName)-orders")]],
            ],
            deletionPolicy: .delete, updateReplacePolicy: .delete))

        let topic = stack.add(Resource(
            "OrdersTopic", type: "AWS::SNS::Topic",
            properties: ["KmsMasterKeyId": "alias/aws/sns"]))

        let queuePolicy = stack.add(Resource(
            "OrdersQueuePolicy", type: "AWS::SQS::QueuePolicy",
            properties: [
                "Queues": [queue.ref],
                "PolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [
                        [
                            "Sid": "TopicMaySend",
                            "Effect": "Allow",
                            "Principal": ["Service": "sns.amazonaws.com"],
                            "Action": "sqs:SendMessage",
                            "Resource": queue.getAtt("Arn"),
                            "Condition": ["ArnEquals": ["aws:SourceArn": topic.ref]],
                        ],
                        [
                            "Sid": "DenyWithoutTLS",
                            "Effect": "Deny",
                            "Principal": "*",
                            "Action": "sqs:*",
                            "Resource": queue.getAtt("Arn"),
                            "Condition": ["Bool": ["aws:SecureTransport": false]],
                        ],
                    ],
                ],
            ]))

        // Messages published before the queue policy exists would be dropped;
        // nothing in the subscription's properties implies that order.
        stack.add(Resource(
            "OrdersSubscription", type: "AWS::SNS::Subscription",
            properties: [
                "Protocol": "sqs",
                "TopicArn": topic.ref,
                "Endpoint": queue.getAtt("Arn"),
                "RawMessageDelivery": isProduction.choose(true, else: false),
            ],
            dependsOn: [queuePolicy.logicalID]))

        let alarm = stack.add(Resource(
            "DeadLetterAlarm", type: "AWS::CloudWatch::Alarm",
            properties: [
                "AlarmDescription": "Orders are failing: messages reached the dead-letter queue.",
                "Namespace": "AWS/SQS",
                "MetricName": "ApproximateNumberOfMessagesVisible",
                "Dimensions": [["Name": "QueueName", "Value": deadLetters.getAtt("QueueName")]],
                "Statistic": "Maximum",
                "Period": 300,
                "EvaluationPeriods": 1,
                "Threshold": 0,
                "ComparisonOperator": "GreaterThanThreshold",
                "TreatMissingData": "notBreaching",
            ],
            condition: isProduction.name))

        stack.output(
            "OrdersTopicArn", topic.ref, description: "Publish order events here.",
            exportName: .sub("\(.stackName)-OrdersTopicArn"))
        stack.output("OrdersQueueURL", queue.ref, description: "Consumers read order events from this queue.")
        stack.output("DeadLetterQueueARN", deadLetters.getAtt("Arn"), description: "Where undeliverable orders go.")
        stack.output(
            "DeadLetterAlarmName", alarm.ref, description: "Alarm on dead letters (production only).",
            condition: isProduction.name)
    }
}
