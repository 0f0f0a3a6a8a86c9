import CloudFormation

/// Whether an EventBridge event pattern matches an event, for testing a
/// rule's `EventPattern` against sample events.
///
/// The subset of EventBridge's matching rules a stack's patterns use: every
/// field the pattern names must be present in the event and match; a list in
/// the pattern matches when the event's value (or any element of an event
/// list) equals one of its entries, or satisfies one of its content filters:
/// `{"prefix": …}`, `{"suffix": …}`, `{"anything-but": [...]}`,
/// `{"exists": true|false}`, `{"numeric": [">=", 2, "<", 5]}`.
/// See EventBridge's "Event patterns" and "Content filtering" pages.
public enum EventPattern {
    public static func matches(_ pattern: Value, event: Value) -> Bool {
        guard case .object(let fields) = pattern, case .object(let eventFields) = event else { return false }
        for field in fields.entries {
            let value = eventFields[field.key]
            switch field.value {
            case .object:
                guard let value, matches(field.value, event: value) else { return false }
            case .list(let allowed):
                if !allowed.contains(where: { matchesEntry($0, value) }) { return false }
            default:
                return false
            }
        }
        return true
    }

    private static func matchesEntry(_ entry: Value, _ value: Value?) -> Bool {
        if case .object(let filter) = entry, filter.entries.count == 1 {
            let (name, argument) = (filter.entries[0].key, filter.entries[0].value)
            if name == "exists" { return argument == .bool(value != nil) }
        }
        guard let value else { return false }
        if case .list(let values) = value { return values.contains { matchesEntry(entry, $0) } }
        guard case .object(let filter) = entry, filter.entries.count == 1 else { return entry == value }
        let (name, argument) = (filter.entries[0].key, filter.entries[0].value)
        switch (name, argument, value) {
        case ("prefix", .string(let prefix), .string(let text)): return text.hasPrefix(prefix)
        case ("suffix", .string(let suffix), .string(let text)): return text.hasSuffix(suffix)
        case ("anything-but", .list(let excluded), _): return !excluded.contains(value)
        case ("anything-but", let single, _): return single != value
        case ("numeric", .list(let conditions), _):
            guard let number = value.numberValue else { return false }
            var index = 0
            while index + 1 < conditions.count {
                guard case .string(let op) = conditions[index], let bound = conditions[index + 1].numberValue else { return false }
                let holds = switch op {
                case ">": number > bound
                case ">=": number >= bound
                case "<": number < bound
                case "<=": number <= bound
                case "=": number == bound
                default: false
                }
                if !holds { return false }
                index += 2
            }
            return true
        default:
            return false
        }
    }
}

extension Value {
    fileprivate var numberValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }
}
