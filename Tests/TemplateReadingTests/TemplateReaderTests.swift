import CloudFormation
import Foundation
import TemplateReading
import TemplateRendering
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Reading templates")
struct TemplateReaderTests {
    static let generated: [String] = {
        let folder = root.appendingPathComponent("generated")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("read, write, read: every generated template comes back byte for byte, in YAML, long form and JSON", arguments: generated)
    func roundTrip(name: String) throws {
        let text = try String(contentsOf: root.appendingPathComponent("generated/\(name)"), encoding: .utf8)
        let template = try TemplateReader.read(text, file: name)
        #expect(try TemplateRenderer.yaml(template) == text)
        let long = try TemplateRenderer.yaml(template, form: .long)
        #expect(try TemplateReader.read(long, file: name) == template)
        let json = try TemplateRenderer.json(template)
        #expect(try TemplateReader.read(json, file: name) == template)
    }

    @Test("short and long forms, quoting and JSON all read to the same model")
    func forms() throws {
        let short = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub '${AWS::StackName}-q'
                  DelaySeconds: !If [IsProd, 0, 5]
                  Tags:
                  - Key: arn
                    Value: !GetAtt [Other, Arn]
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Other.Arn
                    maxReceiveCount: "5"
            """
        let long = """
            {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {
              "QueueName": {"Fn::Sub": "${AWS::StackName}-q"},
              "DelaySeconds": {"Fn::If": ["IsProd", 0, 5]},
              "Tags": [{"Key": "arn", "Value": {"Fn::GetAtt": ["Other", "Arn"]}}],
              "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": "Other.Arn"}, "maxReceiveCount": "5"}}}}}
            """
        let a = try TemplateReader.read(short, file: "short.yaml")
        let b = try TemplateReader.read(long, file: "long.json")
        #expect(a == b)
        #expect(a.resource("Queue")?.properties["DelaySeconds"] == .if("IsProd", 0, else: 5))
        #expect(a.resource("Queue")?.properties["RedrivePolicy"] == ["deadLetterTargetArn": .getAtt("Other", "Arn"), "maxReceiveCount": "5"])
    }

    @Test("the idioms of hand-written templates such as the walkthrough's sample: JSON flow style with trailing commas, tags inside it, True, long-form Ref, DependsOn lists")
    func handWrittenIdioms() throws {
        let text = """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  Enabled: True
                  KeyPolicy:
                    {
                      "Version": "2012-10-17",
                      "Statement":
                        [
                          {
                            "Effect": "Allow",
                            "Principal": { "AWS": !Sub "arn:aws:iam::${AWS::AccountId}:root" },
                            "Action": "kms:*",
                            "Resource": "*",
                          },
                        ],
                    }
              Fn:
                DependsOn:
                  - Key
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName:
                    Ref: Key
            """
        let template = try TemplateReader.read(text, file: "hand.yaml")
        #expect(template.resource("Key")?.properties["Enabled"] == true)
        #expect(template.resource("Key")?.properties["KeyPolicy"] == [
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["AWS": .sub("arn:aws:iam::${AWS::AccountId}:root")], "Action": "kms:*", "Resource": "*"]],
        ])
        #expect(template.resource("Fn")?.dependsOn == ["Key"])
        #expect(template.resource("Fn")?.properties["FunctionName"] == .ref("Key"))
    }

    /// The walkthrough's sample stack, reconstructed in this repository from
    /// the published facts about it (see the file's header).
    static let walkthroughSample = "Tests/Fixtures/walkthrough-sample.yaml"

    static func readWalkthroughSample() throws -> (text: String, template: Template) {
        let text = try String(contentsOf: root.appendingPathComponent(walkthroughSample), encoding: .utf8)
        return (text, try TemplateReader.read(text, file: "walkthrough-sample.yaml"))
    }

    @Test("the walkthrough's sample stack reads: its resources and 13 outputs, short-form tags as the model's intrinsics")
    func walkthroughSample() throws {
        let template = try Self.readWalkthroughSample().template
        #expect(template.formatVersion == "2010-09-09")
        #expect(template.description?.hasPrefix("Macie and DynamoDB walkthrough") == true)
        // blog-stack.md's heading counts 17 resources, but its table names 15; the fixture has those 15.
        #expect(template.resources.map(\.logicalID) == [
            "DynamoDBMacieKMSKey", "DynamoDBMacieKeyAlias", "CustomIdentifier", "ImportS3Bucket", "ExportS3BucketMacie",
            "PeopleTable", "AccountsInfoTable", "ImportLambdaRole", "ExportLambdaRole", "ImportDynamoDBLambdaPolicy",
            "ExportDynamoDBLambdaPolicy", "ImportDataToDynamoDB", "ExportDynamoDBDataToS3", "ExportDynamoDBDataRule",
            "PermissionForEventsToInvokeDynamoExport",
        ])
        #expect(template.resources.filter { $0.type == "AWS::IAM::Policy" }.count == 2)
        #expect(template.outputs.map(\.logicalID) == [
            "ImportS3BucketName", "ImportS3BucketURL", "ExportS3BucketName", "ExportS3BucketURL",
            "AccountsDynamoDBTableName", "AccountsDynamoDBTableURL", "PeopleDynamoDBTableName", "PeopleDynamoDBTableURL",
            "LambdaExportDynamoDBDataToS3", "LambdaExportDynamoDBDataToS3URL", "LambdaImportS3DataToDynamoDB",
            "LambdaImportS3DataToDynamoURL", "EventBridgeRule",
        ])

        // An import bucket with no settings at all.
        let importBucket = try #require(template.resource("ImportS3Bucket"))
        #expect(importBucket.properties.isEmpty && importBucket.dependsOn.isEmpty)
        // DependsOn as one name and as a list.
        #expect(template.resource("DynamoDBMacieKeyAlias")?.dependsOn == ["DynamoDBMacieKMSKey"])
        #expect(template.resource("ExportDynamoDBLambdaPolicy")?.dependsOn == ["ExportLambdaRole", "ExportS3BucketMacie", "DynamoDBMacieKMSKey"])

        let export = try #require(template.resource("ExportDynamoDBDataToS3"))
        #expect(export.properties["Role"] == .getAtt("ExportLambdaRole", "Arn"))
        #expect(export.properties["Runtime"] == "python3.7")
        #expect(export.properties["Timeout"] == 120)
        #expect(export.properties["Environment"] == ["Variables": [
            "bucket_to_export_to": .ref("ExportS3BucketMacie"),
            "dynamo_db_tables": .join(",", [.ref("PeopleTable"), .ref("AccountsInfoTable")]),
        ]])
        guard case .object(let code)? = export.properties["Code"], case .string(let source)? = code["ZipFile"] else {
            Issue.record("Code.ZipFile is not a string: \(String(describing: export.properties["Code"]))")
            return
        }
        #expect(source.hasPrefix("import datetime, os\n") && source.hasSuffix("print(error)\n"), "a literal block keeps its lines and one final newline")

        // !Sub with a variable map.
        let imports = try #require(template.resource("ImportDataToDynamoDB"))
        guard case .object(let environment)? = imports.properties["Environment"], case .object(let variables)? = environment["Variables"] else {
            Issue.record("the import function has no Environment.Variables")
            return
        }
        #expect(variables["data_import_export_location"] == .sub(
            #"[{"csv_name": "people.csv", "table_name": "${People}"}, {"csv_name": "accounts.csv", "table_name": "${Accounts}"}]"#,
            ["People": .ref("PeopleTable"), "Accounts": .ref("AccountsInfoTable")]))

        // !Sub with pseudo parameters and a hard-coded partition; !GetAtt X.Arn in a policy.
        let policy = try #require(template.resource("ExportDynamoDBLambdaPolicy"))
        guard case .object(let document)? = policy.properties["PolicyDocument"], case .list(let statements)? = document["Statement"] else {
            Issue.record("the export policy has no statements")
            return
        }
        #expect(statements.count == 5)
        #expect(statements.first == [
            "Effect": "Allow",
            "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ListKeys", "kms:ListAliases"],
            "Resource": .getAtt("DynamoDBMacieKMSKey", "Arn"),
        ])
        #expect(statements[3] == ["Effect": "Allow", "Action": ["dynamodb:Scan"], "Resource": .sub("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*")])
        #expect(statements[4] == ["Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": "*"])
        #expect(policy.properties["Roles"] == [.ref("ExportLambdaRole")])

        // A console URL built with !Sub.
        #expect(template.outputs.first { $0.logicalID == "EventBridgeRule" }?.value
            == .sub("https://${AWS::Region}.console.aws.amazon.com/events/home?region=${AWS::Region}#/eventbus/default/rules/${ExportDynamoDBDataRule}"))
    }

    @Test("the walkthrough's sample stack: read, write canonically, read is the same template, in YAML, long form and JSON")
    func walkthroughSampleRoundTrip() throws {
        let (text, template) = try Self.readWalkthroughSample()
        let canonical = try TemplateRenderer.yaml(template)
        #expect(canonical != text, "the hand-written file is not already in canonical form")
        #expect(try TemplateReader.read(canonical, file: "canonical.yaml") == template)
        #expect(try TemplateRenderer.yaml(TemplateReader.read(canonical, file: "canonical.yaml")) == canonical)
        #expect(try TemplateReader.read(TemplateRenderer.yaml(template, form: .long), file: "long.yaml") == template)
        #expect(try TemplateReader.read(TemplateRenderer.json(template), file: "sample.json") == template)
    }

    @Test("malformed input: each problem with its file, line and column", arguments: [
        ("Resources: [\n", "bad.yaml:2:1: error: "),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Reff B\n", "bad.yaml:5:10: error: unknown tag !Reff"),
        ("Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n", "bad.yaml:4:3: error: duplicate key 'A'"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Ref [B, C]\n", "bad.yaml:5:10: error: Ref takes a string"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !If [C, 1]\n", "bad.yaml:5:10: error: If takes a list of 3 items"),
        ("Resources:\n  A:\n    Properties: {}\n", "bad.yaml:3:5: error: resource 'A' needs a Type"),
        ("Resourcez:\n  A:\n    Type: X\n", "bad.yaml:1:1: error: unknown section 'Resourcez'"),
        ("Resources:\n  A:\n    Type: X\n    Propertys: {}\n", "bad.yaml:3:5: error: unknown attribute 'Propertys' of resource 'A'"),
        ("Parameters:\n  P:\n    Type: String\n    Defualt: x\n", "bad.yaml:3:5: error: unknown attribute 'Defualt' of parameter 'P'"),
        ("Outputs:\n  O:\n    Value: x\n    Export: {Nme: y}\n", "bad.yaml:3:5: error: unknown attribute 'Nme' of the Export of output 'O'"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Join [{a: 1}, [x]]\n", "bad.yaml:5:17: error: Join's delimiter must be a string"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: .inf\n", "bad.yaml:5:10: error: .inf is an infinite or undefined number"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: *x\n", "bad.yaml:5:10: error: alias *x: CloudFormation does not accept YAML aliases"),
    ])
    func malformed(text: String, expected: String) {
        do {
            _ = try TemplateReader.read(text, file: "bad.yaml")
            Issue.record("read without error: \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }

    @Test("every problem of a file is reported at once")
    func allProblems() {
        let text = "Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Nope x\n      Q: !Ref [1]\n  A:\n    Type: Y\n"
        do {
            _ = try TemplateReader.read(text, file: "t.yaml")
        } catch {
            #expect(error.problems.map(\.message) == ["unknown tag !Nope", "Ref takes a string", "duplicate key 'A'"])
        }
    }

    @Test("what CloudFormation's tools read: y and N are strings, yes is true, 017 is octal, an empty GetAZs is the Region's")
    func scalarMeaning() throws {
        let template = try TemplateReader.read(
            "Resources:\n  A:\n    Type: X\n    Properties: {Y: y, N: N, Yes: yes, Octal: 017, Zones: !GetAZs , Long: {Fn::GetAZs: }}\n", file: "t.yaml")
        let properties = try #require(template.resource("A")?.properties)
        #expect(properties["Y"] == "y")
        #expect(properties["N"] == "N")
        #expect(properties["Yes"] == true)
        #expect(properties["Octal"] == 15)
        #expect(properties["Zones"] == .getAZs(""))
        #expect(properties["Long"] == .getAZs(""))
    }

    @Test("functions the model does not type are kept as the one-entry mapping they are written as", arguments: [
        "!GetAtt [A, !Ref Attribute]", "!FindInMap [M, a, b, {DefaultValue: c}]", "{Fn::Transform: [{Name: M}]}",
        "!Contains [[a], b]", "{Ref: {Fn::Sub: x}}", "!Sub {Fn::Transform: {Name: M}}",
    ])
    func untypedFunctions(written: String) throws {
        let template = try TemplateReader.read("Resources:\n  A:\n    Type: X\n    Properties: {P: \(written)}\n", file: "t.yaml")
        guard case .object(let object)? = template.resource("A")?.properties["P"] else {
            Issue.record("not kept as a mapping: \(String(describing: template.resource("A")?.properties["P"]))")
            return
        }
        #expect(object.entries.count == 1)
        #expect(object.keys[0] == "Ref" || object.keys[0].hasPrefix("Fn::"))
        let again = try TemplateReader.read(TemplateRenderer.yaml(template), file: "again.yaml")
        #expect(again == template)
    }
}
