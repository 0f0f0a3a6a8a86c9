import AWSReferences
import CloudFormation

// A property of a generated type that names another resource takes a
// construct the way it takes the resource the construct declares:
// `kmsMasterKeyId: .to(key)`, `topicArn: .to(topic)`.

extension Reference where Kind == ReferenceKinds.KMSKeyArn {
    /// The key's ARN (`Fn::GetAtt Key.Arn`).
    public static func to(_ key: Key) -> Self { Self(unchecked: .arn(key.arn)) }
}

extension Reference where Kind == ReferenceKinds.KMSKeyArnOrKMSKeyKeyId {
    /// The key's ARN (`Fn::GetAtt Key.Arn`).
    public static func to(_ key: Key) -> Self { Self(unchecked: .arn(key.arn)) }
}

extension Reference where Kind == ReferenceKinds.KMSKeyArnOrKMSKeyKeyIdOrKMSAliasAliasName {
    /// The key's ARN (`Fn::GetAtt Key.Arn`).
    public static func to(_ key: Key) -> Self { Self(unchecked: .arn(key.arn)) }
}

extension Reference where Kind == ReferenceKinds.SNSTopicTopicArn {
    /// The topic's ARN (its `Ref`).
    public static func to(_ topic: Topic) -> Self { Self(unchecked: .arn(topic.arn)) }
}
