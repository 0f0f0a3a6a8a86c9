import CloudFormation
import Foundation
import Stacks
import TemplateReading
import TemplateRendering
import Testing
@testable import TemplateDiff

/// The walkthrough's sample stack (`Tests/Fixtures/walkthrough-sample.yaml`,
/// reconstructed here from the published facts about it) deployed, then
/// updated to ours with the walkthrough's two tables (whatever data sets the
/// default stack has), written and read back as `synth` writes it.
@Suite("The walkthrough's sample stack against ours")
struct WalkthroughSampleTests {
    static func changes() throws -> TemplateChanges {
        func read(_ path: String) throws -> Template {
            let url = repositoryRoot.appendingPathComponent(path)
            return try TemplateReader.read(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        }
        var ours = MacieDynamoDBStack()
        ours.dataSets = [.people, .accounts]
        let text = try TemplateRenderer.render(try synthesize(ours).template, format: .yaml)
        let new = try TemplateReader.read(text, file: "MacieDynamoDB.yaml")
        return TemplateDiff.compare(old: try read("Tests/Fixtures/walkthrough-sample.yaml"), new: new)
    }

    @Test("the report, reviewed as a golden file")
    func golden() throws {
        let changes = try Self.changes()
        try expectGolden(changes.render(colour: false), "walkthrough-sample-vs-ours.txt")
        #expect(changes.summary.resourcesAdded == 21 && changes.summary.resourcesRemoved == 2 && changes.summary.resourcesModified == 13)
    }

    @Test("ours adds the access-log bucket, the bucket policies, log groups, dead-letter queues and their policies, the Macie job's pieces and the findings topic; the two AWS::IAM::Policy resources go")
    func addedAndRemoved() throws {
        let changes = try Self.changes()
        let added = changes.resources.filter { $0.kind == .added }.map(\.logicalID)
        #expect(added == [
            "MacieSession", "AccessLogsS3Bucket", "AccessLogsS3BucketPolicy", "ImportS3BucketPolicy", "ExportS3BucketMaciePolicy",
            "ImportDataToDynamoDBLogGroup", "ImportDataToDynamoDBDeadLetterQueue", "ImportDataToDynamoDBDeadLetterQueuePolicy",
            "ExportDynamoDBDataToS3LogGroup", "ExportDynamoDBDataToS3DeadLetterQueue", "ExportDynamoDBDataToS3DeadLetterQueuePolicy",
            "MacieClassificationJobManagerRole", "MacieClassificationJobManagerLogGroup",
            "MacieClassificationJobManagerDeadLetterQueue", "MacieClassificationJobManagerDeadLetterQueuePolicy",
            "MacieClassificationJobManager", "MacieClassificationJob",
            "MacieFindingsTopic", "MacieFindingsTopicPolicy", "MacieFindingsRule", "MacieFindingsEmailSubscription",
        ])
        let removed = changes.resources.filter { $0.kind == .removed }
        #expect(removed.map { "\($0.logicalID) \($0.type)" } == [
            "ImportDynamoDBLambdaPolicy AWS::IAM::Policy", "ExportDynamoDBLambdaPolicy AWS::IAM::Policy",
        ])
        #expect(removed.allSatisfy { $0.removal == .noData })
        // The resources the walkthrough's parameters leave out say so.
        let conditional = changes.resources.filter { !$0.notes.isEmpty && $0.kind == .added }.map(\.logicalID)
        #expect(conditional == ["MacieSession", "MacieClassificationJob", "MacieFindingsEmailSubscription"])
    }

    @Test("replacements: the two roles (Path: / removed) and the custom identifier (its regex); nothing that holds data")
    func replacements() throws {
        let changes = try Self.changes()
        let replaced = changes.resources.filter { $0.replacement != nil }
        #expect(replaced.map { "\($0.logicalID) \($0.replacement!.createOnlyPaths.map(\.description))" } == [
            #"ImportLambdaRole ["Properties.Path"]"#, #"ExportLambdaRole ["Properties.Path"]"#,
            #"CustomIdentifier ["Properties.Regex"]"#,
        ])
        #expect(!changes.hasDataLoss)
        #expect(replaced.allSatisfy { !StatefulResourceTypes.contains($0.type) })
    }

    @Test("no hazard where the settings stay: the tables keep their key and name, the alias and the permission change only DependsOn")
    func noHazardWhereUnchanged() throws {
        let changes = try Self.changes()
        let byID = Dictionary(uniqueKeysWithValues: changes.resources.map { ($0.logicalID, $0) })
        for id in ["PeopleTable", "AccountsInfoTable"] {
            let table = try #require(byID[id])
            #expect(table.replacement == nil)
            // The GSI, provisioned throughput and billing mode change in place; the key schema and name do not change.
            #expect(table.propertyChanges.map(\.path.description) == [
                "Properties.BillingMode", "Properties.DeletionProtectionEnabled", "Properties.PointInTimeRecoverySpecification", "Properties.SSESpecification",
                "Properties.GlobalSecondaryIndexes", "Properties.ProvisionedThroughput",
            ])
        }
        for id in ["DynamoDBMacieKeyAlias", "PermissionForEventsToInvokeDynamoExport"] {
            let change = try #require(byID[id])
            #expect(change.replacement == nil && change.propertyChanges.isEmpty && change.notes.isEmpty)
            #expect(change.attributeChanges.map(\.path.description) == ["DependsOn"])
        }
        for id in ["DynamoDBMacieKMSKey", "ImportS3Bucket", "ExportS3BucketMacie", "ExportDynamoDBDataRule"] {
            #expect(byID[id]?.replacement == nil, "\(id)")
        }
    }

    @Test("IAM: GetItem on * and Scan on every table go as narrowing, Scan on each exported table is narrowing, the same grant respelled is neutral")
    func statements() throws {
        let changes = try Self.changes()
        func verdict(_ change: StatementChange.Change, _ principal: String, _ action: String, _ resource: String) -> String? {
            changes.statements.first {
                $0.change == change && $0.row.principal.text == principal && $0.row.action.text == action
                    && $0.row.resource.text == resource && $0.row.conditions.isEmpty
            }?.verdict.rawValue
        }
        let export = "role:${ExportLambdaRole}", imports = "role:${ImportLambdaRole}"
        #expect(verdict(.removed, export, "dynamodb:GetItem", "*") == "narrowing")
        #expect(verdict(.removed, export, "dynamodb:Scan", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*") == "narrowing")
        #expect(verdict(.added, export, "dynamodb:Scan", "${PeopleTable.Arn}") == "narrowing")
        #expect(verdict(.added, export, "dynamodb:Scan", "${AccountsInfoTable.Arn}") == "narrowing")
        #expect(verdict(.removed, export, "logs:PutLogEvents", "arn:aws:logs:*:*:*") == "narrowing")
        #expect(verdict(.added, export, "logs:PutLogEvents", "${ExportDynamoDBDataToS3LogGroup.Arn}") == "narrowing")
        #expect(verdict(.removed, export, "s3:ListBucket", "arn:aws:s3:::${ExportS3BucketMacie}/*") == "narrowing")
        #expect(verdict(.removed, export, "s3:PutObject", "arn:aws:s3:::${ExportS3BucketMacie}/*") == "neutral")
        #expect(verdict(.added, export, "s3:PutObject", "${ExportS3BucketMacie.Arn}/*") == "neutral")
        #expect(verdict(.added, imports, "s3:ListBucket", "${ImportS3Bucket.Arn}") == "neutral")
        #expect(verdict(.added, imports, "s3:GetObject", "${ImportS3Bucket.Arn}/*") == "neutral")
        #expect(verdict(.added, "AWS:arn:${AWS::Partition}:iam::${AWS::AccountId}:root", "kms:*", "${DynamoDBMacieKMSKey.Arn}") == "neutral")
        // Where the GetItem on * was written.
        let getItem = changes.statements.first { $0.row.action.text == "dynamodb:GetItem" }
        #expect(getItem?.locations.map(\.description) == ["Resources.ExportDynamoDBLambdaPolicy.Properties.PolicyDocument.Statement[4]"])

        // Nothing the export role gains reaches further than before, but its own dead-letter queue.
        let exportBroadening = changes.statements.filter { $0.row.principal.text == export && $0.verdict == .broadening }
        #expect(exportBroadening.map { "\($0.row.action) \($0.row.resource)" } == ["sqs:SendMessage ${ExportDynamoDBDataToS3DeadLetterQueue.Arn}"])
        // The import role may now write the tables item by item, and decrypt the key through the services it uses.
        let importBroadening = changes.statements.filter { $0.row.principal.text == imports && $0.verdict == .broadening }
        #expect(Set(importBroadening.map(\.row.action.text)) == [
            "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "sqs:SendMessage",
        ])
        // Macie's service-linked role keeps Decrypt, DescribeKey and GenerateDataKey, and loses Encrypt and ReEncrypt*.
        let macie = changes.statements.filter { $0.row.principal.text.hasSuffix("AWSServiceRoleForAmazonMacie") || $0.row.principal.text == "AWS:${MacieSession.ServiceRole}" }
        #expect(macie.filter { $0.verdict == .narrowing }.map(\.row.action.text) == ["kms:Encrypt", "kms:ReEncrypt*"])
        #expect(macie.filter { $0.verdict == .broadening }.isEmpty)
    }
}
