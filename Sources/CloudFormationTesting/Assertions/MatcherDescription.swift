import CloudFormation

/// Patterns as failure messages show them: JSON-ish like values, with each
/// matcher under its own name, so `expected arrayWith([{"Key": "Env"}])` reads
/// the way the pattern was written.
extension Matcher: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .scalar(let value):
            ValueText.line(value, style: .json)
        case .object(let entries, let rule):
            describeObject(entries, rule)
        case .array(let elements, let rule):
            describeArray(elements, rule)
        case .absent:
            "absent"
        case .anyValue:
            "anyValue"
        case .string(let predicate):
            predicate.description
        case .not(let matcher):
            "not(\(matcher.description))"
        case .capture(_, let pattern):
            // What the capture accepts is what the reader needs.
            pattern.description
        }
    }

    /// The description, cut to one readable line.
    var shortDescription: String {
        ValueText.truncated(description)
    }

    private func describeObject(_ entries: [Entry], _ rule: ObjectRule) -> String {
        let text = ValueText.mapping(entries.map { ($0.key, $0.matcher.description) }, style: .json)
        switch rule {
        case .inherited, .function: return text
        case .partial: return "objectLike(\(text))"
        case .exact: return "objectEquals(\(text))"
        }
    }

    private func describeArray(_ elements: [Matcher], _ rule: ArrayRule) -> String {
        let text = "[" + elements.map(\.description).joined(separator: ", ") + "]"
        switch rule {
        case .equals: return text
        case .inOrder: return "arrayWith(\(text))"
        case .anyOrder: return "arrayContaining(\(text))"
        }
    }
}
