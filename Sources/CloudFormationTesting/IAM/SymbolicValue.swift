import IAMPolicies
/// A template value with its intrinsic functions worked out for one
/// `EvaluationContext`: `!GetAtt Table.Arn` becomes
/// `arn:aws:dynamodb:us-east-1:123456789012:table/people`.
///
/// What the template leaves open stays open: `Fn::If` on an undecided
/// condition is `either` of its branches, `AWS::NoValue` is `absent`, and
/// what cannot be worked out at all (an import, a parameter without a value)
/// is `unresolved`, with the reason. An unresolved value is never a wildcard:
/// it matches nothing an Allow needs, and a Deny that depends on it is taken
/// to apply.
public indirect enum SymbolicValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([SymbolicValue])
    /// Keys in the order the template wrote them.
    case object([Entry])
    /// One of these; which one, the template does not say.
    case either([SymbolicValue])
    /// `AWS::NoValue`: the property or list item is not there.
    case absent
    /// Why the value could not be worked out.
    case unresolved(String)

    /// One key of an object and its value.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: SymbolicValue

        public init(_ key: String, _ value: SymbolicValue) { (self.key, self.value) = (key, value) }
    }

    /// The text of a string, or of a number or boolean as a policy would
    /// compare it (`true`, `42`); `nil` for anything else.
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The value under `key` of an object (keys compared exactly, as IAM
    /// compares policy element names); `nil` when absent or not an object.
    public subscript(key: String) -> SymbolicValue? {
        guard case .object(let entries) = self else { return nil }
        guard let value = entries.first(where: { $0.key == key })?.value, value != .absent else { return nil }
        return value
    }

    /// The object with `key` set to `value` (replaced in place, or appended).
    func setting(_ key: String, to value: SymbolicValue) -> SymbolicValue {
        guard case .object(var entries) = self else { return self }
        if let index = entries.firstIndex(where: { $0.key == key }) { entries[index].value = value } else { entries.append(Entry(key, value)) }
        return .object(entries)
    }

    /// A list's items, or the value itself as a one-item list: policy
    /// elements take either form (`"Action": "s3:GetObject"` or a list).
    var listItems: [SymbolicValue] {
        if case .list(let items) = self { return items.filter { $0 != .absent } }
        return [self]
    }

    /// Every value this could be, with no `either` left inside: a list or
    /// object holding `either` becomes one alternative per combination, and
    /// `absent` items and keys drop out. `nil` when there would be more than
    /// `limit`, which is what keeps a template full of `Fn::If` from taking
    /// forever.
    public func alternatives(limit: Int = 64) -> [SymbolicValue]? {
        switch self {
        case .either(let options):
            var result: [SymbolicValue] = []
            for option in options {
                guard let expanded = option.alternatives(limit: limit) else { return nil }
                for value in expanded where !result.contains(value) { result.append(value) }
                if result.count > limit { return nil }
            }
            return result
        case .list(let items):
            guard let combinations = Self.combinations(of: items, limit: limit) else { return nil }
            return combinations.map { .list($0.filter { $0 != .absent }) }
        case .object(let entries):
            guard let combinations = Self.combinations(of: entries.map(\.value), limit: limit) else { return nil }
            return combinations.map { values in
                .object(zip(entries, values).compactMap { entry, value in
                    value == .absent ? nil : Entry(entry.key, value)
                })
            }
        default:
            return [self]
        }
    }

    /// Every way of choosing one alternative of each value, in order.
    private static func combinations(of values: [SymbolicValue], limit: Int) -> [[SymbolicValue]]? {
        var result: [[SymbolicValue]] = [[]]
        for value in values {
            guard let options = value.alternatives(limit: limit) else { return nil }
            if options.count == 1 {
                for index in result.indices { result[index].append(options[0]) }
                continue
            }
            guard result.count * options.count <= limit else { return nil }
            result = result.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return result
    }

    /// `strings` joined into one string per alternative (`Fn::Sub`,
    /// `Fn::Join`): `either` when a part has alternatives, `unresolved` when a
    /// part is not text.
    static func concatenating(_ parts: [SymbolicValue], separator: String = "", limit: Int = 64) -> SymbolicValue {
        var texts: [String] = [""]
        for (index, part) in parts.enumerated() {
            guard let options = part.alternatives(limit: limit) else {
                return .unresolved("more than \(limit) alternatives")
            }
            var optionTexts: [String] = []
            for option in options {
                if case .unresolved = option { return option }
                guard let text = option.scalarText else {
                    return .unresolved("a list or object where text was expected")
                }
                optionTexts.append(text)
            }
            guard texts.count * optionTexts.count <= limit else { return .unresolved("more than \(limit) alternatives") }
            let glue = index == 0 ? "" : separator
            texts = texts.flatMap { prefix in optionTexts.map { prefix + glue + $0 } }
        }
        var unique: [String] = []
        for text in texts where !unique.contains(text) { unique.append(text) }
        return unique.count == 1 ? .string(unique[0]) : .either(unique.map(SymbolicValue.string))
    }

    /// Applies `transform` to every string inside (each alternative too).
    func mapStrings(_ transform: (String) -> SymbolicValue) -> SymbolicValue {
        switch self {
        case .string(let text): transform(text)
        case .list(let items): .list(items.map { $0.mapStrings(transform) })
        case .either(let options): .either(options.map { $0.mapStrings(transform) })
        case .object(let entries): .object(entries.map { Entry($0.key, $0.value.mapStrings(transform)) })
        default: self
        }
    }
}

extension SymbolicValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension SymbolicValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let text): text
        case .integer, .double, .bool: scalarText ?? ""
        case .null: "null"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let entries): "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .either(let options): "either(" + options.map(\.description).joined(separator: " | ") + ")"
        case .absent: "(no value)"
        case .unresolved(let reason): "(unresolved: \(reason))"
        }
    }
}
