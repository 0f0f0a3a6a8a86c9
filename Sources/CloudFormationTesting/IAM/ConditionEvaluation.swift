import IAMPolicies
/// A statement's `Condition` block decided against a `RequestContext`.
///
/// Semantics, from the IAM User Guide ("IAM JSON policy elements: Condition
/// operators" and "Conditions with multiple context keys or values"):
/// - several operators, and several keys under one operator, must all hold (AND);
/// - several values for one key: any may match (OR); for a negated operator
///   (`StringNotEquals`, `StringNotLike`, `ArnNotEquals`, `ArnNotLike`) none
///   may (NOR);
/// - a key missing from the request makes plain operators false and negated
///   ones true; `…IfExists` is true when the key is missing; `Null: true`
///   holds when the key is missing, `Null: false` when it is there.
///
/// Evaluated: `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`,
/// `StringNotEqualsIgnoreCase`, `StringLike`, `StringNotLike`, `ArnEquals`,
/// `ArnLike`, `ArnNotEquals`, `ArnNotLike`, `Bool`, each with `…IfExists`, and
/// `Null`. Anything else — numeric, date and IP operators, `ForAnyValue:` and
/// `ForAllValues:` — is unevaluated: unknown, and named in the notes. So is
/// a plain operator on a key the request context does not say anything about
/// (see `RequestContext`).
struct ConditionEvaluator {
    let request: RequestContext

    private static let evaluated: Set<String> = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
        "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Bool", "Null",
    ]
    private static let negated: Set<String> = [
        "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike",
    ]

    func evaluate(_ block: SymbolicValue, notes: inout IAMNotes) -> IAMTernary {
        guard case .object(let operators) = block else {
            notes.add("a Condition that is not an object (\(block)) is unevaluated")
            return .unknown
        }
        var result = IAMTernary.yes
        for entry in operators {
            guard case .object(let keys) = entry.value else {
                notes.add("condition operator \(entry.key) without keys is unevaluated")
                result = result && .unknown
                continue
            }
            for key in keys {
                result = result && evaluate(entry.key, key: key.key, values: key.value.listItems, notes: &notes)
            }
        }
        return result
    }

    private func evaluate(_ name: String, key: String, values: [SymbolicValue], notes: inout IAMNotes) -> IAMTernary {
        let ifExists = name.hasSuffix("IfExists")
        let base = ifExists ? String(name.dropLast("IfExists".count)) : name
        guard Self.evaluated.contains(base), !(ifExists && base == "Null") else {
            notes.add("condition \(name) on \(key) is unevaluated: the evaluator does not evaluate \(name)")
            return .unknown
        }
        let state = request.state(of: key)
        if base == "Null" {
            var missing = true
            if case .given = state { missing = false }
            if state == .notSaid {
                notes.add("condition Null on \(key): the request context says nothing about \(key), so it is taken as missing")
            }
            return IAMTernary.any(values.map { value in
                guard let text = value.scalarText?.lowercased() else { return .unknown }
                return IAMTernary(text == (missing ? "true" : "false"))
            })
        }
        let isNegated = Self.negated.contains(base)
        let actual: String
        switch state {
        case .given(let value):
            actual = value
        case .absent:
            return ifExists || isNegated ? .yes : .no
        case .notSaid:
            if ifExists {
                notes.add("condition \(name) on \(key): the request context says nothing about \(key), so it is taken as missing")
                return .yes
            }
            notes.add("condition \(name) on \(key) is unevaluated: the request context says nothing about \(key)")
            return .unknown
        }
        let matches = IAMTernary.any(values.map { value in
            matchOne(base, policyValue: value, actual: actual, notes: &notes)
        })
        return isNegated ? !matches : matches
    }

    /// Whether one policy value matches the request's value (for negated
    /// operators: the positive match, negated by the caller).
    private func matchOne(_ base: String, policyValue: SymbolicValue, actual: String, notes: inout IAMNotes) -> IAMTernary {
        guard let expected = policyValue.scalarText else {
            notes.add("condition value \(policyValue) cannot be resolved")
            return .unknown
        }
        switch base {
        case "StringEquals", "StringNotEquals":
            guard let pattern = substituted(expected, notes: &notes) else { return .unknown }
            return IAMTernary(pattern == actual)
        case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase":
            guard let pattern = substituted(expected, notes: &notes) else { return .unknown }
            return IAMTernary(pattern.lowercased() == actual.lowercased())
        case "StringLike", "StringNotLike":
            guard let pattern = IAMWildcard.pattern(expected, variable: variable) else {
                notes.add("policy variable in \(expected) has no value in the request context")
                return .unknown
            }
            return IAMTernary(pattern.covers(.request(literal: actual)))
        case "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike":
            // Both must be ARNs of six colon-separated parts, compared part by part.
            guard actual.hasPrefix("arn:"), actual.filter({ $0 == ":" }).count >= 5 else { return .no }
            guard let pattern = IAMWildcard.pattern(expected, arn: true, variable: variable) else {
                notes.add("policy variable in \(expected) has no value in the request context")
                return .unknown
            }
            return IAMTernary(pattern.covers(.request(literal: actual)))
        case "Bool":
            return IAMTernary(expected.lowercased() == actual.lowercased())
        default:
            return .unknown
        }
    }

    /// The value of a policy variable (`${aws:username}`) from the request.
    private func variable(_ name: String) -> String? {
        if case .given(let value) = request.state(of: name) { return value }
        return nil
    }

    /// `text` with its policy variables replaced; `nil` when one has no value.
    private func substituted(_ text: String, notes: inout IAMNotes) -> String? {
        guard text.contains("${") else { return text }
        guard let pattern = IAMWildcard.pattern(text, variable: variable) else {
            notes.add("policy variable in \(text) has no value in the request context")
            return nil
        }
        return pattern.literalText
    }
}

/// Notes for a decision, in the order they arose, each once.
struct IAMNotes: Sendable {
    private(set) var all: [String] = []

    mutating func add(_ note: String) {
        if !all.contains(note) { all.append(note) }
    }

    mutating func add(contentsOf notes: [String]) {
        for note in notes { add(note) }
    }
}
