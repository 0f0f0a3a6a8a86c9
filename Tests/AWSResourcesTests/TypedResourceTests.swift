import struct Foundation.URL
import AWSResources
import CloudFormation
import TemplateRendering
import Testing

/// A stack built by a closure, synthesized with every AWS check.
private struct ClosureStack: StackDefinition {
    var name = "Typed"
    var body: @Sendable (Stack) throws -> Void
    func build(_ stack: Stack) throws { try body(stack) }
}

private func synthesized(_ body: @escaping @Sendable (Stack) throws -> Void) throws -> Template {
    try synthesize(ClosureStack(body: body), checks: AWSChecks.all).template
}

/// Every diagnostic of a stack that must fail, as printed.
private func problems(_ body: @escaping @Sendable (Stack) throws -> Void) -> [String] {
    do {
        _ = try synthesize(ClosureStack(body: body), checks: AWSChecks.all)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

private let role: TemplateExpression<String> = "arn:aws:iam::123456789012:role/service"

@Suite("Typed resources from the schemas")
struct TypedResourceTests {
    @Test("typed properties, enums, nested types and attributes render as the template expects")
    func rendering() throws {
        let template = try synthesized { stack in
            let table = stack.add(DynamoDB.Table(
                "Table",
                attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
                billingMode: .payPerRequest,
                keySchema: [.init(attributeName: "id", keyType: .hash)],
                streamSpecification: .init(streamViewType: .newImage)))
            let function = stack.add(Lambda.Function(
                "Function", code: .init(zipFile: "x = 1\n"), environment: .init(variables: ["ZULU": "last", "ALPHA": table.ref]),
                handler: "index.handler", memorySize: 256, role: role, runtime: .python3_13, timeout: 30))
            stack.output("Stream", table.streamArn)
            stack.output("FunctionArn", function.arn)
        }
        let yaml = try TemplateRenderer.yaml(template)
        #expect(yaml.contains("""
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                  - AttributeName: id
                    AttributeType: S
                  BillingMode: PAY_PER_REQUEST
                  KeySchema:
                  - AttributeName: id
                    KeyType: HASH
                  StreamSpecification:
                    StreamViewType: NEW_IMAGE
            """))
        // Map keys are sorted, whatever order the dictionary literal had.
        #expect(yaml.contains("      Environment:\n        Variables:\n          ALPHA: !Ref Table\n          ZULU: last\n"))
        #expect(yaml.contains("Value: !GetAtt Table.StreamArn"))
        #expect(yaml.contains("Value: !GetAtt Function.Arn"))
    }

    @Test("typed parameters fit only properties of their type")
    func typedParameters() throws {
        let template = try synthesized { stack in
            let memory = stack.add(TypedParameter.integer("Memory", default: 256, minValue: 128, maxValue: 10_240))
            let subnets = stack.add(TypedParameter.awsList("Subnets", of: .subnetID))
            stack.add(Lambda.Function(
                "Function", code: .init(zipFile: "x = 1\n"), handler: "index.handler", memorySize: memory.ref,
                role: role, runtime: .python3_13, vpcConfig: .init(securityGroupIds: ["sg-12345678"], subnetIds: subnets.ref)))
        }
        let properties = try #require(template.resource("Function")?.properties)
        #expect(properties["MemorySize"] == .ref("Memory"))
        #expect(properties["VpcConfig"] == ["SecurityGroupIds": ["sg-12345678"], "SubnetIds": .ref("Subnets")])
        #expect(template.parameter("Memory")?.type == .number)
    }

    @Test("enum: a value outside the schema's list, through the escape case")
    func enumCheck() {
        #expect(problems { stack in
            stack.add(DynamoDB.Table(
                "Table", attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
                billingMode: .other("PAY_PER_REQEST"), keySchema: [.init(attributeName: "id", keyType: .hash)]))
        } == ["error: Typed: Resources.Table.Properties.BillingMode: 'PAY_PER_REQEST' is not one of PAY_PER_REQUEST, PROVISIONED"])
    }

    @Test("pattern, length and range")
    func patternLengthRange() {
        let found = problems { stack in
            let key = stack.add(KMS.Key("Key", enableKeyRotation: true))
            stack.add(KMS.Alias("Alias", aliasName: "DynamoDBMacieBlogKey", targetKeyId: key.ref))
            stack.add(Lambda.Function(
                "Function", code: .init(zipFile: "x = 1\n"), handler: "index.handler", role: role, runtime: .python3_13, timeout: 0))
            stack.add(IAM.Role("Role", assumeRolePolicyDocument: [:], roleName: .literal(String(repeating: "r", count: 65))))
            stack.add(SQS.Queue("Queue", delaySeconds: 901, messageRetentionPeriod: 60))
        }
        #expect(found == [
            "error: Typed: Resources.Alias.Properties.AliasName: 'DynamoDBMacieBlogKey' does not match the pattern ^(alias/)[a-zA-Z0-9:/_-]+$",
            "error: Typed: Resources.Function.Properties.Timeout: 0 is less than the minimum 1",
            "error: Typed: Resources.Role.Properties.RoleName: length 65 is more than the maximum 64",
            "error: Typed: Resources.Queue.Properties.DelaySeconds: 901 is more than the maximum 900",
        ])
    }

    @Test("required properties, and a required-one-of combination, on raw resources")
    func required() {
        let found = problems { stack in
            stack.add(Resource("Function", type: "AWS::Lambda::Function", properties: ["Code": ["ZipFile": "x"]]))
            stack.add(Resource("Policy", type: "AWS::IAM::Policy", properties: [
                "PolicyName": "p",
                "PolicyDocument": ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]],
            ]))
        }
        #expect(found.contains("error: Typed: Resources.Function.Properties: required property 'Role' is missing"))
        #expect(found.contains { $0.hasPrefix("error: Typed: Resources.Policy.Properties: matches none of the allowed shapes") && $0.contains("'Roles'") })
    }

    @Test("an unknown property on a raw resource, with the closest name")
    func unknownProperty() {
        #expect(problems { stack in
            stack.add(Resource("Queue", type: "AWS::SQS::Queue", properties: ["MessageRetentionPeriod": 60, "SqsManagedSseEnabld": true]))
        } == ["error: Typed: Resources.Queue.Properties.SqsManagedSseEnabld: 'SqsManagedSseEnabld' is not a property here; did you mean 'SqsManagedSseEnabled'?"])
    }

    @Test("IAM actions that do not exist")
    func iamActions() {
        let found = problems { stack in
            stack.add(IAM.ManagedPolicy("Policy", policyDocument: [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Action": ["dynamodb:Scna", "s3:GetObject"], "Resource": "arn:aws:s3:::bucket/*"]],
            ]))
        }
        #expect(found == ["error: Typed: Resources.Policy.Properties.PolicyDocument.Statement[0].Action[0]: IAM action 'dynamodb:Scna' does not exist; did you mean 'dynamodb:Scan'?"])
    }

    @Test("a Lambda runtime whose creation AWS has disabled")
    func runtime() {
        let found = problems { stack in
            stack.add(Lambda.Function("Function", code: .init(zipFile: "x = 1\n"), handler: "index.handler", role: role, runtime: .python3_7))
        }
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("error: Typed: Resources.Function.Properties.Runtime: runtime 'python3.7' can no longer be used to create functions"))
    }

    @Test("GetAtt of an attribute the type does not have, by name")
    func attributes() {
        #expect(problems { stack in
            let bucket = stack.add(S3.Bucket("Bucket"))
            stack.output("Stream", bucket.getAtt("StreamArn"))
            stack.output("Sub", .sub("${Bucket.Nope}"))
        } == [
            "error: Typed: Outputs.Stream.Value.Fn::GetAtt: AWS::S3::Bucket has no attribute 'StreamArn' for Fn::GetAtt Bucket.StreamArn; it has Arn, DomainName, DualStackDomainName, MetadataConfiguration.AnnotationTableConfiguration.TableArn, MetadataConfiguration.AnnotationTableConfiguration.TableName, MetadataConfiguration.Destination, MetadataConfiguration.InventoryTableConfiguration.TableArn, MetadataConfiguration.InventoryTableConfiguration.TableName, MetadataConfiguration.JournalTableConfiguration.TableArn, MetadataConfiguration.JournalTableConfiguration.TableName, MetadataTableConfiguration.S3TablesDestination.TableArn, MetadataTableConfiguration.S3TablesDestination.TableNamespace, RegionalDomainName, WebsiteURL",
            "error: Typed: Outputs.Sub.Value.Fn::Sub: AWS::S3::Bucket has no attribute 'Nope' for Fn::GetAtt Bucket.Nope; it has Arn, DomainName, DualStackDomainName, MetadataConfiguration.AnnotationTableConfiguration.TableArn, MetadataConfiguration.AnnotationTableConfiguration.TableName, MetadataConfiguration.Destination, MetadataConfiguration.InventoryTableConfiguration.TableArn, MetadataConfiguration.InventoryTableConfiguration.TableName, MetadataConfiguration.JournalTableConfiguration.TableArn, MetadataConfiguration.JournalTableConfiguration.TableName, MetadataTableConfiguration.S3TablesDestination.TableArn, MetadataTableConfiguration.S3TablesDestination.TableNamespace, RegionalDomainName, WebsiteURL",
        ])
    }

    @Test("the escape hatch: overrides appear in the output, in place, and are checked like typed properties")
    func overrides() throws {
        let template = try synthesized { stack in
            var bucket = S3.Bucket("Bucket", versioningConfiguration: .init(status: .enabled))
            bucket.addPropertyOverride("VersioningConfiguration.Status", "Suspended")
            bucket.addPropertyOverride("NewFeature.Enabled", true)
            bucket.removeProperty("NewFeature")
            bucket.addPropertyOverride("ObjectLockEnabled", true)
            stack.add(bucket)
        }
        #expect(template.resource("Bucket")?.properties == [
            "VersioningConfiguration": ["Status": "Suspended"],
            "ObjectLockEnabled": true,
        ])
        #expect(problems { stack in
            var bucket = S3.Bucket("Bucket")
            bucket.addPropertyOverride("VersioningConfiguration.Status", "Sometimes")
            stack.add(bucket)
        } == ["error: Typed: Resources.Bucket.Properties.VersioningConfiguration.Status: 'Sometimes' is not one of Enabled, Suspended"])
    }

    @Test("schedule expressions and Macie identifier limits", arguments: [
        ("rate(1 hours)", "'rate(1 hours)': with a count of 1 the unit is singular (minute, hour or day)"),
        ("rate(2 hour)", "'rate(2 hour)': with a count of 2 the unit is plural (minutes, hours or days)"),
        ("rate(0 minutes)", "'rate(0 minutes)': the rate must be at least 1"),
        ("cron(0 25 * * ? *)", "'cron(0 25 * * ? *)': 25 is out of range for hours (0-23)"),
        ("cron(0 12 * * * *)", "'cron(0 12 * * * *)': exactly one of day-of-month and day-of-week must be '?'"),
    ])
    func schedules(expression: String, message: String) {
        #expect(problems { stack in
            stack.add(Events.Rule("Rule", scheduleExpression: .literal(expression)))
        } == ["error: Typed: Resources.Rule.Properties.ScheduleExpression: \(message)"])
    }

    @Test("a Macie custom data identifier: the regex must compile, and Macie's limits hold")
    func customDataIdentifier() {
        #expect(problems { stack in
            stack.add(Macie.CustomDataIdentifier(
                "Identifier", ignoreWords: ["abc"], keywords: ["ok-keyword", "no"], maximumMatchDistance: 301,
                name: "account_number", regex: "XYZ-(\\d{11}"))
        }.map { String($0.dropFirst("error: Typed: Resources.Identifier.Properties.".count)) } == [
            "Regex: the regex does not compile: 'XYZ-(\\d{11}' is not a valid regular expression",
            "Keywords[1]: 'no' has 2 characters; Macie allows 3 to 90",
            "IgnoreWords[0]: 'abc' has 3 characters; Macie allows 4 to 90",
            "MaximumMatchDistance: 301 is outside Macie's 1 to 300",
        ])
    }

    @Test("every problem of every check is reported in one synthesis")
    func allAtOnce() {
        let found = problems { stack in
            stack.add(Lambda.Function("Function", code: .init(zipFile: "x\n"), handler: "h", memorySize: 1, role: role, runtime: .python3_7))
            stack.add(IAM.ManagedPolicy("Policy", policyDocument: ["Statement": [["Effect": "Allow", "Action": "s3:Frob", "Resource": "*"]]]))
            stack.output("Bad", .getAtt("Function", "Nope"))
        }
        #expect(found.count == 4)
    }

    @Test("each generated type records its create-only properties and attributes")
    func metadata() {
        #expect(DynamoDB.Table.createOnlyProperties.contains("TableName"))
        #expect(S3.Bucket.createOnlyProperties == ["BucketName", "BucketNamePrefix", "BucketNamespace"])
        #expect(KMS.Key.attributeNames == ["Arn", "KeyId"])
        // One per type the manifest lists.
        let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/AWSResources/resource-types.manifest")
        let listed = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").filter { $0.hasPrefix("AWS::") }
        #expect(Set(GeneratedResourceTypes.all.map { $0.typeName }) == Set(listed?.map { String($0.split(separator: " ")[0]) } ?? []))
    }
}

/// The typed example in README.md, kept here so it cannot drift from code that compiles.
@Test("the README's typed-resource example synthesizes with every check")
func readmeTypedExample() throws {
    let source: TemplateExpression<String> = "def handler(event, context):\n    return event\n"
    let template = try synthesized { stack in
        let role = stack.add(IAM.Role("Role", assumeRolePolicyDocument: [
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ]))
        let key = stack.add(KMS.Key("Key", enableKeyRotation: true))
        let table = stack.add(DynamoDB.Table(
            "PeopleTable",
            attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
            billingMode: .payPerRequest,
            keySchema: [.init(attributeName: "id", keyType: .hash)],
            sseSpecification: .init(kmsMasterKeyId: .to(key), sseEnabled: true, sseType: .kms),
            tableName: "people-macie"))
        let memory = stack.add(TypedParameter.integer("Memory", default: 256))
        stack.add(Lambda.Function(
            "Export", code: .init(zipFile: source), environment: .init(variables: ["TABLE": table.ref]),
            handler: "index.handler", memorySize: memory.ref, role: role.arn, runtime: .python3_13, timeout: 120))
        stack.output("StreamArn", table.streamArn)
        var bucket = S3.Bucket("Bucket")
        bucket.addPropertyOverride("NewFeatureConfiguration.Enabled", true)
        bucket.removeProperty("NewFeatureConfiguration")
        stack.add(bucket)
    }
    #expect(template.resource("PeopleTable")?.properties["SSESpecification"] == [
        "KMSMasterKeyId": .getAtt("Key", "Arn"), "SSEEnabled": true, "SSEType": "KMS",
    ])
}
