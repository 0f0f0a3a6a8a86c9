import CloudFormation
import CloudFormationTesting
import Stacks
import Testing

/// The native export engine's function starts DynamoDB's exports and reports
/// them: it may do that, on exactly the stack's tables, bucket prefix and
/// state parameter, and nothing else. Names come from the stack's own
/// configuration.
@Suite("MacieDynamoDBNativeExport: the export function may start exports and nothing more")
struct MacieDynamoDBNativeExportPolicyTests {
    let stack = MacieDynamoDBStack.nativeExport
    let template: Template
    let exportRole: Principal
    let prefix: String

    static let account = "arn:aws:dynamodb:us-east-1:123456789012"

    init() throws {
        template = try Template(synthesizing: stack)
        exportRole = try template.role(of: "ExportDynamoDBDataToS3")
        guard case .native(let export) = stack.exportEngine else {
            throw ConfigurationMismatch(description: "MacieDynamoDBNativeExport does not use the native engine")
        }
        prefix = export.prefix
    }

    struct ConfigurationMismatch: Error, CustomStringConvertible {
        var description: String
    }

    var tables: [String] { stack.dataSets.map(\.tableName) }

    @Test("it may export exactly the stack's tables and describe only their exports")
    func exportsExactlyTheTables() {
        for table in tables {
            #expect(template.allows(exportRole, "dynamodb:ExportTableToPointInTime", on: .table(table)))
            #expect(template.allows(exportRole, "dynamodb:DescribeExport", on: .arn("\(Self.account):table/\(table)/export/01700000000000-abcdef12")))
            for action in ["dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                           "dynamodb:RestoreTableToPointInTime", "dynamodb:ListExports"] {
                #expect(!template.allows(exportRole, action, on: .table(table)), "\(action) on \(table)")
            }
        }
        #expect(!template.allows(exportRole, "dynamodb:ExportTableToPointInTime", on: .table("some-other-table")))
        #expect(!template.allows(exportRole, "dynamodb:ExportTableToPointInTime", on: .arn("\(Self.account):table/*")))
        #expect(!template.allows(exportRole, "dynamodb:DescribeExport", on: .arn("\(Self.account):table/some-other-table/export/01700000000000-abcdef12")))
        #expect(!template.allows(exportRole, "dynamodb:ListExports", on: .arn("*")))

        let dynamoDB = template.effectivePermissions(of: exportRole).allowed.filter { $0.action.hasPrefix("dynamodb:") }
        #expect(Set(dynamoDB.map(\.action)) == ["dynamodb:exporttabletopointintime", "dynamodb:describeexport"])
        #expect(Set(dynamoDB.map(\.resource)) == Set(tables.flatMap {
            ["\(Self.account):table/\($0)", "\(Self.account):table/\($0)/export/*"]
        }))
    }

    @Test("it may write (whole, in parts, with the bucket owner's ACL) only under the export prefix, and read nothing")
    func writesOnlyUnderThePrefix() {
        for action in ["s3:PutObject", "s3:AbortMultipartUpload", "s3:PutObjectAcl"] {
            #expect(template.allows(exportRole, action, on: .objects(inBucket: "ExportS3BucketMacie", prefix: prefix + "/")), "\(action)")
            #expect(!template.allows(exportRole, action, on: .object(inBucket: "ExportS3BucketMacie", key: "elsewhere.json")), "\(action)")
            #expect(!template.allows(exportRole, action, on: .objects(inBucket: "ExportS3BucketMacie")), "\(action) on the whole bucket")
            #expect(!template.allows(exportRole, action, on: .objects(inBucket: "ImportS3Bucket")), "\(action)")
            #expect(!template.allows(exportRole, action, on: .objects(inBucket: "AccessLogsS3Bucket")), "\(action)")
        }
        for action in ["s3:GetObject", "s3:DeleteObject", "s3:ListBucket"] {
            #expect(!template.allows(exportRole, action, on: .objects(inBucket: "ExportS3BucketMacie", prefix: prefix + "/")), "\(action)")
        }
        let s3 = template.effectivePermissions(of: exportRole).allowed.filter { $0.action.hasPrefix("s3:") }
        #expect(Set(s3.map(\.action)) == ["s3:putobject", "s3:abortmultipartupload", "s3:putobjectacl"])
        #expect(s3.allSatisfy { $0.resource.hasSuffix(":::\(prefix)/*") || $0.resource.hasSuffix("/\(prefix)/*") })
    }

    @Test("it may use the key only through S3 for the export (and SQS for its dead letters)")
    func keyOnlyThroughS3() {
        let s3: RequestContext = ["kms:ViaService": "s3.us-east-1.amazonaws.com"]
        #expect(template.allows(exportRole, "kms:GenerateDataKey", on: .key("DynamoDBMacieKMSKey"), context: s3))
        #expect(template.allows(exportRole, "kms:Decrypt", on: .key("DynamoDBMacieKMSKey"), context: s3))
        for service in [nil, "dynamodb.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"] {
            let context = RequestContext(service.map { ["kms:ViaService": $0] } ?? [:])
            for action in ["kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt"] {
                #expect(!template.allows(exportRole, action, on: .key("DynamoDBMacieKMSKey"), context: context), "\(action) via \(service ?? "no service")")
            }
        }
    }

    @Test("it may read and write its own state parameter and no other")
    func stateParameter() {
        for action in ["ssm:GetParameter", "ssm:PutParameter"] {
            #expect(template.allows(exportRole, action, on: .resource("ExportStateParameter")), "\(action)")
            #expect(!template.allows(exportRole, action, on: .arn("arn:aws:ssm:us-east-1:123456789012:parameter/other")), "\(action)")
        }
        #expect(!template.allows(exportRole, "ssm:DeleteParameter", on: .resource("ExportStateParameter")))
        #expect(!template.allows(exportRole, "ssm:GetParameters", on: .arn("*")))
    }

    @Test("nothing else: every action it may take is one of the engine's, its logs' or its dead-letter queue's")
    func nothingElse() {
        let permissions = template.effectivePermissions(of: exportRole)
        let actions = Set((permissions.allowed + permissions.possiblyAllowed).map(\.action))
        #expect(actions == [
            "dynamodb:exporttabletopointintime", "dynamodb:describeexport",
            "s3:putobject", "s3:abortmultipartupload", "s3:putobjectacl",
            "ssm:getparameter", "ssm:putparameter",
            "logs:createlogstream", "logs:putlogevents",
            "sqs:sendmessage",
            // Only through S3 and SQS (keyOnlyThroughS3).
            "kms:decrypt", "kms:generatedatakey",
        ])
        #expect(!permissions.allowed.contains { $0.action.hasPrefix("kms:") })
    }

    @Test("the function is told the prefix, the state parameter and every table's ARN under its mode")
    func environment() throws {
        guard case .native(let export) = stack.exportEngine else { return }
        let variables = try #require(template.resource("ExportDynamoDBDataToS3")?.properties["Environment"]?.objectValue?["Variables"]?.objectValue)
        #expect(variables["export_prefix"] == .string(export.prefix))
        #expect(variables["export_state_parameter"] == .ref("ExportStateParameter"))
        #expect(variables["\(export.mode.rawValue)_table_arns"] == .join(",", stack.dataSets.map { .getAtt($0.logicalID, "Arn") }))
        #expect(variables.entries.map(\.key).sorted() == ["bucket_to_export_to", "export_prefix", "export_state_parameter", "\(export.mode.rawValue)_table_arns"].sorted())
        #expect(variables["dynamo_db_tables"] == nil)
    }

    @Test("a data set may take the other mode: each table is listed under its own")
    func modePerDataSet() throws {
        var stack = MacieDynamoDBStack.nativeExport
        stack.exportEngine = .native(NativeExport(mode: .incremental))
        stack.dataSets[0].nativeExportMode = .full
        let template = try Template(synthesizing: stack)
        let variables = try #require(template.resource("ExportDynamoDBDataToS3")?.properties["Environment"]?.objectValue?["Variables"]?.objectValue)
        #expect(variables["full_table_arns"] == .join(",", [.getAtt(stack.dataSets[0].logicalID, "Arn")]))
        #expect(variables["incremental_table_arns"] == .join(",", stack.dataSets.dropFirst().map { .getAtt($0.logicalID, "Arn") }))
        let exporter = try template.role(of: "ExportDynamoDBDataToS3")
        for table in stack.dataSets.map(\.tableName) {
            #expect(template.allows(exporter, "dynamodb:ExportTableToPointInTime", on: .table(table)))
        }
    }

    @Test("the Macie job scans the native export's data files under its prefix, not its manifests")
    func macieJobScope() throws {
        let synthesized = try synthesize(stack)
        let job = try #require(synthesized.artifacts.first { $0.name == "macie-job.json" })
        let terms = job.json.objectValue?["s3JobDefinition"]?.objectValue?["scoping"]?.objectValue?["includes"]?.objectValue?["and"]
        #expect(terms == [
            ["simpleScopeTerm": ["comparator": "STARTS_WITH", "key": "OBJECT_KEY", "values": [.string(prefix + "/")]]],
            ["simpleScopeTerm": ["comparator": "EQ", "key": "OBJECT_EXTENSION", "values": ["gz"]]],
        ])
    }
}

@Suite("MacieDynamoDBNativeExport: settings the stack refuses")
struct NativeExportSettingsTests {
    @Test("a prefix that would widen the grants or the job's scope stops synthesis, naming the stack and every problem",
          arguments: [("", 1), ("/exports/", 1), ("a//b", 1), ("exp*rts", 1), ("/exp?rts", 2)])
    func invalidPrefix(prefix: String, problems: Int) {
        var stack = MacieDynamoDBStack.nativeExport
        stack.exportEngine = .native(NativeExport(mode: .full, prefix: prefix))
        #expect(NativeExport(mode: .full, prefix: prefix).problems.count == problems)
        #expect {
            try synthesize(stack)
        } throws: { error in
            let text = "\(error)"
            return text.contains("MacieDynamoDBNativeExport") && text.contains("the export engine is not valid")
        }
    }

    @Test("a data set's native mode with the scan engine stops synthesis, naming the data set")
    func modeWithTheScanEngine() {
        var stack = MacieDynamoDBStack()
        stack.dataSets[1].nativeExportMode = .full
        #expect {
            try synthesize(stack)
        } throws: { error in
            "\(error)".contains("data set \(stack.dataSets[1].logicalID) sets nativeExportMode, but the stack exports with the scan engine")
        }
    }

    @Test("the default prefix is valid")
    func defaultPrefix() {
        #expect(NativeExport(mode: .incremental).problems.isEmpty)
    }
}
