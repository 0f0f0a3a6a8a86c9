import CloudFormation
import IAMPolicies

/// Takes a collected statement apart into rows: each principal × each action
/// × each resource, under the statement's conditions.
///
/// A `Fn::If` in a principal, action or resource (`Principal: {AWS: !If [C,
/// A, B]}`, an item of `Resource`) is taken apart too: each branch's terms
/// hold under `if C` or `unless C`, and an `AWS::NoValue` branch is no term.
enum StatementExpansion {
    static func rows(of collected: StatementSource) -> [StatementRow] {
        let statement = collected.statement
        // Anything but a literal Deny counts as Allow: an effect the diff cannot
        // read is taken to grant, so the verdict errs towards broadening.
        let effect: PolicyEffect = statement["Effect"]?.literalString == "Deny" ? .deny : .allow
        let principals = collected.identityPrincipals.map { $0.map { Term(StatementTerm($0)) } }
            ?? terms(statement, "Principal", "NotPrincipal", parse: principalTexts)
        let actions = terms(statement, "Action", "NotAction", parse: texts)
        var resources = terms(statement, "Resource", "NotResource", parse: texts)
        if let implied = collected.impliedResource {
            if resources.map(\.term) == [none] { resources = [Term(StatementTerm(implied))] }
            resources = resources.map { $0.term == StatementTerm("*") ? Term(StatementTerm(implied), $0.conditions) : $0 }
        }
        let conditions = iamConditions(statement["Condition"]) + collected.templateConditions
        var rows: [StatementRow] = []
        for principal in principals {
            for action in actions {
                for resource in resources {
                    let all = conditions + principal.conditions + action.conditions + resource.conditions
                    guard isPossible(all) else { continue }
                    rows.append(StatementRow(effect: effect, principal: principal.term, action: action.term, resource: resource.term, conditions: all))
                }
            }
        }
        return rows
    }

    /// A principal, action or resource, and the template conditions it holds under.
    private struct Term {
        var term: StatementTerm
        var conditions: [ConditionClause]

        init(_ term: StatementTerm, _ conditions: [ConditionClause] = []) {
            self.term = term
            self.conditions = conditions
        }
    }

    /// A text and the template conditions it holds under.
    private typealias Text = (text: String, conditions: [ConditionClause])

    /// What a statement that lacks an element shows in its place.
    private static let none = StatementTerm("(none)")

    private static func terms(_ statement: Object, _ key: String, _ negatedKey: String, parse: (Value) -> [Text]) -> [Term] {
        if let value = statement[key] { return parse(value).map { Term(StatementTerm($0.text), $0.conditions) } }
        // Everything but any of the listed: one term for the list (its items' template conditions all apply).
        // Excluding `*` leaves nothing: no term, so no row.
        if let value = statement[negatedKey] {
            let items = parse(value)
            if items.contains(where: { $0.text == "*" && $0.conditions.isEmpty }) { return [] }
            return [Term(StatementTerm(excluding: items.map(\.text)), items.flatMap(\.conditions))]
        }
        return [Term(none)]
    }

    /// A list's items or the one value, each as compact text.
    private static func texts(_ value: Value) -> [Text] {
        items(of: value).map { (ValueText.line($0.value, style: .resolved), $0.conditions) }
    }

    /// `"*"`, or `{AWS: [...], Service: ...}` as `AWS:…` and `Service:…` in key
    /// order. `AWS: "*"` is everyone, like `"*"`.
    private static func principalTexts(_ value: Value) -> [Text] {
        items(of: value).flatMap { item -> [Text] in
            guard case .object(let object) = item.value else { return [(ValueText.line(item.value, style: .resolved), item.conditions)] }
            return object.entries.sorted { $0.key < $1.key }.flatMap { entry in
                items(of: entry.value).map { inner in
                    let text = ValueText.line(inner.value, style: .resolved)
                    return (entry.key == "AWS" && text == "*" ? "*" : "\(entry.key):\(text)", item.conditions + inner.conditions)
                }
            }
        }
    }

    /// The items of a list, or the one value, with each `Fn::If` taken apart
    /// into its branches (under `if C` and `unless C`); `AWS::NoValue` is none.
    private static func items(of value: Value) -> [(value: Value, conditions: [ConditionClause])] {
        switch value {
        case .intrinsic(.if(let name, let then, let otherwise)):
            let whenTrue = items(of: then).map { ($0.value, [ConditionClause.templateCondition(name, holds: true)] + $0.conditions) }
            let whenFalse = items(of: otherwise).map { ($0.value, [ConditionClause.templateCondition(name, holds: false)] + $0.conditions) }
            return (whenTrue + whenFalse).filter { isPossible($0.1) }
        case .intrinsic(.ref("AWS::NoValue")):
            return []
        case .list(let list):
            return list.flatMap { item -> [(value: Value, conditions: [ConditionClause])] in
                // A list inside a list is a value of its own, not more items.
                if case .list = item { return [(item, [])] }
                return items(of: item)
            }
        default:
            return [(value, [])]
        }
    }

    /// No template condition both holds and does not hold.
    private static func isPossible(_ conditions: [ConditionClause]) -> Bool {
        var holds: [String: Bool] = [:]
        for case .templateCondition(let name, let value) in conditions {
            if let known = holds[name], known != value { return false }
            holds[name] = value
        }
        return true
    }

    /// `{Operator: {Key: value or values}}` as one clause per operator and key.
    private static func iamConditions(_ value: Value?) -> [ConditionClause] {
        guard let value else { return [] }
        guard case .object(let operators) = value else {
            return [.iam(operator: "Condition", key: ValueText.line(value, style: .resolved), values: [])]
        }
        return operators.entries.flatMap { op -> [ConditionClause] in
            guard case .object(let keys) = op.value else {
                return [.iam(operator: op.key, key: ValueText.line(op.value, style: .resolved), values: [])]
            }
            return keys.entries.map { entry in
                let values = if case .list(let items) = entry.value { items.map { ValueText.line($0, style: .resolved) } } else { [ValueText.line(entry.value, style: .resolved)] }
                return .iam(operator: op.key, key: entry.key, values: values.sorted())
            }
        }
    }
}
