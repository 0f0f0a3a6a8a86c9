/// A way a value breaks its schema: where (the JSON path of the offending
/// value, starting from the path the validation was given) and what.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    public var path: TemplatePath
    public var message: String

    public init(path: TemplatePath, message: String) {
        self.path = path
        self.message = message
    }

    /// `Resources.Fn.Properties.Timeout: 0 is less than the minimum 1`
    public var description: String {
        path.components.isEmpty ? message : "\(path): \(message)"
    }
}

/// Checks the literal values of a template against a resource provider
/// schema, at synthesis time, before anything is written.
///
/// Intrinsic functions cannot be evaluated then, so a value that is one
/// passes every check, except that `Fn::If` is checked as both of its
/// branches (each against the same schema, at `…Fn::If[1]` and `…Fn::If[2]`)
/// and `Ref AWS::NoValue` makes a property (or list item) absent. Scalars are
/// read as leniently as CloudFormation reads them (see `Value.schemaAccepts`).
///
/// Violations come out in a fixed order: the order of the value's entries and
/// items, and within one value the order of `SchemaValidation.check`; a
/// violation found twice (by both branches of an `Fn::If`, say) is reported once.
public enum SchemaValidator {
    public static func validate(_ value: Value, against schema: JSONSchema, at path: TemplatePath) -> [SchemaViolation] {
        var validation = SchemaValidation(nodes: schema.nodes, at: path)
        validation.check(value, schema.rootIndex)
        var seen: Set<SchemaViolation> = []
        return validation.findings.map(\.violation).filter { seen.insert($0).inserted }
    }
}
