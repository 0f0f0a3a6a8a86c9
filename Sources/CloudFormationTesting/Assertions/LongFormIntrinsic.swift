import CloudFormation

/// Intrinsic functions as a JSON template writes them: one key, the
/// function's long name, whose value is the argument (`{"Fn::GetAtt": ["Bucket", "Arn"]}`).
///
/// Matching and failure messages see intrinsics in this form, so a pattern can
/// reach into a function's arguments with ordinary object and list patterns, and
/// a path such as `Properties.Role.Fn::GetAtt[0]` means what it says. The
/// arguments are laid out as `TemplateRendering` lays out the long form.
enum LongFormIntrinsic {
    static func entry(of function: Intrinsic) -> Object.Entry {
        Object.Entry(function.longName, argument(of: function))
    }

    static func object(of function: Intrinsic) -> Object {
        Object([entry(of: function)])
    }

    private static func argument(of function: Intrinsic) -> Value {
        switch function {
        case .ref(let name), .condition(let name):
            return .string(name)
        case .getAtt(let resource, let attribute):
            return [.string(resource), .string(attribute)]
        case .sub(let text, let variables):
            return variables.isEmpty ? .string(text) : [.string(text), .object(variables)]
        case .join(let delimiter, let values):
            return [.string(delimiter), values]
        case .select(let index, let list):
            return [index, list]
        case .split(let delimiter, let source):
            return [.string(delimiter), source]
        case .if(let condition, let then, let otherwise):
            return [.string(condition), then, otherwise]
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            return [map, topLevelKey, secondLevelKey]
        case .getAZs(let argument), .importValue(let argument), .base64(let argument),
            .length(let argument), .toJsonString(let argument):
            return argument
        case .transform(let name, let parameters):
            return ["Name": .string(name), "Parameters": .object(parameters)]
        case .cidr(let ipBlock, let count, let cidrBits):
            return [ipBlock, count, cidrBits]
        case .equals(let lhs, let rhs):
            return [lhs, rhs]
        case .not(let condition):
            return [condition]
        case .and(let conditions), .or(let conditions):
            return .list(conditions)
        }
    }
}
