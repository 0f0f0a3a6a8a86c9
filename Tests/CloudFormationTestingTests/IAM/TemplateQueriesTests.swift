import AWSResources
import CloudFormation
import CloudFormationTesting
import Testing

/// A Macie-style stack written with typed resources and synthesized with
/// every check `synth` runs: a KMS-encrypted people table, an export function
/// whose role may scan it, and a key policy that lets Macie's service-linked
/// role decrypt.
struct MacieStyleStack: StackDefinition {
    var name: String { "MacieStyle" }

    func build(_ stack: Stack) throws {
        let key = stack.add(KMS.Key("Key", enableKeyRotation: true, keyPolicy: [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Sid": "EnableIAMPolicies", "Effect": "Allow",
                    "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                    "Action": "kms:*", "Resource": "*",
                ],
                [
                    "Sid": "AllowMacie", "Effect": "Allow", "Principal": ["AWS": .sub(
                        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")],
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
                ],
            ],
        ]))
        let table = stack.add(DynamoDB.Table(
            "PeopleTable",
            attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
            billingMode: .payPerRequest,
            keySchema: [.init(attributeName: "id", keyType: .hash)],
            sseSpecification: .init(kmsMasterKeyId: .to(key), sseEnabled: true, sseType: .kms),
            tableName: "people-macie"))
        let bucket = stack.add(S3.Bucket("ExportBucket"))
        let role = stack.add(IAM.Role(
            "ExportRole",
            assumeRolePolicyDocument: IAMTestTemplates.lambdaTrust,
            policies: [.init(
                policyDocument: IAMTestTemplates.document(
                    ["Effect": "Allow", "Action": ["dynamodb:Scan", "dynamodb:DescribeTable"], "Resource": table.arn.templateValue],
                    ["Effect": "Allow", "Action": "s3:PutObject", "Resource": .sub("${ExportBucket.Arn}/*")],
                    ["Effect": "Allow", "Action": "kms:Decrypt", "Resource": key.arn.templateValue]),
                policyName: "export")]))
        stack.add(Lambda.Function(
            "ExportDynamoDBDataToS3", code: .init(zipFile: "def handler(event, context):\n    pass\n"),
            handler: "index.handler", role: role.arn, runtime: .python3_13))
        stack.output("Bucket", bucket.ref)
    }
}

@Suite("IAM questions asked of a template")
struct TemplateQueriesTests {
    @Test("The export function's role may scan the people table, and may not write to it")
    func exportRoleScansTable() throws {
        let t = try Template(synthesizing: MacieStyleStack())
        let role = try t.role(of: "ExportDynamoDBDataToS3")
        #expect(role == .role("ExportRole"))
        #expect(t.allows(role, "dynamodb:Scan", on: .table("people-macie")))
        #expect(!t.allows(role, "dynamodb:PutItem", on: .table("people-macie")))
        #expect(t.allows(role, "s3:PutObject", on: .object(inBucket: "ExportBucket", key: "people.json")))
        #expect(!t.allows(role, "s3:GetObject", on: .object(inBucket: "ExportBucket", key: "people.json")))
    }

    @Test("The key: the role through the root entry and its own policy, Macie's service-linked role by name")
    func keyAccess() throws {
        let t = try Template(synthesizing: MacieStyleStack())
        let macie = Principal.arn(
            "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")
        #expect(t.allows(.role("ExportRole"), "kms:Decrypt", on: .key("Key")))
        #expect(!t.allows(.role("ExportRole"), "kms:Encrypt", on: .key("Key")))
        #expect(t.allows(macie, "kms:GenerateDataKey", on: .key("Key")))
        #expect(!t.allows(macie, "kms:ScheduleKeyDeletion", on: .key("Key")))
    }

    @Test("Asking for the role of a function that does not exist throws, so no check passes by accident")
    func missingFunction() throws {
        let t = try Template(synthesizing: MacieStyleStack())
        #expect(throws: IAMQueryError("the template has no resource ExportToS3")) { try t.role(of: "ExportToS3") }
        #expect(throws: IAMQueryError("PeopleTable is a AWS::DynamoDB::Table, not an AWS::Lambda::Function")) {
            try t.role(of: "PeopleTable")
        }
    }

    @Test("A decision explains itself")
    func decisionDescription() throws {
        let t = try Template(synthesizing: MacieStyleStack())
        let decision = t.decision(.role("ExportRole"), "dynamodb:Scan", on: .table("people-macie"))
        #expect(decision.description == """
            role ExportRole → dynamodb:Scan on arn:aws:dynamodb:us-east-1:123456789012:table/people-macie: allowed
              by Allow Resources.ExportRole.Properties.Policies[0].PolicyDocument.Statement[0] (inline policy)
            """)
    }
}
