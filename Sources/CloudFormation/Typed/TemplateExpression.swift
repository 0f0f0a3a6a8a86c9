/// A template value known to produce a `Type` when CloudFormation evaluates
/// it: a literal, or an intrinsic function whose result has that type.
///
/// Typed properties take expressions, so the compiler refuses what
/// CloudFormation would: a string where a number belongs, a list where one
/// string belongs. `Type` is a marker (`String`, `Int`, `Double`, `Bool`,
/// `[String]`, …); nothing of that type is ever stored.
public struct TemplateExpression<Type>: PropertyValue, Hashable, Sendable {
    public let templateValue: Value

    /// An expression the caller vouches for: the escape from the type system
    /// when a value's type cannot be expressed (a `Ref` to a parameter of
    /// another stack's making, say).
    public init(unchecked value: Value) {
        templateValue = value
    }
}

// MARK: - Literals

extension TemplateExpression: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral where Type == String
{
    public init(stringLiteral value: String) { self.init(unchecked: .string(value)) }
}

extension TemplateExpression where Type == String {
    /// A literal string.
    public static func literal(_ text: String) -> Self { Self(unchecked: .string(text)) }
}

/// Number types an integer literal can stand for: `timeout: 30` and
/// `threshold: 0` both read as written.
public protocol NumericExpressionType {}
extension Int: NumericExpressionType {}
extension Double: NumericExpressionType {}

extension TemplateExpression: ExpressibleByIntegerLiteral where Type: NumericExpressionType {
    public init(integerLiteral value: Int) { self.init(unchecked: .integer(value)) }

    /// A number known only when the stack is built (a setting of a construct).
    public static func literal(_ number: Int) -> Self { Self(unchecked: .integer(number)) }
}

extension TemplateExpression: ExpressibleByFloatLiteral where Type == Double {
    public init(floatLiteral value: Double) { self.init(unchecked: .double(value)) }
}

extension TemplateExpression: ExpressibleByBooleanLiteral where Type == Bool {
    public init(booleanLiteral value: Bool) { self.init(unchecked: .bool(value)) }
}

/// List types, so that `TemplateExpression<[String]>` can be written as an array literal.
public protocol ExpressionList {
    associatedtype Element
}

extension Array: ExpressionList {}

extension TemplateExpression: ExpressibleByArrayLiteral where Type: ExpressionList {
    public init(arrayLiteral elements: TemplateExpression<Type.Element>...) {
        self.init(unchecked: .list(elements.map(\.templateValue)))
    }

    /// A list of expressions (the array-literal form, from a computed array).
    public static func list(_ elements: [TemplateExpression<Type.Element>]) -> Self {
        Self(unchecked: .list(elements.map(\.templateValue)))
    }
}

// MARK: - Intrinsic functions, typed by what they return

extension TemplateExpression where Type == String {
    /// `Fn::Sub` from an interpolated string: `.sub("arn:\(.partition):s3:::\(bucket.ref)/*")`.
    public static func sub(_ template: SubTemplate) -> Self { Self(unchecked: .sub(template)) }
    public static func join(_ delimiter: String, _ parts: [TemplateExpression<String>]) -> Self {
        Self(unchecked: .join(delimiter, parts.map(\.templateValue)))
    }
    /// `Fn::Join` of other string-valued parts (ARNs, say).
    public static func join(_ delimiter: String, _ parts: [some PropertyValue]) -> Self {
        Self(unchecked: .join(delimiter, parts.map(\.templateValue)))
    }
    public static func join(_ delimiter: String, _ list: TemplateExpression<[String]>) -> Self {
        Self(unchecked: .join(delimiter, list.templateValue))
    }
    public static func importValue(_ exportName: TemplateExpression<String>) -> Self {
        Self(unchecked: .importValue(exportName.templateValue))
    }
    public static func base64(_ text: TemplateExpression<String>) -> Self { Self(unchecked: .base64(text.templateValue)) }
    public static func toJsonString(_ value: Value) -> Self { Self(unchecked: .toJsonString(value)) }

    public static var accountID: Self { Self(unchecked: .accountID) }
    public static var partition: Self { Self(unchecked: .partition) }
    public static var region: Self { Self(unchecked: .region) }
    public static var stackID: Self { Self(unchecked: .stackID) }
    public static var stackName: Self { Self(unchecked: .stackName) }
    public static var urlSuffix: Self { Self(unchecked: .urlSuffix) }
}

extension TemplateExpression where Type == [String] {
    public static func split(_ delimiter: String, _ text: TemplateExpression<String>) -> Self {
        Self(unchecked: .split(delimiter, text.templateValue))
    }
    /// The Availability Zones of a region; `""` means the stack's region.
    public static func getAZs(_ region: TemplateExpression<String> = "") -> Self {
        Self(unchecked: .getAZs(region.templateValue))
    }
    public static func cidr(_ block: TemplateExpression<String>, count: TemplateExpression<Int>, bits: TemplateExpression<Int>) -> Self {
        Self(unchecked: .cidr(block.templateValue, count.templateValue, bits.templateValue))
    }
    public static var notificationARNs: Self { Self(unchecked: .notificationARNs) }
}

extension TemplateExpression where Type == Int {
    public static func length<Element>(_ list: TemplateExpression<[Element]>) -> Self {
        Self(unchecked: .length(list.templateValue))
    }
}

extension TemplateExpression {
    /// `Fn::Select`: one element of a list.
    public static func select(_ index: TemplateExpression<Int>, from list: TemplateExpression<[Type]>) -> Self {
        Self(unchecked: .select(index.templateValue, list.templateValue))
    }

    /// `Fn::If` on a declared condition.
    public static func `if`(_ condition: Condition, _ then: Self, else otherwise: Self) -> Self {
        Self(unchecked: .if(condition.name, then.templateValue, else: otherwise.templateValue))
    }

    /// `AWS::NoValue`: removes the property, as one branch of `Fn::If`.
    public static var noValue: Self { Self(unchecked: .noValue) }

    /// `Fn::FindInMap`, for mappings whose values have this type.
    public static func findInMap(_ mapping: Mapping, _ topLevelKey: TemplateExpression<String>, _ secondLevelKey: TemplateExpression<String>) -> Self {
        Self(unchecked: mapping.find(topLevelKey.templateValue, secondLevelKey.templateValue))
    }
}

extension SubTemplate.Interpolation {
    /// Typed expressions interpolate like their values: `Ref` and `GetAtt` as
    /// placeholders, other intrinsics as variables.
    public mutating func appendInterpolation<T>(_ expression: TemplateExpression<T>) {
        appendInterpolation(expression.templateValue)
    }
}
