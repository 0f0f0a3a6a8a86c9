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

    private static func normalized(_ intrinsic: Intrinsic) -> Intrinsic {
        switch intrinsic {
        case .ref, .getAtt, .condition: intrinsic
        case .sub(let text, let variables): .sub(text, variables: normalized(variables))
        case .join(let delimiter, let values): .join(delimiter: delimiter, values: normalized(values))
        case .select(let index, let list): .select(index: normalized(index), list: normalized(list))
        case .split(let delimiter, let source): .split(delimiter: delimiter, source: normalized(source))
        case .if(let condition, let then, let otherwise):
            .if(condition: condition, then: normalized(then), else: normalized(otherwise))
        case .findInMap(let map, let top, let second):
            .findInMap(map: normalized(map), topLevelKey: normalized(top), secondLevelKey: normalized(second))
        case .getAZs(let region): .getAZs(region: normalized(region))
        case .importValue(let name): .importValue(normalized(name))
        case .base64(let value): .base64(normalized(value))
        case .cidr(let block, let count, let bits): .cidr(ipBlock: normalized(block), count: normalized(count), cidrBits: normalized(bits))
        case .transform(let name, let parameters): .transform(name: name, parameters: normalized(parameters))
        case .length(let value): .length(normalized(value))
        case .toJsonString(let value): .toJsonString(normalized(value))
        case .equals(let lhs, let rhs): .equals(normalized(lhs), normalized(rhs))
        case .not(let condition): .not(normalized(condition))
        case .and(let conditions): .and(conditions.map(normalized))
        case .or(let conditions): .or(conditions.map(normalized))
        }
    }
}
