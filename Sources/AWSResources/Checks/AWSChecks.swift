import CloudFormation

/// The checks that know AWS, in the order their findings are reported (after
/// the built-in rules'). Synthesis also starts them in this order, so the
/// longest, the schema check, comes first.
public enum AWSChecks {
    public static let all: [any TemplateCheck] = [
        ResourceSchemaCheck(),
        ResourceTypeCheck(),
        AttributeCheck(),
        IAMActionCheck(),
        LambdaRuntimeCheck(),
        IdentityPolicyCheck(),
        ScheduleExpressionCheck(),
        CustomDataIdentifierCheck(),
        InlineCodeSizeCheck(),
    ]
}
