import CloudFormation

/// A statement's `Condition` block with one operator and one key, its value
/// typed: `conditions: .arnEquals("aws:SourceArn", topic.ref)`.
extension Object {
    public static func condition(_ operator: String, _ key: String, _ value: some PropertyValue) -> Object {
        [`operator`: [key: value.templateValue]]
    }

    public static func arnEquals(_ key: String, _ value: some PropertyValue) -> Object {
        condition("ArnEquals", key, value)
    }

    /// `Bool`: `.bool("aws:SecureTransport", false)` holds for requests without TLS.
    public static func bool(_ key: String, _ flag: Bool) -> Object {
        condition("Bool", key, Value.bool(flag))
    }
}
