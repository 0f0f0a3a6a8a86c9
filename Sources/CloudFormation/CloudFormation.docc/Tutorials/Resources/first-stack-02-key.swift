import AWSConstructs
import CloudFormation

/// A bucket for uploads, a queue for the work they cause, and a role that
/// may read the uploads and send to the queue.
public struct UploadsStack: StackDefinition {
    public var name: String { "Uploads" }

    public init() {}

    public func build(_ stack: Stack) throws {
        stack.add(Key("UploadsKey", description: "Encrypts the uploads."))
    }
}
