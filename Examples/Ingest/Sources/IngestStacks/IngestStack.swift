import AWSConstructs
import CloudFormation

/// Files dropped in a bucket are read every hour by a function that writes
/// their records to a table.
public struct IngestStack: StackDefinition {
    public var name: String { "Ingest" }
    /// How often the function reads the bucket.
    public var schedule: Schedule = .rate(.hours(1))

    public init() {}

    public func build(_ stack: Stack) throws {
        let key = stack.add(Key("IngestKey", description: "Encrypts the inbox, the records and the function's logs."))
        let logs = stack.add(Bucket.accessLogBucket("AccessLogs"))
        let inbox = stack.add(Bucket("Inbox", encryption: .kms(key), accessLogs: .to(logs, prefix: "inbox/")))
        let records = stack.add(Table("Records", partitionKey: .string("id"), encryption: .kms(key)))
        let ingest = stack.add(Function(
            "Ingest", code: .inline("def handler(event, context):\n    return {\"read\": 0}\n"),
            environment: ["INBOX": inbox.ref, "TABLE": records.ref], key: key))
        inbox.grantRead(to: ingest)
        records.grantWriteData(to: ingest)
        let rule = stack.add(Rule("Hourly", trigger: .schedule(schedule)))
        rule.addTarget(ingest)
        stack.output("InboxBucketName", inbox.ref)
    }
}
