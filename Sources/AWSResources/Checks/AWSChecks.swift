import CloudFormation

/// The checks that know AWS, in the order their findings are reported (after
/// the built-in rules'). The order they start in is synthesis's own
/// (`SynthesisJobs`).
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
