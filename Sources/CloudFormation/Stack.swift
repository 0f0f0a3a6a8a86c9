/// The stack being built: what a `StackDefinition` adds its parts to.
///
/// Parts keep the order they were added in; that is the order of the template.
public final class Stack {
    public let name: String
    public var description: String?
    public var metadata: Object = [:]
    /// Macros, such as `AWS::LanguageExtensions`.
    public var transforms: [String] = []

    private var parameters: [Parameter] = []
    private var mappings: [Mapping] = []
    private var conditions: [Condition] = []
    private var declarations: [any ResourceDeclaration] = []
    private var outputs: [Output] = []
    /// Resource → the nested stack it is asked to go to (`place(_:inNestedStack:)`).
    public private(set) var requestedParts: [String: String] = [:]
    /// Files written beside the template (`<stack>.<name>` under `--output`), as JSON.
    public private(set) var artifacts: [(name: String, json: Value)] = []

    public init(name: String) {
        self.name = name
    }

    @discardableResult
    public func add(_ parameter: Parameter) -> Parameter {
        parameters.append(parameter)
        return parameter
    }

    @discardableResult
    public func add(_ mapping: Mapping) -> Mapping {
        mappings.append(mapping)
        return mapping
    }

    @discardableResult
    public func add(_ condition: Condition) -> Condition {
        conditions.append(condition)
        return condition
    }

    @discardableResult
    public func add<Declaration: ResourceDeclaration>(_ declaration: Declaration) -> Declaration {
        declarations.append(declaration)
        return declaration
    }

    @discardableResult
    public func add(_ output: Output) -> Output {
        outputs.append(output)
        return output
    }

    /// Adds an output; `exportName` makes it importable by other stacks.
    @discardableResult
    public func output(
        _ logicalID: String, _ value: Value, description: String? = nil,
        exportName: Value? = nil, condition: String? = nil
    ) -> Output {
        add(Output(logicalID, value: value, description: description, exportName: exportName, condition: condition))
    }

    /// Adds an output whose value is a typed expression (`table.streamArn`).
    @discardableResult
    public func output(
        _ logicalID: String, _ value: some PropertyValue, description: String? = nil,
        exportName: Value? = nil, condition: String? = nil
    ) -> Output {
        output(logicalID, value.templateValue, description: description, exportName: exportName, condition: condition)
    }

    /// Puts the resources of `declarations` in the nested stack `part` (a
    /// logical ID of the root stack), whatever the stack's size; the rest
    /// stays in the root, or is split automatically past CloudFormation's
    /// limits (`NestedStackSplit`).
    public func place(_ declarations: any ResourceDeclaration..., inNestedStack part: String) {
        for declaration in declarations {
            for resource in declaration.declaredResources() { requestedParts[resource.logicalID] = part }
        }
    }

    /// A JSON file that `synth --output` writes as `<stack>.<name>` beside
    /// the template, and `--check` compares: something to use with another
    /// tool, such as a request for the AWS CLI.
    public func addArtifact(_ name: String, json: Value) {
        artifacts.append((name, json))
    }

    /// The files the stack's declarations refer to by a local path, in
    /// declaration order, each path once. Throws every declaration's problem
    /// at once, at the declaration's logical ID.
    public func assets() throws(SynthesisError) -> [Asset] {
        var seen: Set<String> = []
        var assets: [Asset] = []
        var problems: [Diagnostic] = []
        for declaration in declarations {
            // A requirement, not a cast: a cast to a protocol the type may
            // not conform to searches the runtime's conformance records.
            do {
                assets += try declaration.declaredAssets().filter { seen.insert($0.path).inserted }
            } catch {
                problems.append(Diagnostic(.error, stack: name, path: ["Resources", declaration.logicalID], "\(error)"))
            }
        }
        guard problems.isEmpty else { throw SynthesisError(problems) }
        return assets
    }

    /// The template as the stack stands now, before validation.
    public var template: Template {
        Template(
            description: description,
            metadata: metadata,
            parameters: parameters,
            mappings: mappings,
            conditions: conditions,
            transforms: transforms,
            resources: declarations.flatMap { $0.declaredResources() },
            outputs: outputs
        )
    }
}
