/// A parameter whose `Ref` has a known type, so it fits only properties of
/// that type: a `Number` parameter where a number belongs, a list parameter
/// where a list does.
public struct TypedParameter<Type>: Sendable {
    public var parameter: Parameter

    public var logicalID: String { parameter.logicalID }

    /// `Ref` to the parameter: its value at deployment.
    public var ref: TemplateExpression<Type> { TemplateExpression(unchecked: parameter.ref) }
}

extension TypedParameter where Type == String {
    /// A `String` parameter.
    public static func string(
        _ logicalID: String, description: String? = nil, default defaultValue: String? = nil,
        allowedValues: [String]? = nil, allowedPattern: String? = nil, constraintDescription: String? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, noEcho: Bool = false
    ) -> Self {
        Self(parameter: Parameter(
            logicalID, type: .string, description: description, default: defaultValue.map(Value.string),
            allowedValues: allowedValues?.map(Value.string), allowedPattern: allowedPattern,
            constraintDescription: constraintDescription, minLength: minLength, maxLength: maxLength, noEcho: noEcho))
    }

    /// A parameter of an AWS-specific type that yields one value (a VPC ID, a key pair name, …).
    public static func aws(_ logicalID: String, type: ParameterType, description: String? = nil) -> Self {
        Self(parameter: Parameter(logicalID, type: type, description: description))
    }
}

extension TypedParameter where Type == Int {
    /// A `Number` parameter used where an integer belongs.
    public static func integer(
        _ logicalID: String, description: String? = nil, default defaultValue: Int? = nil,
        allowedValues: [Int]? = nil, minValue: Int? = nil, maxValue: Int? = nil
    ) -> Self {
        Self(parameter: Parameter(
            logicalID, type: .number, description: description, default: defaultValue.map(Value.integer),
            allowedValues: allowedValues?.map(Value.integer), minValue: minValue.map(Double.init),
            maxValue: maxValue.map(Double.init)))
    }
}

extension TypedParameter where Type == Double {
    /// A `Number` parameter used where any number belongs.
    public static func number(
        _ logicalID: String, description: String? = nil, default defaultValue: Double? = nil,
        minValue: Double? = nil, maxValue: Double? = nil
    ) -> Self {
        Self(parameter: Parameter(
            logicalID, type: .number, description: description, default: defaultValue.map(Value.double),
            minValue: minValue, maxValue: maxValue))
    }
}

extension TypedParameter where Type == [String] {
    /// A `CommaDelimitedList` parameter.
    public static func commaDelimitedList(
        _ logicalID: String, description: String? = nil, default defaultValue: [String]? = nil
    ) -> Self {
        Self(parameter: Parameter(
            logicalID, type: .commaDelimitedList, description: description,
            default: defaultValue.map { .string($0.joined(separator: ",")) }))
    }

    /// A `List<…>` of an AWS-specific type (subnet IDs, security group IDs, …).
    public static func awsList(_ logicalID: String, of element: ParameterType, description: String? = nil) -> Self {
        Self(parameter: Parameter(logicalID, type: .list(element), description: description))
    }
}

extension Stack {
    @discardableResult
    public func add<Type>(_ parameter: TypedParameter<Type>) -> TypedParameter<Type> {
        add(parameter.parameter)
        return parameter
    }
}
