import AWSConstructs
import CloudFormation

/// A bucket for uploads, a queue for the work they cause, and a role that
/// may read the uploads and send to the queue.
public struct UploadsStack: StackDefinition {
    public var name: String { "Uploads" }

    public init() {}

    public func build(_ stack: Stack) throws {
        let key = stack.add(Key("UploadsKey", description: "Encrypts the uploads."))
        let logs = stack.add(Bucket.accessLogBucket("AccessLogs"))
        let uploads = stack.add(Bucket("Uploads", encryption: .kms(key), accessLogs: .to(logs, prefix: "uploads/")))
        let work = stack.add(Queue("Work", key: key))
        let worker = stack.add(Role("Worker", trustedService: "ec2.amazonaws.com"))
        uploads.grantRead(to: worker)
        work.grantSend(to: worker)
        stack.output("UploadsBucketName", uploads.ref)
    }
}
