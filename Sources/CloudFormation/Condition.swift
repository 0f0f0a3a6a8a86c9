/// A named condition: a condition function evaluated at deployment, used by
/// resources, outputs and `Fn::If`.
public struct Condition: Hashable, Sendable {
    public var name: String
    /// `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` or `Condition`.
    public var expression: Value

    public init(_ name: String, _ expression: Value) {
        self.name = name
        self.expression = expression
    }

    /// This condition inside another condition function.
    public var reference: Value { .condition(name) }
}
