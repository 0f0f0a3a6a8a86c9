import CloudFormation
import CloudFormationTesting
import Foundation
import GrownCatalog
import StackSynthesis
import Stacks
import Testing

/// The organizations the tests run on: the catalog's example, and the
/// example grown as users grow it (one more data set, one more member
/// account, a third Region). Expected answers come from the configuration.
enum MacieOrganizations {
    static let all: [MacieOrganization] = [.example, grown]

    static var grown: MacieOrganization {
        var organization = MacieOrganization.example
        organization.walkthrough = withOneMoreDataSet(organization.walkthrough)
        organization.memberAccounts.append("444444444444")
        organization.deployment.regions.append("ap-southeast-2")
        return organization
    }
}

extension MacieOrganization: CustomTestStringConvertible {
    public var testDescription: String {
        "\(memberAccounts.count) members in \(deployment.regions.joined(separator: ", ")), tables \(walkthrough.dataSets.map(\.tableName).joined(separator: ", "))"
    }
}

@Suite("MacieDynamoDB across an Organization: member StackSet and administrator stack")
struct MacieOrganizationTests {
    private static func macieRole(of account: String) -> String {
        "arn:aws:iam::\(account):role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"
    }

    @Test("the member template has the export side: key, import, export and log buckets, every table, both functions, the schedule",
          arguments: MacieOrganizations.all)
    func memberHasTheExportSide(organization: MacieOrganization) throws {
        let template = try Template(synthesizing: organization.member)
        #expect(template.resource("DynamoDBMacieKMSKey")?.type == "AWS::KMS::Key")
        for bucket in ["ImportS3Bucket", "ExportS3BucketMacie", "AccessLogsS3Bucket"] {
            #expect(template.resource(bucket)?.type == "AWS::S3::Bucket", "\(bucket)")
        }
        let tables = template.resources(ofType: "AWS::DynamoDB::Table").compactMap { $0.properties["TableName"]?.literalString }
        #expect(Set(tables) == Set(organization.walkthrough.dataSets.map(\.tableName)))
        let functions = template.resources(ofType: "AWS::Lambda::Function").map(\.logicalID)
        #expect(Set(functions) == ["ImportDataToDynamoDB", "ExportDynamoDBDataToS3"])
        let rule = try #require(template.resource("ExportDynamoDBDataRule"))
        #expect(rule.properties["ScheduleExpression"] == .string(organization.walkthrough.schedule.description))
        #expect(rule.properties["Targets"] == [["Arn": .getAtt("ExportDynamoDBDataToS3", "Arn"), "Id": "ExportDynamoDBDataToS3"]])
    }

    @Test("the Macie side is not in the member template: no session, identifier, job, findings topic or parameters")
    func memberHasNoMacieSide() throws {
        let template = try Template(synthesizing: MacieDynamoDBMemberStack())
        for type in ["AWS::Macie::Session", "AWS::Macie::CustomDataIdentifier", "Custom::MacieClassificationJob", "AWS::SNS::Topic"] {
            #expect(template.resources(ofType: type).isEmpty, "\(type)")
        }
        #expect(template.parameters.isEmpty)
    }

    @Test("the administrator's job lists every configured member account's export bucket, named by the organization's rule",
          arguments: MacieOrganizations.all)
    func jobCoversEveryMember(organization: MacieOrganization) throws {
        let template = try Template(synthesizing: organization.administrator)
        let job = try #require(template.resources(ofType: "Custom::MacieClassificationJob").first)
        let definitions = job.properties["JobDefinition"]?.objectValue?["s3JobDefinition"]?.objectValue?["bucketDefinitions"]
        guard case .list(let entries)? = definitions else {
            Issue.record("no bucketDefinitions in the job: \(String(describing: definitions))")
            return
        }
        let listed = entries.compactMap { $0.objectValue }.map { entry in
            (entry["accountId"]?.literalString ?? "", entry["buckets"] ?? .null)
        }
        #expect(listed.map(\.0) == organization.memberAccounts)
        for (account, buckets) in listed {
            let name = organization.exportBucketName(account: account, region: "${AWS::Region}")
            #expect(buckets == [.sub(SubTemplate(stringLiteral: name))], "\(account)")
        }
        #expect(job.properties["JobDefinition"]?.objectValue?["customDataIdentifierIds"] == [.ref("CustomIdentifier")])
    }

    @Test("the administrator stack has the custom identifier and sends findings to its topic through a rule")
    func administratorHasTheMacieSide() throws {
        let template = try Template(synthesizing: MacieDynamoDBAdministratorStack())
        let identifier = try #require(template.resource("CustomIdentifier"))
        #expect(identifier.type == "AWS::Macie::CustomDataIdentifier")
        #expect(identifier.properties["Name"] == "account_number")
        let rule = try #require(template.resource("MacieFindingsRule"))
        #expect(rule.properties["EventPattern"] == MacieOrganization.example.walkthrough.findingsAlerts?.eventPattern)
        #expect(rule.properties["Targets"] == [["Arn": .ref("MacieFindingsTopic"), "Id": "MacieFindingsTopic"]])
        #expect(template.resource("MacieFindingsTopic")?.type == "AWS::SNS::Topic")
        #expect(template.resources(ofType: "AWS::DynamoDB::Table").isEmpty)
        #expect(template.resources(ofType: "AWS::S3::Bucket").isEmpty)
    }

    @Test("in each member account and Region, the bucket the job names is the member's export bucket, which the administrator's Macie role may read and decrypt, and nothing more",
          arguments: MacieOrganizations.all)
    func memberAdmitsTheAdministratorsMacieRole(organization: MacieOrganization) throws {
        let template = try Template(synthesizing: organization.member)
        let administrator = Principal.arn(Self.macieRole(of: organization.administratorAccount))
        let stranger = Principal.arn(Self.macieRole(of: "999999999999"))
        for account in organization.memberAccounts {
            for region in organization.deployment.regions {
                let iam = template.iam(EvaluationContext(region: region, accountID: account, stackName: "StackSet-member"))
                func allows(_ principal: Principal, _ action: String, on resource: ResourceTarget) -> Bool {
                    iam.allows(principal, action, on: resource).isAllowed
                }
                let bucket = organization.exportBucketName(account: account, region: region)
                let place = "\(account) in \(region)"
                #expect(allows(administrator, "s3:GetObject", on: .objects(inBucket: bucket)), "\(place)")
                #expect(allows(administrator, "s3:ListBucket", on: .bucket(bucket)), "\(place)")
                #expect(allows(administrator, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")), "\(place)")
                for action in ["s3:PutObject", "s3:DeleteObject"] {
                    #expect(!allows(administrator, action, on: .objects(inBucket: bucket)), "\(action), \(place)")
                }
                #expect(!allows(administrator, "s3:GetObject", on: .objects(inBucket: "ImportS3Bucket")), "\(place)")
                #expect(!allows(administrator, "kms:ScheduleKeyDeletion", on: .key("DynamoDBMacieKMSKey")), "\(place)")
                #expect(!allows(stranger, "s3:GetObject", on: .objects(inBucket: bucket)), "\(place)")
                #expect(!allows(stranger, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")), "\(place)")
            }
        }
    }

    @Test("synthesis writes the StackSet that deploys the member template to the configured units and Regions, with the typed options")
    func stackSetTargetsTheConfiguredUnits() throws {
        var organization = MacieOrganizations.grown
        organization.deployment.failureTolerance = .percentage(10)
        organization.deployment.maxConcurrency = .percentage(50)
        organization.deployment.regionOrder = .parallel
        organization.deployment.retainStacksOnAccountRemoval = true
        let deployment = organization.deployment
        let member = try #require(try synthesizeAll([organization.member], format: .json, form: .short).first)
        let artifact = try #require(member.artifacts.first { $0.fileName == "MacieDynamoDBMember.stackset.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(artifact.text.utf8)) as? [String: Any])
        let resources = try #require(json["Resources"] as? [String: [String: Any]])
        #expect(resources.count == 1)
        let stackSet = try #require(resources.values.first)
        #expect(stackSet["Type"] as? String == "AWS::CloudFormation::StackSet")
        let properties = try #require(stackSet["Properties"] as? [String: Any])
        #expect(properties["StackSetName"] as? String == deployment.name)
        #expect(properties["PermissionModel"] as? String == "SERVICE_MANAGED")
        #expect(properties["TemplateBody"] as? String == member.text)
        let group = try #require((properties["StackInstancesGroup"] as? [[String: Any]])?.first)
        #expect((group["DeploymentTargets"] as? [String: Any])?["OrganizationalUnitIds"] as? [String] == deployment.organizationalUnits)
        #expect(group["Regions"] as? [String] == deployment.regions)
        let preferences = try #require(properties["OperationPreferences"] as? [String: Any])
        #expect(preferences["FailureTolerancePercentage"] as? Int == 10)
        #expect(preferences["MaxConcurrentPercentage"] as? Int == 50)
        #expect(preferences["RegionConcurrencyType"] as? String == "PARALLEL")
        #expect(preferences["RegionOrder"] == nil)
        #expect((properties["AutoDeployment"] as? [String: Bool]) == ["Enabled": true, "RetainStacksOnAccountRemoval": true])
    }

    @Test("bad organization settings: every problem at once, naming the stack, and no template")
    func invalidOrganization() throws {
        var organization = MacieOrganization.example
        organization.administratorAccount = "admin"
        organization.memberAccounts = ["222222222222", "12345", "222222222222"]
        organization.exportBucketPrefix = "Macie_Exports-with-a-prefix-far-too-long-for-s3"
        #expect(organization.problems == [
            "the administrator account 'admin' is not an account ID (12 digits)",
            "member account '12345' is not an account ID (12 digits)",
            "member account 222222222222 is listed twice",
            "the export bucket prefix 'Macie_Exports-with-a-prefix-far-too-long-for-s3' must be lowercase letters, digits and hyphens, not starting with a hyphen",
            "export bucket names in eu-west-1 would be 70 characters ('Macie_Exports-with-a-prefix-far-too-long-for-s3-123456789012-eu-west-1'); S3 allows 63: shorten the prefix",
            "export bucket names in us-east-1 would be 70 characters ('Macie_Exports-with-a-prefix-far-too-long-for-s3-123456789012-us-east-1'); S3 allows 63: shorten the prefix",
        ])
        for stack in [organization.member as any StackDefinition, organization.administrator] {
            let error = #expect(throws: SynthesisError.self, "\(stack.name) synthesized with an invalid organization") {
                try synthesizeAll([stack], format: .yaml, form: .short)
            }
            let text = error?.diagnostics.map(\.description).joined(separator: "\n") ?? ""
            #expect(text.contains(stack.name), "\(text)")
            for problem in organization.problems {
                #expect(text.contains(problem), "\(text)")
            }
        }
    }
}
