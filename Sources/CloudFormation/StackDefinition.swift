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

    /// The stacks of the same catalog whose resources this stack refers to
    /// by logical ID; each such reference becomes an import
    /// (`CrossStackReferences`). None by default: a name the stack does not
    /// declare is then an error, never a guess.
    var referencedStacks: [String] { get }

    /// How this stack takes the values of `referencedStacks`.
    var crossStackReferenceStyle: CrossStackReferences.Style { get }

    /// Deploy the stack as a StackSet to the accounts of organizational
    /// units: `synth --output` writes `<name>.stackset.yaml` beside the
    /// member template. `nil` (the default) for a stack of one account.
    var stackSet: StackSetDeployment? { get }
}

extension StackDefinition {
    public var referencedStacks: [String] { [] }
    public var crossStackReferenceStyle: CrossStackReferences.Style { .export }
    public var stackSet: StackSetDeployment? { nil }
}

/// Something that declares resources in a stack: a single `Resource`, or a
/// construct that declares several (a function with its role and log group).
public protocol ResourceDeclaration {
    /// The logical ID of the main resource.
    var logicalID: String { get }
    /// The resources as the template holds them, read when the stack is
    /// synthesized (so a construct may still change after it was added).
    func declaredResources() -> [Resource]
    /// The files the resources refer to by a local path (a function's code
    /// as a ZIP), built when the stack is synthesized; none unless the
    /// declaration says so. Throws when one cannot be built (a missing
    /// folder, a failed dependency install).
    func declaredAssets() throws -> [Asset]
}

extension ResourceDeclaration {
    public func declaredAssets() throws -> [Asset] { [] }
}

extension Resource: ResourceDeclaration {
    public func declaredResources() -> [Resource] { [self] }
}
