import AWSConstructs
import AWSResources
import CloudFormation
import IAMPolicies
import SecurityRules

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

        let environment = stack.add(TypedParameter.string(
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

        // Queues hold messages, not records: replacing or deleting one loses
        // only messages in flight, so the stack may delete them. The example
        // keeps to AWS-managed keys, so it needs no key of its own.
        let awsManagedKey = "Order events carry no personal data; the AWS-managed key keeps this example free of a key to administer."
        let disposable = ResourceAttributes(
            metadata: RuleSuppression.metadata([RuleSuppression("SQS-KMS", because: awsManagedKey)]),
            deletionPolicy: .delete, updateReplacePolicy: .delete)

        let deadLetters = stack.add(SQS.Queue(
            "DeadLetterQueue", kmsMasterKeyId: "alias/aws/sqs", messageRetentionPeriod: 1_209_600, attributes: disposable))

        let queue = stack.add(SQS.Queue(
            "OrdersQueue",
            kmsMasterKeyId: "alias/aws/sqs",
            messageRetentionPeriod: .findInMap(settings, environment.ref, "RetentionSeconds"),
            redrivePolicy: .redrive(to: deadLetters.arn, maxReceiveCount: settings.find(environment.ref, "MaxReceiveCount")),
            tags: [.init(key: "Name", value: .sub("\(.stackName)-orders"))],
            attributes: disposable))

        let topic = stack.add(SNS.Topic(
            "OrdersTopic", kmsMasterKeyId: "alias/aws/sns",
            attributes: ResourceAttributes(metadata: RuleSuppression.metadata([RuleSuppression("SNS-KMS", because: awsManagedKey)]))))
        stack.add(SNS.TopicPolicy(
            "OrdersTopicPolicy",
            policy: PolicyDocument([
                .init(sid: "DenyPublishWithoutTLS", effect: .deny, principal: .anyone, actions: ["sns:Publish"], resources: [topic.ref],
                      conditions: .bool("aws:SecureTransport", false)),
            ]),
            topics: [topic.ref]))

        let queuePolicy = stack.add(SQS.QueuePolicy(
            "OrdersQueuePolicy",
            policy: PolicyDocument([
                .init(sid: "TopicMaySend", effect: .allow, principal: .service("sns.amazonaws.com"), actions: ["sqs:SendMessage"],
                      resources: [queue.arn], conditions: .arnEquals("aws:SourceArn", topic.ref)),
                .init(sid: "DenyWithoutTLS", effect: .deny, principal: .anyone, actions: ["sqs:*"],
                      resources: [queue.arn, deadLetters.arn], conditions: .bool("aws:SecureTransport", false)),
            ]),
            queues: [queue.ref, deadLetters.ref]))

        // Messages published before the queue policy exists would be dropped;
        // nothing in the subscription's properties implies that order.
        stack.add(SNS.Subscription(
            "OrdersSubscription",
            endpoint: queue.arn,
            protocol: "sqs",
            rawMessageDelivery: .if(isProduction, true, else: false),
            topicArn: .to(topic),
            attributes: ResourceAttributes(dependsOn: [queuePolicy])))

        let alarm = stack.add(CloudWatch.Alarm(
            "DeadLetterAlarm",
            alarmDescription: "Orders are failing: messages reached the dead-letter queue.",
            comparisonOperator: .greaterThanThreshold,
            dimensions: [.init(name: "QueueName", value: deadLetters.getAtt("QueueName"))],
            evaluationPeriods: 1,
            metricName: "ApproximateNumberOfMessagesVisible",
            namespace: "AWS/SQS",
            period: 300,
            statistic: .maximum,
            threshold: 0,
            treatMissingData: .notBreaching,
            attributes: ResourceAttributes(condition: isProduction)))

        stack.output(
            "OrdersTopicArn", topic.ref, description: "Publish order events here.",
            exportName: .sub("\(.stackName)-OrdersTopicArn"))
        stack.output("OrdersQueueURL", queue.ref, description: "Consumers read order events from this queue.")
        stack.output("DeadLetterQueueARN", deadLetters.arn, description: "Where undeliverable orders go.")
        stack.output(
            "DeadLetterAlarmName", alarm.ref, description: "Alarm on dead letters (production only).",
            condition: isProduction.name)
    }
}
