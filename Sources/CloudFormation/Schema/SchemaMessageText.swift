/// How violation messages show values, so every message quotes them alike:
/// strings in single quotes, numbers and booleans bare, long text cut short
/// (a message names the problem; the template holds the whole value).
extension Value {
    /// The longest text a message quotes before cutting it with `…`.
    static let schemaQuoteLimit = 100

    /// `'abc'`, `5`, `2.5`, `true`, `null`, `['a', 1]`, `{Key: 'a'}`, `Fn::Sub`.
    var schemaQuoted: String {
        Self.shortened(schemaRendering(quotingStrings: true))
    }

    /// An allowed value in an `enum` list: strings bare (`PAY_PER_REQUEST`),
    /// since the list is already set apart by the message around it.
    var schemaListText: String {
        Self.shortened(schemaRendering(quotingStrings: false))
    }

    /// What a type mismatch found: `string 'abc'`, `integer 5`, `array`, `object`.
    var schemaTypeDescription: String {
        switch self {
        case .string: "string \(schemaQuoted)"
        case .integer: "integer \(schemaQuoted)"
        case .double: "number \(schemaQuoted)"
        case .bool: "boolean \(schemaQuoted)"
        case .null: "null"
        case .list: "array"
        case .object: "object"
        case .intrinsic(let intrinsic): intrinsic.longName
        }
    }

    private func schemaRendering(quotingStrings: Bool) -> String {
        switch self {
        case .string(let text):
            quotingStrings ? "'\(Self.escapingLineBreaks(text))'" : Self.escapingLineBreaks(text)
        case .integer(let integer): String(integer)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map { $0.schemaRendering(quotingStrings: true) }.joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.entries.map { "\($0.key): \($0.value.schemaRendering(quotingStrings: true))" }.joined(separator: ", ") + "}"
        case .intrinsic(let intrinsic): intrinsic.longName
        }
    }

    /// A diagnostic is one line: a line break or tab inside a quoted value
    /// is shown as `\n`, `\r` or `\t`.
    private static func escapingLineBreaks(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func shortened(_ text: String) -> String {
        guard text.count > schemaQuoteLimit else { return text }
        let kept = text.prefix(schemaQuoteLimit)
        return kept + "…" + (text.hasPrefix("'") ? "'" : "")
    }
}

public enum SchemaMessageText {
    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }

    /// `1 item`, `3 items`.
    static func items(_ count: Int) -> String {
        count == 1 ? "1 item" : "\(count) items"
    }

    /// "; did you mean 'Bucket'?" when one candidate is a small edit away
    /// from `name` (the same distance rule as the template's name checks);
    /// otherwise empty. `candidates` must be sorted, so ties go the same way.
    public static func suggestion(for name: String, among candidates: [String]) -> String {
        let limit = max(2, name.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = SpellingSuggestion.distance(name, candidate)
            if distance <= limit, distance < max(name.count, candidate.count), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? ""
    }
}
