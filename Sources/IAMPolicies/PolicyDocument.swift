import CloudFormation

/// A policy document built typed, identity or resource policy alike, written
/// as a template holds it: `Version` 2012-10-17 and the statements in order.
public struct PolicyDocument: Hashable, Sendable {
    public var statements: [Statement]

    public init(_ statements: [Statement]) {
        self.statements = statements
    }

    /// Who a resource-policy statement is about.
    public enum Principal: Hashable, Sendable {
        /// `"*"`: anyone.
        case anyone
        /// `{Service: name}`.
        case service(Value)
        /// `{AWS: account, ARN or root}`.
        case aws(Value)

        var templateValue: Value {
            switch self {
            case .anyone: "*"
            case .service(let name): ["Service": name]
            case .aws(let arn): ["AWS": arn]
            }
        }
    }

    /// One statement. An element of one item is written as that item, of
    /// several as a list, in the order given; `resources` empty writes no
    /// `Resource` (a statement about what its policy is attached to).
    public struct Statement: Hashable, Sendable {
        public typealias Effect = PolicyEffect

        public var sid: String?
        public var effect: Effect
        /// `nil` in an identity policy, which names no principal.
        public var principal: Principal?
        public var actions: [String]
        public var resources: [Value]
        /// The `Condition` block, or empty.
        public var conditions: Object
        /// Whether `Action` is written as a list even when it holds one action.
        public var actionsAsList: Bool

        public init(
            sid: String? = nil, effect: Effect, principal: Principal? = nil, actions: [String], resources: [any PropertyValue] = [],
            conditions: Object = [:], actionsAsList: Bool = false
        ) {
            self.sid = sid
            self.effect = effect
            self.principal = principal
            self.actions = actions
            self.resources = resources.map(\.templateValue)
            self.conditions = conditions
            self.actionsAsList = actionsAsList
        }

        /// The statement as a policy document holds it: `Sid`, `Effect`,
        /// `Principal`, `Action`, `Resource`, `Condition`.
        public var templateValue: Value {
            var object = Object()
            if let sid { object["Sid"] = .string(sid) }
            object["Effect"] = .string(effect.rawValue)
            if let principal { object["Principal"] = principal.templateValue }
            object["Action"] = actions.count == 1 && !actionsAsList ? .string(actions[0]) : .list(actions.map(Value.string))
            if !resources.isEmpty { object["Resource"] = resources.count == 1 ? resources[0] : .list(resources) }
            if !conditions.isEmpty { object["Condition"] = .object(conditions) }
            return .object(object)
        }
    }

    public var templateValue: Value {
        ["Version": "2012-10-17", "Statement": .list(statements.map(\.templateValue))]
    }
}
