import CloudFormation

/// What a property that names another resource accepts: its ARN, name or ID,
/// as the resource schemas (`relationshipRef`) and cfn-lint's formats say.
/// `Kind` is one of the markers in ``ReferenceKinds``; nothing of it is stored.
///
/// A resource of the right type gives one with `.to(resource)` (`kmsKeyId:
/// .to(key)`); a resource of another type does not compile. The escape
/// hatches take what the compiler cannot check: a string literal (or
/// `.literal("arn:…")`), a parameter's `ref`, an import or any string
/// expression (`.expression(_:)`).
public struct Reference<Kind: ReferenceKind>: PropertyValue, Hashable, Sendable, ExpressibleByStringLiteral {
    public let expression: TemplateExpression<String>

    /// A reference the caller vouches for.
    public init(unchecked expression: TemplateExpression<String>) {
        self.expression = expression
    }

    public var templateValue: Value { expression.templateValue }

    /// A literal ARN, name or ID of a resource outside the stack.
    public static func literal(_ text: String) -> Self { Self(unchecked: .literal(text)) }

    /// A literal written in place, as `.literal(_:)`: `kmsMasterKeyId: "alias/aws/sns"`.
    public init(stringLiteral text: String) { self.init(unchecked: .literal(text)) }

    /// Any string expression: a parameter's `ref`, `.importValue(…)`, `.sub(…)`.
    public static func expression(_ expression: TemplateExpression<String>) -> Self { Self(unchecked: expression) }

    /// The value of a string parameter.
    public static func parameter(_ parameter: TypedParameter<String>) -> Self { Self(unchecked: parameter.ref) }
}

/// A marker for what a ``Reference`` accepts; ``ReferenceKinds`` holds one
/// per property shape in the schemas.
public protocol ReferenceKind {
    /// The resource types and properties accepted (`AWS::KMS::Key.Arn`).
    static var accepted: [String] { get }
}
