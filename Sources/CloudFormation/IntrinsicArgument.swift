extension Intrinsic {
    /// The function's argument as a template's long form writes it
    /// (`Fn::GetAtt: [Bucket, Arn]`): the one layout of every function's
    /// arguments, for everything that shows, matches or walks intrinsics
    /// without a rule of its own for each function.
    public var longFormArgument: Value {
        switch self {
        case .ref(let name): .string(name)
        case .getAtt(let resource, let attribute): [.string(resource), .string(attribute)]
        case .sub(let text, let variables): variables.isEmpty ? .string(text) : [.string(text), .object(variables)]
        case .join(let delimiter, let values): [.string(delimiter), values]
        case .select(let index, let list): [index, list]
        case .split(let delimiter, let source): [.string(delimiter), source]
        case .if(let condition, let then, let otherwise): [.string(condition), then, otherwise]
        case .findInMap(let map, let top, let second): [map, top, second]
        case .getAZs(let region): region
        case .importValue(let name): name
        case .base64(let value): value
        case .cidr(let block, let count, let bits): [block, count, bits]
        case .transform(let name, let parameters): ["Name": .string(name), "Parameters": .object(parameters)]
        case .length(let value): value
        case .toJsonString(let value): value
        case .equals(let lhs, let rhs): [lhs, rhs]
        case .not(let condition): [condition]
        case .and(let conditions): .list(conditions)
        case .or(let conditions): .list(conditions)
        case .condition(let name): .string(name)
        }
    }
}
