import CloudFormation

extension Matcher {
    /// An object with at least these keys, each matching its pattern; other keys
    /// are ignored, here and in nested plain objects (a deep partial match).
    ///
    /// A plain object in a pattern already means this; write it to switch back
    /// to partial matching inside `objectEquals`.
    public static func objectLike(_ entries: KeyValuePairs<String, Matcher>) -> Matcher {
        Matcher(kind: .object(entries.map { Entry(key: $0.key, matcher: $0.value) }, .partial))
    }

    /// An object with exactly these keys, each matching its pattern. Plain
    /// objects nested in it must have exactly their keys too; use `objectLike`
    /// for a part that may have more.
    public static func objectEquals(_ entries: KeyValuePairs<String, Matcher>) -> Matcher {
        Matcher(kind: .object(entries.map { Entry(key: $0.key, matcher: $0.value) }, .exact))
    }

    /// Exactly this value: objects with exactly these keys at every depth,
    /// lists with exactly these elements in this order, scalars by equality
    /// (`1` equals `1.0`). Key order does not matter, as in JSON.
    ///
    /// Mismatches are still reported at the deepest path that differs.
    public static func exactly(_ value: CloudFormation.Value) -> Matcher {
        switch value {
        case .string, .integer, .double, .bool, .null:
            Matcher(kind: .scalar(value))
        case .list(let elements):
            Matcher(kind: .array(elements.map(exactly), .equals))
        case .object(let object):
            Matcher(kind: .object(object.entries.map { Entry(key: $0.key, matcher: exactly($0.value)) }, .exact))
        case .intrinsic(let function):
            Matcher(
                kind: .object([Entry(key: function.longName, matcher: exactly(LongFormIntrinsic.entry(of: function).value))], .function))
        }
    }
}

extension MatchEvaluation {
    static func evaluateObject(
        _ matcher: Matcher, _ entries: [Matcher.Entry], _ rule: Matcher.ObjectRule, _ value: Value,
        at path: TemplatePath, exactObjects: Bool
    ) -> PatternEvaluation {
        let object: Object
        switch value {
        case .object(let actual): object = actual
        // Intrinsics are objects in the long form, so object patterns can reach into them.
        case .intrinsic(let function): object = LongFormIntrinsic.object(of: function)
        default:
            return .failure(
                path, "expected \(matcher.shortDescription), found \(ValueText.truncatedLine(value, style: .json))", weight: size(of: matcher))
        }

        let onlyListedKeys: Bool
        let nestedExact: Bool
        switch rule {
        case .partial: (onlyListedKeys, nestedExact) = (false, false)
        case .exact: (onlyListedKeys, nestedExact) = (true, true)
        case .inherited: (onlyListedKeys, nestedExact) = (exactObjects, exactObjects)
        case .function: (onlyListedKeys, nestedExact) = (true, exactObjects)
        }

        var result = PatternEvaluation()
        for entry in entries {
            result.absorb(evaluate(entry.matcher, object[entry.key], at: path.appending(entry.key), exactObjects: nestedExact))
        }
        if onlyListedKeys {
            let listed = entries.map(\.key)
            let allowed = listed.isEmpty ? "no keys" : "only " + listed.map(ValueText.quoted).joined(separator: ", ")
            for entry in object.entries where !listed.contains(entry.key) {
                result.absorb(.failure(
                    path.appending(entry.key),
                    "unexpected key (the pattern allows \(allowed)), found \(ValueText.truncatedLine(entry.value, style: .json))",
                    weight: 1))
            }
        }
        return result
    }
}
