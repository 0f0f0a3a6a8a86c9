import CloudFormation
import IAMPolicies

/// One statement of an identity policy, built typed and stored as the
/// template will show it.
public struct PolicyStatement: Hashable, Sendable {
    public typealias Effect = PolicyEffect

    public var effect: Effect
    /// Exact action names, sorted, without repeats.
    public private(set) var actions: [String]
    public private(set) var resources: [Value]
    /// The `Condition` block, or empty.
    public var conditions: Object

    init(effect: Effect, actions: [String], resources: [Value], conditions: Object = [:]) {
        self.effect = effect
        self.actions = Array(Set(actions)).sorted()
        self.resources = Self.sortedUnique(resources)
        self.conditions = conditions
    }

    /// Allows `actions` on `resources`, which must be of the actions' kind.
    public static func allow<Kind>(
        _ actions: [IAMAction<Kind>], on resources: [ARN<Kind>], conditions: Object = [:]
    ) -> PolicyStatement {
        PolicyStatement(effect: .allow, actions: actions.map(\.name), resources: resources.map(\.templateValue), conditions: conditions)
    }

    /// Allows actions that have no resource-level permissions (IAM accepts only
    /// `Resource: "*"` for them). Synthesis fails if any of them has
    /// resource-level permissions after all.
    public static func allowOnAnyResource(_ actions: [String], conditions: Object = [:]) -> PolicyStatement {
        PolicyStatement(effect: .allow, actions: actions, resources: ["*"], conditions: conditions)
    }

    /// The statement as a policy document holds it.
    public var templateValue: Value { documentStatement.templateValue }

    private var documentStatement: PolicyDocument.Statement {
        PolicyDocument.Statement(
            effect: effect, actions: actions, resources: resources, conditions: conditions)
    }

    /// Statements with the same effect, resources and conditions become one,
    /// their actions joined; the rest keep the order they were added in.
    public static func merged(_ statements: [PolicyStatement]) -> [PolicyStatement] {
        var result: [PolicyStatement] = []
        for statement in statements {
            if let index = result.firstIndex(where: {
                $0.effect == statement.effect && $0.resources == statement.resources && $0.conditions == statement.conditions
            }) {
                result[index].actions = Array(Set(result[index].actions + statement.actions)).sorted()
            } else {
                result.append(statement)
            }
        }
        return result
    }

    /// A policy document of the merged statements.
    public static func document(_ statements: [PolicyStatement]) -> Value {
        PolicyDocument(merged(statements).map(\.documentStatement)).templateValue
    }

    /// Sorted by a canonical spelling, so the order of grants never shows.
    private static func sortedUnique(_ values: [Value]) -> [Value] {
        var seen: Set<Value> = []
        return values.filter { seen.insert($0).inserted }.sorted { ValueText.line($0, style: .json) < ValueText.line($1, style: .json) }
    }
}
