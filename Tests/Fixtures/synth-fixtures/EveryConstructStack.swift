import AWSConstructs
import AWSResources
import CloudFormation

/// Every construct with its defaults and every grant once: the template
/// `make test` runs cfn-lint and checkov over, expecting no finding.
struct EveryConstructStack: StackDefinition {
    var name: String { "EveryConstruct" }

    func build(_ stack: Stack) throws {
        let key = stack.add(Key("Key", description: "Encrypts everything in this stack.", alias: "alias/every-construct"))
        let logs = stack.add(Bucket.accessLogBucket("AccessLogs"))
        let bucket = stack.add(Bucket("Data", encryption: .kms(key), accessLogs: .to(logs, prefix: "data/")))
        let table = stack.add(Table(
            "Items", partitionKey: .string("id"), encryption: .kms(key),
            globalIndexes: [Table.GlobalIndex("ByOwner", partitionKey: .string("owner"))]))
        let queue = stack.add(Queue("Work", key: key))
        queue.deadLetters = (stack.add(Queue("WorkDeadLetters", key: key)), 5)
        key.allow(
            .role(.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")),
            [.decrypt], sid: "MacieDecrypts")
        let topic = stack.add(Topic("Events", key: key))
        let function = stack.add(Function(
            "Worker", code: .inline("def handler(event, context):\n    return event\n"),
            environment: ["TABLE": table.ref, "BUCKET": bucket.ref], key: key))
        table.grantReadData(to: function)
        table.grantWriteData(to: function)
        table.grantScan(to: function)
        bucket.grantRead(to: function)
        bucket.grantPut(to: function)
        bucket.grantDelete(to: function)
        key.grantEncryptDecrypt(to: function)
        queue.grantSend(to: function)
        topic.grantPublish(to: function)
        let rule = stack.add(Rule("Hourly", trigger: .schedule(.rate(.hours(1)))))
        rule.addTarget(function)
        stack.add(CustomDataIdentifier(
            "AccountNumbers", name: "account_number", description: "Customer account numbers",
            regex: #"XYZ-\d{11}"#))
    }
}
