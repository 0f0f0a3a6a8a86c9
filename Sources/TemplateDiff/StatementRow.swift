import IAMPolicies

/// One grant or denial of one policy statement: one principal, one action
/// pattern, one resource pattern, under all of the statement's conditions.
///
/// A statement is the cross product of its principals, actions and
/// resources; taken apart into rows, two templates' policies can be compared
/// row by row whatever statements, policies or orders they are written in.
public struct StatementRow: Hashable, Sendable, CustomStringConvertible {
    public var effect: PolicyEffect
    /// `*`, `Service:sns.amazonaws.com`, `AWS:${Role.Arn}`, or for identity
    /// policies the identity they are attached to: `role:${ExportRole}`.
    public var principal: StatementTerm
    /// As written (`s3:Get*`); compared case-insensitively, as IAM does.
    public var action: StatementTerm
    public var resource: StatementTerm
    /// All must hold; sorted by their text.
    public var conditions: [ConditionClause]

    public init(
        effect: PolicyEffect, principal: StatementTerm, action: StatementTerm, resource: StatementTerm,
        conditions: [ConditionClause] = []
    ) {
        self.effect = effect
        self.principal = principal
        self.action = action
        self.resource = resource
        self.conditions = Array(Set(conditions)).sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
    }

    /// The row with each `${Old}` and `${Old.Attribute}` reference written with the new logical ID.
    func renaming(_ renames: [(old: String, new: String)]) -> StatementRow {
        guard !renames.isEmpty else { return self }
        func rename(_ text: String) -> String {
            renames.reduce(text) { text, rename in
                text.replacing("${\(rename.old)}", with: "${\(rename.new)}").replacing("${\(rename.old).", with: "${\(rename.new).")
            }
        }
        func rename(_ term: StatementTerm) -> StatementTerm { term.mapping(rename) }
        let conditions = self.conditions.map { clause -> ConditionClause in
            guard case .iam(let op, let key, let values) = clause else { return clause }
            return .iam(operator: op, key: key, values: values.map(rename).sorted())
        }
        return StatementRow(
            effect: effect, principal: rename(principal), action: action, resource: rename(resource), conditions: conditions)
    }

    /// The conditions on one line, `-` when there are none.
    public var conditionText: String {
        conditions.isEmpty ? "-" : conditions.map(\.description).joined(separator: " AND ")
    }

    public var description: String {
        "\(effect.rawValue) \(principal) \(action) \(resource) \(conditionText)"
    }

    // IAM compares action names case-insensitively: `s3:getobject` is `s3:GetObject`.
    public static func == (lhs: StatementRow, rhs: StatementRow) -> Bool {
        lhs.effect == rhs.effect && lhs.principal == rhs.principal && lhs.resource == rhs.resource
            && lhs.action.caseFolded == rhs.action.caseFolded && lhs.conditions == rhs.conditions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(effect)
        hasher.combine(principal)
        hasher.combine(action.caseFolded)
        hasher.combine(resource)
        hasher.combine(conditions)
    }
}

/// A principal, action or resource of a row; `isNegated` for `NotPrincipal`,
/// `NotAction` and `NotResource`, which grant everything except what any of
/// their patterns matches: one term for the whole list, `not [a, b]`.
public struct StatementTerm: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var isNegated: Bool
    /// The pattern, or for a negated term every pattern it excludes, sorted.
    public var patterns: [String]

    public init(_ text: String, isNegated: Bool = false) {
        self.text = text
        self.isNegated = isNegated
        patterns = [text]
    }

    /// Everything but what any of `patterns` matches.
    public init(excluding patterns: [String]) {
        self.patterns = Array(Set(patterns)).sorted()
        text = self.patterns.count == 1 ? self.patterns[0] : "[" + self.patterns.joined(separator: ", ") + "]"
        isNegated = true
    }

    public var description: String { isNegated ? "not \(text)" : text }

    /// The term with each pattern rewritten.
    func mapping(_ transform: (String) -> String) -> StatementTerm {
        isNegated ? StatementTerm(excluding: patterns.map(transform)) : StatementTerm(transform(text))
    }

    var caseFolded: StatementTerm { mapping { $0.lowercased() } }
}

/// One condition a row holds under.
public enum ConditionClause: Hashable, Sendable, CustomStringConvertible {
    /// An IAM condition: operator, key, and the values of which any may match (sorted).
    case iam(operator: String, key: String, values: [String])
    /// The template condition the statement exists under: the `Condition`
    /// of the resource that holds it, or a branch of `Fn::If` around it.
    case templateCondition(String, holds: Bool)

    /// The template condition's name, for a clause that is one.
    var templateConditionName: String? {
        if case .templateCondition(let name, _) = self { name } else { nil }
    }

    /// The text, then the parts it is made of: a total order, so two clauses
    /// that read alike still sort the same way on every run.
    var sortKey: [String] {
        switch self {
        case .iam(let op, let key, let values): [description, "iam", op, key] + values
        case .templateCondition(let name, let holds): [description, "template", name, holds ? "1" : "0"]
        }
    }

    public var description: String {
        switch self {
        case .iam(let op, let key, let values):
            let value = values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
            return "\(op) \(key)=\(value)"
        case .templateCondition(let name, let holds):
            return holds ? "if \(name)" : "unless \(name)"
        }
    }
}
