/// A stack described in Swift: a name, and code that adds its parts.
///
/// ```swift
/// struct Queues: StackDefinition {
///     var name: String { "Queues" }
///     func build(_ stack: Stack) throws {
///         let dlq = stack.add(Resource("DeadLetters", type: "AWS::SQS::Queue"))
///         stack.output("DeadLetterQueueURL", dlq.ref)
///     }
/// }
/// ```
public protocol StackDefinition: Sendable {
    /// The name `synth` lists and selects, and the file name under `generated/`.
    var name: String { get }
    func build(_ stack: Stack) throws
}

/// Something that declares resources in a stack: a single `Resource`, or a
/// construct that declares several (a function with its role and log group).
public protocol ResourceDeclaration {
    /// The logical ID of the main resource.
    var logicalID: String { get }
    /// The resources as the template holds them, read when the stack is
    /// synthesized (so a construct may still change after it was added).
    func declaredResources() -> [Resource]
}

extension Resource: ResourceDeclaration {
    public func declaredResources() -> [Resource] { [self] }
}
