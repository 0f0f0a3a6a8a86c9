/// A template value known to produce a `Type` when CloudFormation evaluates
/// it: a literal, or an intrinsic function whose result has that type.
///
/// Typed properties take expressions, so the compiler refuses what
/// CloudFormation would: a string where a number belongs, a list where one
/// string belongs. `Type` is a marker (`String`, `Int`, `Double`, `Bool`,
/// `[String]`, …); nothing of that type is ever stored.
public struct Expression<Type>: PropertyValue, Hashable, Sendable {
    public let templateValue: Value

    /// An expression the caller vouches for: the escape from the type system
    /// when a value's type cannot be expressed (a `Ref` to a parameter of
    /// another stack's making, say).
    public init(unchecked value: Value) {
        templateValue = value
    }
}

// MARK: - Literals

extension Expression: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral where Type == String
{
    public init(stringLiteral value: String) { self.init(unchecked: .string(value)) }
}

extension Expression where Type == String {
    /// A literal string.
    public static func literal(_ text: String) -> Self { Self(unchecked: .string(text)) }
}

/// Number types an integer literal can stand for: `timeout: 30` and
/// `threshold: 0` both read as written.
public protocol NumericExpressionType {}
extension Int: NumericExpressionType {}
extension Double: NumericExpressionType {}

extension Expression: ExpressibleByIntegerLiteral where Type: NumericExpressionType {
    public init(integerLiteral value: Int) { self.init(unchecked: .integer(value)) }

    /// A number known only when the stack is built (a setting of a construct).
    public static func literal(_ number: Int) -> Self { Self(unchecked: .integer(number)) }
}

extension Expression: ExpressibleByFloatLiteral where Type == Double {
    public init(floatLiteral value: Double) { self.init(unchecked: .double(value)) }
}

extension Expression: ExpressibleByBooleanLiteral where Type == Bool {
    public init(booleanLiteral value: Bool) { self.init(unchecked: .bool(value)) }
}

/// List types, so that `Expression<[String]>` can be written as an array literal.
public protocol ExpressionList {
    associatedtype Element
}

extension Array: ExpressionList {}

extension Expression: ExpressibleByArrayLiteral where Type: ExpressionList {
    public init(arrayLiteral elements: Expression<Type.Element>...) {
        self.init(unchecked: .list(elements.map(\.templateValue)))
    }

    /// A list of expressions (the array-literal form, from a computed array).
    public static func list(_ elements: [Expression<Type.Element>]) -> Self {
        Self(unchecked: .list(elements.map(\.templateValue)))
    }
}

// MARK: - Intrinsic functions, typed by what they return

extension Expression where Type == String {
    /// `Fn::Sub` from an interpolated string: `.sub("arn:\(.partition):s3:::\(bucket.ref)/*")`.
    public static func sub(_ template: SubTemplate) -> Self { Self(unchecked: .sub(template)) }
    public static func join(_ delimiter: String, _ parts: [Expression<String>]) -> Self {
        Self(unchecked: .join(delimiter, parts.map(\.templateValue)))
    }
    public static func join(_ delimiter: String, _ list: Expression<[String]>) -> Self {
        Self(unchecked: .join(delimiter, list.templateValue))
    }
    public static func importValue(_ exportName: Expression<String>) -> Self {
        Self(unchecked: .importValue(exportName.templateValue))
    }
    public static func base64(_ text: Expression<String>) -> Self { Self(unchecked: .base64(text.templateValue)) }
    public static func toJsonString(_ value: Value) -> Self { Self(unchecked: .toJsonString(value)) }

    public static var accountID: Self { Self(unchecked: .accountID) }
    public static var partition: Self { Self(unchecked: .partition) }
    public static var region: Self { Self(unchecked: .region) }
    public static var stackID: Self { Self(unchecked: .stackID) }
    public static var stackName: Self { Self(unchecked: .stackName) }
    public static var urlSuffix: Self { Self(unchecked: .urlSuffix) }
}

extension Expression where Type == [String] {
    public static func split(_ delimiter: String, _ text: Expression<String>) -> Self {
        Self(unchecked: .split(delimiter, text.templateValue))
    }
    /// The Availability Zones of a region; `""` means the stack's region.
    public static func getAZs(_ region: Expression<String> = "") -> Self {
        Self(unchecked: .getAZs(region.templateValue))
    }
    public static func cidr(_ block: Expression<String>, count: Expression<Int>, bits: Expression<Int>) -> Self {
        Self(unchecked: .cidr(block.templateValue, count.templateValue, bits.templateValue))
    }
    public static var notificationARNs: Self { Self(unchecked: .notificationARNs) }
}

extension Expression where Type == Int {
    public static func length<Element>(_ list: Expression<[Element]>) -> Self {
        Self(unchecked: .length(list.templateValue))
    }
}

extension Expression {
    /// `Fn::Select`: one element of a list.
    public static func select(_ index: Expression<Int>, from list: Expression<[Type]>) -> Self {
        Self(unchecked: .select(index.templateValue, list.templateValue))
    }

    /// `Fn::If` on a declared condition.
    public static func `if`(_ condition: Condition, _ then: Self, else otherwise: Self) -> Self {
        Self(unchecked: .if(condition.name, then.templateValue, else: otherwise.templateValue))
    }

    /// `AWS::NoValue`: removes the property, as one branch of `Fn::If`.
    public static var noValue: Self { Self(unchecked: .noValue) }

    /// `Fn::FindInMap`, for mappings whose values have this type.
    public static func findInMap(_ mapping: Mapping, _ topLevelKey: Expression<String>, _ secondLevelKey: Expression<String>) -> Self {
        Self(unchecked: mapping.find(topLevelKey.templateValue, secondLevelKey.templateValue))
    }
}

extension SubTemplate.Interpolation {
    /// Typed expressions interpolate like their values: `Ref` and `GetAtt` as
    /// placeholders, other intrinsics as variables.
    public mutating func appendInterpolation<T>(_ expression: Expression<T>) {
        appendInterpolation(expression.templateValue)
    }
}
