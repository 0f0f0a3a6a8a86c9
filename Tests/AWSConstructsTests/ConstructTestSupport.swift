import AWSConstructs
import AWSResources
import CloudFormation

/// A stack built by a closure, synthesized with every AWS check.
struct ConstructStack: StackDefinition {
    var name = "Constructs"
    var body: @Sendable (Stack) throws -> Void
    func build(_ stack: Stack) throws { try body(stack) }
}

func synthesized(_ body: @escaping @Sendable (Stack) throws -> Void) throws -> Template {
    try synthesize(ConstructStack(body: body), checks: AWSChecks.all).template
}

extension Template {
    /// The statements of a role's one inline policy.
    func statements(ofRole logicalID: String) -> [Value] {
        guard case .list(let policies)? = resource(logicalID)?.properties["Policies"],
            case .object(let policy)? = policies.first,
            case .object(let document)? = policy["PolicyDocument"],
            case .list(let statements)? = document["Statement"]
        else { return [] }
        return statements
    }
}

let inlineCode = Function.Code.inline("def handler(event, context):\n    return event\n")
