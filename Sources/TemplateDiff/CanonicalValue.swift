import CloudFormation

/// Template values as CloudFormation reads them, so that two spellings of the
/// same thing compare equal.
///
/// Two differences are not changes: the order of keys in a mapping (a JSON
/// object has none), and the spelling of a scalar (`5`, `5.0` and `"5"`, or
/// `true` and `"true"`): resource providers receive scalars coerced to the
/// schema's type, so re-quoting a template changes nothing that is deployed.
/// The order of list items is kept: it is meaningful (a list of statements,
/// of subnets, of tags is written in order).
enum CanonicalValue {
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    static func normalized(_ value: Value) -> Value {
        switch value {
        case .string, .null: value
        case .integer(let number): .string(String(number))
        case .double(let number): .string(scalarText(number))
        case .bool(let flag): .string(flag ? "true" : "false")
        case .list(let items): .list(items.map(normalized))
        case .object(let object): .object(normalized(object))
        case .intrinsic(let intrinsic): .intrinsic(normalized(intrinsic))
        }
    }

    /// Integral doubles read as integers (`5.0` is `5`), so a number keeps its
    /// identity whichever reader produced it.
    private static func scalarText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }

    private static func normalized(_ object: Object) -> Object {
        Object(object.entries.map { Object.Entry($0.key, normalized($0.value)) }.sorted { $0.key < $1.key })
    }

    /// Names in a function's argument are strings, and stay strings; the
    /// argument keeps its layout, so it is still the same function's.
    private static func normalized(_ intrinsic: Intrinsic) -> Intrinsic {
        Intrinsic(longName: intrinsic.longName, argument: normalized(intrinsic.longFormArgument)) ?? intrinsic
    }
}
