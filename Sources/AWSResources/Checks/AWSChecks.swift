import CloudFormation

/// The checks that know AWS, in the order they run after the built-in rules.
public enum AWSChecks {
    public static let all: [any TemplateCheck] = [
        ResourceSchemaCheck(),
        AttributeCheck(),
        IAMActionCheck(),
        LambdaRuntimeCheck(),
        IdentityPolicyCheck(),
        ScheduleExpressionCheck(),
        CustomDataIdentifierCheck(),
    ]
}
