import AWSResources
import CloudFormation
import Testing

@Suite("Typed references")
struct ReferenceTests {
    @Test("a resource of the accepted type gives its ARN or its Ref, as the kind says")
    func fromResources() {
        let key = KMS.Key("Key")
        #expect(Reference<ReferenceKinds.KMSKeyArn>.to(key).templateValue == .getAtt("Key", "Arn"))
        let alias = KMS.Alias("Alias", aliasName: "alias/data", targetKeyId: key.ref)
        #expect(Reference<ReferenceKinds.KMSKeyArnOrKMSKeyKeyIdOrKMSAliasAliasName>.to(alias).templateValue == .ref("Alias"))
        let bucket = S3.Bucket("Bucket")
        #expect(Reference<ReferenceKinds.S3BucketBucketName>.to(bucket).templateValue == .ref("Bucket"))
    }

    @Test("the escape hatches write what they were given")
    func escapeHatches() {
        typealias KeyArn = Reference<ReferenceKinds.KMSKeyArn>
        #expect(KeyArn.literal("arn:aws:kms:eu-west-1:111122223333:key/1").templateValue == .string("arn:aws:kms:eu-west-1:111122223333:key/1"))
        let parameter = TypedParameter.string("KeyArn")
        #expect(KeyArn.parameter(parameter).templateValue == .ref("KeyArn"))
        #expect(KeyArn.expression(.importValue("shared-key")).templateValue == TemplateExpression<String>.importValue("shared-key").templateValue)
    }

    @Test("each kind says what it accepts, as the schemas spell it")
    func accepted() {
        #expect(ReferenceKinds.KMSKeyArnOrKMSKeyKeyIdOrKMSAliasAliasName.accepted == ["AWS::KMS::Key.Arn", "AWS::KMS::Key.KeyId", "AWS::KMS::Alias.AliasName"])
    }
}
