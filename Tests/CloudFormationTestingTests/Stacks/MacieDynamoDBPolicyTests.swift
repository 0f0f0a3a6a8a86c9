import CloudFormation
import CloudFormationTesting
import GrownCatalog
import Stacks
import Testing

/// The questions a reviewer asks of the Macie stack's IAM and graph, answered
/// by evaluating its synthesized policies.
@Suite("MacieDynamoDB: who may do what to what")
struct MacieDynamoDBPolicyTests {
    let template: Template
    let exportRole: Principal
    let importRole: Principal
    static let macieRole = "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"

    init() throws {
        template = try Template(synthesizing: MacieDynamoDBStack())
        exportRole = try template.role(of: "ExportDynamoDBDataToS3")
        importRole = try template.role(of: "ImportDataToDynamoDB")
    }

    @Test("the export function may scan exactly the exported tables, and write nothing to DynamoDB",
          arguments: MacieDynamoDBConfigurations.all)
    func exportScansOnlyExportedTables(stack: MacieDynamoDBStack) throws {
        let template = try Template(synthesizing: stack)
        let exportRole = try template.role(of: "ExportDynamoDBDataToS3")
        let exportedTables = stack.dataSets.map(\.tableName)
        for table in exportedTables {
            #expect(template.allows(exportRole, "dynamodb:Scan", on: .table(table)))
            for action in ["dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:GetItem"] {
                #expect(!template.allows(exportRole, action, on: .table(table)), "\(action) on \(table)")
            }
        }
        #expect(!template.allows(exportRole, "dynamodb:Scan", on: .table("some-other-table")))
        #expect(!template.allows(exportRole, "dynamodb:Scan", on: .arn("arn:aws:dynamodb:us-east-1:123456789012:table/*")))
        let dynamoDB = template.effectivePermissions(of: exportRole).allowed.filter { $0.action.hasPrefix("dynamodb:") }
        #expect(Set(dynamoDB.map(\.action)) == ["dynamodb:scan"] || Set(dynamoDB.map(\.action)) == ["dynamodb:Scan"])
        #expect(Set(dynamoDB.map(\.resource)) == Set(exportedTables.map { "arn:aws:dynamodb:us-east-1:123456789012:table/\($0)" }))
    }

    @Test("the export function may put objects only in the export bucket")
    func exportPutsOnlyInExportBucket() {
        #expect(template.allows(exportRole, "s3:PutObject", on: .objects(inBucket: "ExportS3BucketMacie")))
        #expect(!template.allows(exportRole, "s3:PutObject", on: .objects(inBucket: "ImportS3Bucket")))
        #expect(!template.allows(exportRole, "s3:PutObject", on: .objects(inBucket: "AccessLogsS3Bucket")))
        #expect(!template.allows(exportRole, "s3:GetObject", on: .objects(inBucket: "ExportS3BucketMacie")))
        #expect(!template.allows(exportRole, "s3:DeleteObject", on: .objects(inBucket: "ExportS3BucketMacie")))
    }

    @Test("the import function may not read the export bucket or decrypt outside S3 and DynamoDB",
          arguments: MacieDynamoDBConfigurations.all)
    func importCannotReadExports(stack: MacieDynamoDBStack) throws {
        let template = try Template(synthesizing: stack)
        let importRole = try template.role(of: "ImportDataToDynamoDB")
        for csv in stack.dataSets.map(\.csvName) {
            #expect(template.allows(importRole, "s3:GetObject", on: .object(inBucket: "ImportS3Bucket", key: csv)))
        }
        #expect(!template.allows(importRole, "s3:GetObject", on: .objects(inBucket: "ExportS3BucketMacie")))
        #expect(!template.allows(importRole, "s3:ListBucket", on: .bucket("ExportS3BucketMacie")))
        // KMS use is limited to calls S3 or DynamoDB make for the role: no direct Decrypt.
        #expect(!template.allows(importRole, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")))
        #expect(template.allows(importRole, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey"), context: ["kms:ViaService": "s3.us-east-1.amazonaws.com"]))
        for table in stack.dataSets.map(\.tableName) {
            #expect(template.allows(importRole, "dynamodb:BatchWriteItem", on: .table(table)))
            #expect(!template.allows(importRole, "dynamodb:Scan", on: .table(table)))
        }
    }

    @Test("a request without TLS is denied on every bucket, even to the account root")
    func tlsOnly() {
        let insecure: RequestContext = ["aws:SecureTransport": "false"]
        for bucket in ["ImportS3Bucket", "ExportS3BucketMacie", "AccessLogsS3Bucket"] {
            let decision = template.decision(.root, "s3:GetObject", on: .objects(inBucket: bucket), context: insecure)
            #expect(decision.isExplicitlyDenied, "\(bucket): \(decision)")
            #expect(template.decision(exportRole, "s3:PutObject", on: .objects(inBucket: bucket), context: insecure).isAllowed == false)
        }
    }

    @Test("Macie's service-linked role may decrypt with the key; nobody else outside the account")
    func macieDecrypts() {
        #expect(template.allows(.arn(Self.macieRole), "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")))
        #expect(template.allows(.arn(Self.macieRole), "kms:DescribeKey", on: .key("DynamoDBMacieKMSKey")))
        #expect(!template.allows(.arn(Self.macieRole), "kms:ScheduleKeyDeletion", on: .key("DynamoDBMacieKMSKey")))
        #expect(!template.allows(.arn("arn:aws:iam::999999999999:role/stranger"), "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")))
        #expect(!template.allows(.anyone, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey")))
    }

    @Test("no principal of the stack is allowed everything, and nothing is open to anyone")
    func noAdministrators() {
        let administrators = template.iam().principalsAllowedEverything().filter { $0.principal != .root }
        #expect(administrators.isEmpty, "\(administrators)")
        for bucket in ["ImportS3Bucket", "ExportS3BucketMacie", "AccessLogsS3Bucket"] {
            #expect(!template.allows(.anyone, "s3:GetObject", on: .objects(inBucket: bucket)))
        }
    }

    @Test("the rule invokes the export function, which runs as its role; the invoke permission is for this rule only")
    func scheduleGraph() throws {
        let graph = ResourceGraph(template)
        #expect(graph.path(from: "ExportDynamoDBDataRule", to: "ExportDynamoDBDataToS3")?.map(\.description) == ["ExportDynamoDBDataRule -[GetAtt.Arn]-> ExportDynamoDBDataToS3"])
        #expect(graph.path(from: "ExportDynamoDBDataToS3", to: "ExportLambdaRole") != nil)
        #expect(graph.dependencies(of: "PermissionForEventsToInvokeDynamoExport").map(\.description) == [
            "PermissionForEventsToInvokeDynamoExport -[Ref]-> ExportDynamoDBDataToS3",
            "PermissionForEventsToInvokeDynamoExport -[GetAtt.Arn]-> ExportDynamoDBDataRule",
        ])
        let ruleARN = "arn:aws:events:us-east-1:123456789012:rule/ExportDynamoDBData"
        #expect(template.allows(.service("events.amazonaws.com"), "lambda:InvokeFunction", on: .function("ExportDynamoDBDataToS3"), context: ["aws:SourceArn": ruleARN]))
        #expect(!template.allows(.service("events.amazonaws.com"), "lambda:InvokeFunction", on: .function("ExportDynamoDBDataToS3"), context: ["aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/other"]))
        #expect(!template.allows(.service("events.amazonaws.com"), "lambda:InvokeFunction", on: .function("ImportDataToDynamoDB"), context: ["aws:SourceArn": ruleARN]))
        #expect(try graph.creationOrder().firstIndex(of: "DynamoDBMacieKMSKey")! < graph.creationOrder().firstIndex(of: "ExportS3BucketMacie")!)
    }

    @Test("adding a data set adds its table to the export's environment, grants and outputs")
    func addingADataSet() throws {
        let stack = withOneMoreDataSet(MacieDynamoDBStack())
        let added = try #require(stack.dataSets.last)
        let template = try Template(synthesizing: stack)
        let exporter = try template.role(of: "ExportDynamoDBDataToS3")
        #expect(template.allows(exporter, "dynamodb:Scan", on: .table(added.tableName)))
        #expect(template.hasOutput("\(added.outputPrefix)DynamoDBTableName"))
        #expect(template.hasOutput("\(added.outputPrefix)DynamoDBTableURL"))
        let variables = template.resource("ExportDynamoDBDataToS3")?.properties["Environment"]?.objectValue?["Variables"]?.objectValue
        #expect(variables?["dynamo_db_tables"] == .join(",", stack.dataSets.map { .ref($0.logicalID) }))
    }
}
