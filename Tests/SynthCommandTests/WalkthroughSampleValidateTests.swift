import Foundation
import Testing

/// `synth validate` on Tests/Fixtures/walkthrough-sample.yaml, this
/// repository's reconstruction of the walkthrough's original sample with its
/// defects (listed in ../shared/reference/blog-stack.md): every security
/// defect is reported by the rule made for it, on the resource that has it.
@Suite("synth validate: the walkthrough sample's defects")
struct WalkthroughSampleValidateTests {
    /// The sample's security defects: rule, resource.
    static let defects: [(rule: String, resource: String)] = [
        ("S3-KMS", "ImportS3Bucket"),  // import bucket unencrypted
        ("S3-TLS", "ImportS3Bucket"), ("S3-TLS", "ExportS3BucketMacie"),  // no TLS-only policy
        ("S3-PUBLIC-ACCESS", "ImportS3Bucket"), ("S3-PUBLIC-ACCESS", "ExportS3BucketMacie"),
        ("S3-VERSIONING", "ImportS3Bucket"), ("S3-VERSIONING", "ExportS3BucketMacie"),
        ("S3-ACCESS-LOGS", "ImportS3Bucket"), ("S3-ACCESS-LOGS", "ExportS3BucketMacie"),
        ("DYNAMODB-PITR", "PeopleTable"), ("DYNAMODB-PITR", "AccountsInfoTable"),
        ("DYNAMODB-KMS", "PeopleTable"), ("DYNAMODB-KMS", "AccountsInfoTable"),
        ("DELETION-PROTECTION", "PeopleTable"), ("DELETION-PROTECTION", "AccountsInfoTable"),
        ("LAMBDA-DLQ", "ImportDataToDynamoDB"), ("LAMBDA-DLQ", "ExportDynamoDBDataToS3"),
        ("LAMBDA-CONCURRENCY", "ImportDataToDynamoDB"), ("LAMBDA-CONCURRENCY", "ExportDynamoDBDataToS3"),
        ("LAMBDA-ENV-KMS", "ImportDataToDynamoDB"), ("LAMBDA-ENV-KMS", "ExportDynamoDBDataToS3"),
        ("LAMBDA-RUNTIME", "ImportDataToDynamoDB"), ("LAMBDA-RUNTIME", "ExportDynamoDBDataToS3"),  // python3.7
        ("LAMBDA-LOG-RETENTION", "ImportDataToDynamoDB"), ("LAMBDA-LOG-RETENTION", "ExportDynamoDBDataToS3"),
        // dynamodb:GetItem on *, dynamodb:Scan on every table, logs on every log group
        ("IAM-WILDCARD-RESOURCE", "ExportDynamoDBLambdaPolicy"), ("IAM-WILDCARD-RESOURCE", "ImportDynamoDBLambdaPolicy"),
        ("MACIE-REGEX", "CustomIdentifier"),  // (XYZ-) is a capturing group
    ]

    @Test("each security defect is reported by its rule on its resource; exit 2")
    func defectsReported() throws {
        let result = try Executable.synth.run(["validate", "Tests/Fixtures/walkthrough-sample.yaml"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for (rule, resource) in Self.defects {
            #expect(lines.contains { $0.contains(": Resources.\(resource)") && $0.contains("[\(rule)]") }, "\(rule) on \(resource)")
        }
        // Nothing the sample does right is flagged: its key rotates and lets Macie decrypt.
        #expect(!result.stderr.contains("[KMS-ROTATION]"))
        #expect(!result.stderr.contains("[MACIE-KEY-DECRYPT]"))
        // kms:ListKeys and kms:ListAliases have no resource-level permissions: * is right for them.
        #expect(!lines.contains { $0.contains("kms:List") && $0.contains("[IAM-WILDCARD-RESOURCE]") })
    }
}
