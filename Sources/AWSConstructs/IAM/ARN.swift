import CloudFormation

/// An ARN that knows what it names. Grants and policy statements take ARNs of
/// the kind their actions apply to, so S3 actions on a table's ARN, or object
/// actions on a bucket's ARN, do not compile.
public struct ARN<Kind: ARNKind>: PropertyValue, Hashable, Sendable {
    public let templateValue: Value

    /// An ARN the caller vouches for (a resource outside the stack, say).
    public init(unchecked value: Value) {
        templateValue = value
    }

    /// The ARN where a generated property takes a plain string expression.
    public var expression: TemplateExpression<String> { TemplateExpression(unchecked: templateValue) }
}

/// The kinds of resource an ARN can name. Each is a marker type only.
public protocol ARNKind {}

public enum S3BucketARN: ARNKind {}
/// Objects of a bucket: `arn:…:s3:::bucket/key-pattern`.
public enum S3ObjectARN: ARNKind {}
public enum DynamoDBTableARN: ARNKind {}
/// A table's indexes: `arn:…:table/name/index/*`.
public enum DynamoDBIndexARN: ARNKind {}
/// A table's exports to S3: `arn:…:table/name/export/*`.
public enum DynamoDBExportARN: ARNKind {}
public enum KMSKeyARN: ARNKind {}
public enum LambdaFunctionARN: ARNKind {}
public enum LogGroupARN: ARNKind {}
public enum SNSTopicARN: ARNKind {}
public enum SQSQueueARN: ARNKind {}
public enum EventsRuleARN: ARNKind {}
public enum IAMRoleARN: ARNKind {}
public enum MacieClassificationJobARN: ARNKind {}
public enum SSMParameterARN: ARNKind {}

extension TemplateExpression where Type == String {
    /// An ARN where a property or a function's environment takes a plain
    /// string: `"KEY_ARN": .arn(key.arn)`.
    public static func arn<Kind>(_ arn: ARN<Kind>) -> Self { arn.expression }
}
