import CloudFormation
import CloudFormationTesting
import Stacks
import Testing

/// The questions a reviewer asks of the package's Macie stack, as the test
/// kit's users would write them.
@Suite("IAM of the MacieDynamoDB stack")
struct MacieDynamoDBStackIAMTests {
    @Test("The export function's role may scan the people table and may not write to it")
    func exportRole() throws {
        let t = try Template(synthesizing: MacieDynamoDBStack())
        let role = try t.role(of: "ExportDynamoDBDataToS3")
        #expect(t.allows(role, "dynamodb:Scan", on: .table("people-macie")))
        #expect(!t.allows(role, "dynamodb:PutItem", on: .table("people-macie")))
    }

    @Test("Macie's service-linked role may decrypt with the stack's key, by the key policy alone")
    func macieDecrypts() throws {
        let t = try Template(synthesizing: MacieDynamoDBStack())
        let macie = Principal.arn(
            "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")
        #expect(t.allows(macie, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")))
    }

    @Test("No principal of the stack is an administrator")
    func noAdministrators() throws {
        let iam = try Template(synthesizing: MacieDynamoDBStack()).iam()
        #expect(iam.principalsAllowedEverything().isEmpty)
    }
}
