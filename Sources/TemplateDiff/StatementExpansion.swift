import CloudFormation

/// Takes a collected statement apart into rows: each principal × each action
/// × each resource, under the statement's conditions.
enum StatementExpansion {
    static func rows(of collected: CollectedStatement) -> [StatementRow] {
        let statement = collected.statement
        // Anything but a literal Deny counts as Allow: an effect the diff cannot
        // read is taken to grant, so the verdict errs towards broadening.
        let effect: StatementRow.Effect = statement["Effect"]?.literalString == "Deny" ? .deny : .allow
        let principals = collected.identityPrincipals.map { $0.map { StatementTerm($0) } }
            ?? terms(statement, "Principal", "NotPrincipal", parse: principalTexts)
        let actions = terms(statement, "Action", "NotAction", parse: texts)
        var resources = terms(statement, "Resource", "NotResource", parse: texts)
        if resources == [none], let implied = collected.defaultResource { resources = [StatementTerm(implied)] }
        if let own = collected.wildcardResource {
            resources = resources.map { $0 == StatementTerm("*") ? StatementTerm(own) : $0 }
        }
        let conditions = iamConditions(statement["Condition"]) + collected.templateConditions
        var rows: [StatementRow] = []
        for principal in principals {
            for action in actions {
                for resource in resources {
                    rows.append(StatementRow(effect: effect, principal: principal, action: action, resource: resource, conditions: conditions))
                }
            }
        }
        return rows
    }

    /// What a statement that lacks an element shows in its place.
    private static let none = StatementTerm("(none)")

    private static func terms(_ statement: Object, _ key: String, _ negatedKey: String, parse: (Value) -> [String]) -> [StatementTerm] {
        if let value = statement[key] { return parse(value).map { StatementTerm($0) } }
        if let value = statement[negatedKey] { return parse(value).map { StatementTerm($0, isNegated: true) } }
        return [none]
    }

    /// A list's items or the one value, each as compact text.
    private static func texts(_ value: Value) -> [String] {
        if case .list(let items) = value { return items.map(CompactText.text) }
        return [CompactText.text(value)]
    }

    /// `"*"`, or `{AWS: [...], Service: ...}` as `AWS:…` and `Service:…` in key
    /// order. `AWS: "*"` is everyone, like `"*"`.
    private static func principalTexts(_ value: Value) -> [String] {
        guard case .object(let object) = value else { return texts(value) }
        return object.entries.sorted { $0.key < $1.key }.flatMap { entry in
            texts(entry.value).map { text in entry.key == "AWS" && text == "*" ? "*" : "\(entry.key):\(text)" }
        }
    }

    /// `{Operator: {Key: value or values}}` as one clause per operator and key.
    private static func iamConditions(_ value: Value?) -> [ConditionClause] {
        guard let value else { return [] }
        guard case .object(let operators) = value else {
            return [.iam(operator: "Condition", key: CompactText.text(value), values: [])]
        }
        return operators.entries.flatMap { op -> [ConditionClause] in
            guard case .object(let keys) = op.value else {
                return [.iam(operator: op.key, key: CompactText.text(op.value), values: [])]
            }
            return keys.entries.map { .iam(operator: op.key, key: $0.key, values: texts($0.value).sorted()) }
        }
    }
}
