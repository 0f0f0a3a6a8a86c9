/// CloudFormation's intrinsic functions and condition functions.
///
/// Each case holds its arguments as the template does; the renderer chooses
/// the short (`!Ref`) or long (`Ref:`) form.
public indirect enum Intrinsic: Hashable, Sendable {
    /// `Ref`: a parameter's value, a resource's reference value, or a pseudo parameter.
    case ref(String)
    /// `Fn::GetAtt`: an attribute of a resource (`Endpoint.Address` keeps its dots).
    case getAtt(resource: String, attribute: String)
    /// `Fn::Sub`: `${Name}` placeholders for parameters, resources (`${Res.Attr}`
    /// for attributes), pseudo parameters and the given variables; `${!Name}` is
    /// a literal `${Name}`.
    case sub(String, variables: Object = [:])
    /// `Fn::Join`: `values` is a list, or an intrinsic that returns one.
    case join(delimiter: String, values: Value)
    case select(index: Value, list: Value)
    case split(delimiter: String, source: Value)
    /// `Fn::If`: `then` when the named condition holds, otherwise `else`.
    case `if`(condition: String, then: Value, else: Value)
    case findInMap(map: Value, topLevelKey: Value, secondLevelKey: Value)
    /// `Fn::GetAZs`: an empty string means the stack's region.
    case getAZs(region: Value)
    case importValue(Value)
    case base64(Value)
    case cidr(ipBlock: Value, count: Value, cidrBits: Value)
    /// `Fn::Transform`: a macro applied to part of the template.
    case transform(name: String, parameters: Object)
    /// `Fn::Length` (needs the `AWS::LanguageExtensions` transform).
    case length(Value)
    /// `Fn::ToJsonString` (needs the `AWS::LanguageExtensions` transform).
    case toJsonString(Value)
    /// `Fn::ForEach::Loop` (needs the `AWS::LanguageExtensions` transform):
    /// `fragment` (a mapping, or another loop) once for each item of
    /// `collection`, with `${identifier}` in its keys and values replaced by
    /// the item. The loop stands where the fragment's entries go: among
    /// resources, outputs, conditions or the entries of a mapping.
    case forEach(loop: String, identifier: String, collection: Value, fragment: Value)
    // Condition functions: in Conditions, and in `Fn::If`'s condition position.
    case equals(Value, Value)
    case not(Value)
    case and([Value])
    case or([Value])
    /// `Condition`: another condition, by name, inside a condition function.
    case condition(String)

    /// Whether the function needs the `AWS::LanguageExtensions` transform.
    public var needsLanguageExtensions: Bool {
        switch self {
        case .length, .toJsonString, .forEach: true
        default: false
        }
    }

    /// Whether CloudFormation documents a YAML short form (`!Name`) for the
    /// function; the language-extension functions have none.
    public var hasShortForm: Bool { !needsLanguageExtensions }

    /// The function's name as it appears in a template's long form.
    public var longName: String {
        switch self {
        case .ref: "Ref"
        case .getAtt: "Fn::GetAtt"
        case .sub: "Fn::Sub"
        case .join: "Fn::Join"
        case .select: "Fn::Select"
        case .split: "Fn::Split"
        case .if: "Fn::If"
        case .findInMap: "Fn::FindInMap"
        case .getAZs: "Fn::GetAZs"
        case .importValue: "Fn::ImportValue"
        case .base64: "Fn::Base64"
        case .cidr: "Fn::Cidr"
        case .transform: "Fn::Transform"
        case .length: "Fn::Length"
        case .toJsonString: "Fn::ToJsonString"
        case .forEach(let loop, _, _, _): ForEachLoop.keyPrefix + loop
        case .equals: "Fn::Equals"
        case .not: "Fn::Not"
        case .and: "Fn::And"
        case .or: "Fn::Or"
        case .condition: "Condition"
        }
    }

    /// The YAML short-form tag (`!Ref`, `!GetAtt`, …).
    public var shortTag: String { "!" + Self.shortName(ofLongName: longName) }

    /// The name a short-form tag spells (`GetAtt`) for a long name (`Fn::GetAtt`):
    /// without the `Fn::` that every function but `Ref` and `Condition` has.
    public static func shortName(ofLongName longName: String) -> String {
        longName.hasPrefix("Fn::") ? String(longName.dropFirst(4)) : longName
    }

    /// The long name (`Fn::GetAtt`) of the function a short-form tag names (`GetAtt`).
    public static func longName(ofShortName shortName: String) -> String {
        shortName == "Ref" || shortName == "Condition" ? shortName : "Fn::" + shortName
    }
}

// Spelling intrinsics as values, so a property reads like the template.
extension Value {
    public static func ref(_ logicalID: String) -> Value { .intrinsic(.ref(logicalID)) }
    public static func getAtt(_ resource: String, _ attribute: String) -> Value {
        .intrinsic(.getAtt(resource: resource, attribute: attribute))
    }
    /// `Fn::Sub`: `.sub("arn:${AWS::Partition}:s3:::${Bucket}/*")`, or with
    /// interpolations, `.sub("arn:\(.partition):s3:::\(bucket.ref)/*")`. Explicit
    /// `variables` join those that interpolation creates.
    public static func sub(_ template: SubTemplate, _ variables: Object = [:]) -> Value {
        var all = template.variables
        for entry in variables.entries { all[entry.key] = entry.value }
        return .intrinsic(.sub(template.text, variables: all))
    }
    public static func join(_ delimiter: String, _ values: [Value]) -> Value {
        .intrinsic(.join(delimiter: delimiter, values: .list(values)))
    }
    public static func join(_ delimiter: String, _ values: Value) -> Value {
        .intrinsic(.join(delimiter: delimiter, values: values))
    }
    public static func select(_ index: Value, _ list: Value) -> Value { .intrinsic(.select(index: index, list: list)) }
    public static func split(_ delimiter: String, _ source: Value) -> Value {
        .intrinsic(.split(delimiter: delimiter, source: source))
    }
    /// `Fn::If` on a declared condition: `.if(isProduction, 0, else: 5)`.
    public static func `if`(_ condition: Condition, _ then: Value, else otherwise: Value) -> Value {
        .if(condition.name, then, else: otherwise)
    }
    /// `Fn::If` on a condition by name, for templates built without the DSL.
    public static func `if`(_ condition: String, _ then: Value, else otherwise: Value) -> Value {
        .intrinsic(.if(condition: condition, then: then, else: otherwise))
    }
    public static func findInMap(_ map: String, _ topLevelKey: Value, _ secondLevelKey: Value) -> Value {
        .intrinsic(.findInMap(map: .string(map), topLevelKey: topLevelKey, secondLevelKey: secondLevelKey))
    }
    public static func getAZs(_ region: Value = "") -> Value { .intrinsic(.getAZs(region: region)) }
    public static func importValue(_ name: Value) -> Value { .intrinsic(.importValue(name)) }
    public static func base64(_ value: Value) -> Value { .intrinsic(.base64(value)) }
    public static func cidr(_ ipBlock: Value, _ count: Value, _ cidrBits: Value) -> Value {
        .intrinsic(.cidr(ipBlock: ipBlock, count: count, cidrBits: cidrBits))
    }
    public static func transform(_ name: String, _ parameters: Object = [:]) -> Value {
        .intrinsic(.transform(name: name, parameters: parameters))
    }
    public static func length(_ list: Value) -> Value { .intrinsic(.length(list)) }
    public static func toJsonString(_ value: Value) -> Value { .intrinsic(.toJsonString(value)) }
    /// `Fn::ForEach::Loop`: `.forEach("Topics", "Name", in: .ref("Names"), ["Topic${Name}": …])`.
    public static func forEach(_ loop: String, _ identifier: String, in collection: Value, _ fragment: Value) -> Value {
        .intrinsic(.forEach(loop: loop, identifier: identifier, collection: collection, fragment: fragment))
    }
    public static func equals(_ lhs: Value, _ rhs: Value) -> Value { .intrinsic(.equals(lhs, rhs)) }
    /// `Fn::Equals` on a typed expression (`.equals(environment.ref, "prod")`).
    public static func equals(_ lhs: some PropertyValue, _ rhs: Value) -> Value {
        .intrinsic(.equals(lhs.templateValue, rhs))
    }
    public static func not(_ condition: Value) -> Value { .intrinsic(.not(condition)) }
    public static func and(_ conditions: [Value]) -> Value { .intrinsic(.and(conditions)) }
    public static func or(_ conditions: [Value]) -> Value { .intrinsic(.or(conditions)) }
    public static func condition(_ name: String) -> Value { .intrinsic(.condition(name)) }
}
