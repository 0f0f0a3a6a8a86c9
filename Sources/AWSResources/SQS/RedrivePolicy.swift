import CloudFormation

extension Value {
    /// An SQS queue's `RedrivePolicy`: a message received `maxReceiveCount`
    /// times moves to the dead-letter queue `deadLetterTargetArn` names.
    public static func redrive(to deadLetterTargetArn: some PropertyValue, maxReceiveCount: Value) -> Value {
        ["deadLetterTargetArn": deadLetterTargetArn.templateValue, "maxReceiveCount": maxReceiveCount]
    }
}
