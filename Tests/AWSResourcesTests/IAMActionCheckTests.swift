@testable import AWSResources
import CloudFormation
import Testing

@Suite("IAM action names")
struct IAMActionCheckTests {
    private func diagnostics(_ resources: Resource...) -> [String] {
        IAMActionCheck().diagnostics(for: Template(resources: resources), stack: "Demo").map(\.description)
    }

    private func role(_ statements: [Value]) -> Resource {
        Resource("ExportRole", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"],
                               "Action": "sts:AssumeRole"]],
            ],
            "Policies": [["PolicyName": "Export", "PolicyDocument": ["Version": "2012-10-17", "Statement": .list(statements)]]],
        ])
    }

    @Test("a misspelt action, an unmatched pattern, an unknown service and a missing prefix are errors at the action's path; intrinsics are skipped")
    func everyKindOfWrongAction() {
        let found = diagnostics(role([
            ["Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Scna"], "Resource": "*"],
            ["Effect": "Allow",
             "Action": ["s3:Get*", "s3:Frobnicate*", "nosuchservice:Get", "GetItem", .sub("${Service}:GetObject")],
             "Resource": "*"],
        ]))
        let statements = "Resources.ExportRole.Properties.Policies[0].PolicyDocument.Statement"
        #expect(found == [
            "error: Demo: \(statements)[0].Action[1]: IAM action 'dynamodb:Scna' does not exist; did you mean 'dynamodb:Scan'?",
            "error: Demo: \(statements)[1].Action[1]: IAM action pattern 's3:Frobnicate*' matches no s3 action",
            "error: Demo: \(statements)[1].Action[2]: IAM action 'nosuchservice:Get' has the unknown service prefix 'nosuchservice'",
            "error: Demo: \(statements)[1].Action[3]: IAM action 'GetItem' has no service prefix; did you mean 'dax:GetItem' or 'dynamodb:GetItem'?",
        ])
    }

    @Test("real actions and patterns pass whatever their case, as in IAM")
    func realActionsPass() {
        let found = diagnostics(role([
            ["Effect": "Allow",
             "Action": ["DynamoDB:getitem", "S3:GETOBJECT", "s3:*Object", "s3:Get?bject", "dynamodb:*", "*"],
             "Resource": "*"],
        ]))
        #expect(found == [])
    }

    @Test("a single statement object and a single action string: the path ends at Action itself")
    func singleStatementAndAction() {
        let bucketPolicy = Resource("BucketPolicy", type: "AWS::S3::BucketPolicy", properties: [
            "Bucket": .ref("Bucket"),
            "PolicyDocument": ["Statement": ["Effect": "Deny", "Principal": "*", "Action": "s3:PutObjekt", "Resource": "*"]],
        ])
        #expect(diagnostics(bucketPolicy) == [
            "error: Demo: Resources.BucketPolicy.Properties.PolicyDocument.Statement.Action: IAM action 's3:PutObjekt' does not exist; did you mean 's3:PutObject'?",
        ])
    }

    @Test("NotAction, trust policies and the resource policies of keys and queues are checked like Action")
    func otherPolicyShapes() {
        let key = Resource("Key", type: "AWS::KMS::Key", properties: [
            "KeyPolicy": ["Statement": [["Effect": "Allow", "Principal": ["AWS": "*"], "NotAction": ["kms:Decrpyt"], "Resource": "*"]]],
        ])
        let queuePolicy = Resource("QueuePolicy", type: "AWS::SQS::QueuePolicy", properties: [
            "Queues": [.ref("Queue")],
            "PolicyDocument": ["Statement": [["Effect": "Allow", "Principal": "*", "Action": "sqs:SendMesage", "Resource": "*"]]],
        ])
        let trust = Resource("Role", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": ["Statement": [["Effect": "Allow", "Action": ["sts:AssumeRoel"]]]],
        ])
        #expect(diagnostics(key, queuePolicy, trust) == [
            "error: Demo: Resources.Key.Properties.KeyPolicy.Statement[0].NotAction[0]: IAM action 'kms:Decrpyt' does not exist; did you mean 'kms:Decrypt'?",
            "error: Demo: Resources.QueuePolicy.Properties.PolicyDocument.Statement[0].Action: IAM action 'sqs:SendMesage' does not exist; did you mean 'sqs:SendMessage'?",
            "error: Demo: Resources.Role.Properties.AssumeRolePolicyDocument.Statement[0].Action[0]: IAM action 'sts:AssumeRoel' does not exist; did you mean 'sts:AssumeRole'?",
        ])
    }

    @Test("both branches of an Fn::If are checked, at Fn::If[1] and Fn::If[2]; AWS::NoValue is skipped")
    func conditionalPoliciesAndActions() {
        let policy = Resource("Policy", type: "AWS::IAM::ManagedPolicy", properties: [
            "PolicyDocument": ["Statement": [
                .if("IsProduction",
                    ["Effect": "Allow", "Action": .if("Wide", "s3:*", else: "s3:GetObjcet"), "Resource": "*"],
                    else: .ref("AWS::NoValue")),
                .if("IsProduction", .ref("AWS::NoValue"),
                    else: ["Effect": "Allow", "Action": "logs:PutLogEvent", "Resource": "*"]),
            ]],
        ])
        let statements = "Resources.Policy.Properties.PolicyDocument.Statement"
        #expect(diagnostics(policy) == [
            "error: Demo: \(statements)[0].Fn::If[1].Action.Fn::If[2]: IAM action 's3:GetObjcet' does not exist; did you mean 's3:GetObject'?",
            "error: Demo: \(statements)[1].Fn::If[2].Action: IAM action 'logs:PutLogEvent' does not exist; did you mean 'logs:PutLogEvents'?",
        ])
    }

    @Test("a misspelt service prefix is suggested; service wildcards, empty actions and lone names are reported")
    func prefixProblems() {
        let found = diagnostics(role([
            ["Effect": "Allow", "Action": ["dynamdb:GetItem", "nosuch*:Get*", "s3:", "Frobnicate"], "Resource": "*"],
        ]))
        let statement = "Resources.ExportRole.Properties.Policies[0].PolicyDocument.Statement[0]"
        #expect(found == [
            "error: Demo: \(statement).Action[0]: IAM action 'dynamdb:GetItem' has the unknown service prefix 'dynamdb'; did you mean 'dynamodb:GetItem'?",
            "error: Demo: \(statement).Action[1]: IAM action pattern 'nosuch*:Get*' matches no IAM action",
            "error: Demo: \(statement).Action[2]: IAM action 's3:' names no action after the service prefix",
            "error: Demo: \(statement).Action[3]: IAM action 'Frobnicate' has no service prefix; write it as 'service:Frobnicate'",
        ])
    }

    @Test("objects whose Statement is not an IAM policy, such as a WAF rule's, are left alone")
    func otherStatementShapes() {
        let webACL = Resource("WebACL", type: "AWS::WAFv2::WebACL", properties: [
            "Rules": [["Name": "Block", "Priority": 0, "Action": ["Block": [:]],
                       "Statement": ["ByteMatchStatement": ["SearchString": "admin"]]]],
        ])
        #expect(diagnostics(webACL) == [])
    }

    @Test("diagnostics carry the check's stack, severity and structured path")
    func diagnosticFields() throws {
        let template = Template(resources: [role([["Effect": "Allow", "Action": "dynamodb:Scna", "Resource": "*"]])])
        let found = try #require(IAMActionCheck().diagnostics(for: template, stack: "Export").first)
        #expect(found.severity == .error)
        #expect(found.stack == "Export")
        #expect(found.path == TemplatePath([
            .key("Resources"), .key("ExportRole"), .key("Properties"), .key("Policies"), .index(0),
            .key("PolicyDocument"), .key("Statement"), .index(0), .key("Action"),
        ]))
    }
}

@Suite("The IAM action catalog")
struct IAMActionCatalogTests {
    @Test("exists is exact and case-insensitive; a pattern is not an action")
    func exists() {
        #expect(IAMActionCatalog.exists("dynamodb:Scan"))
        #expect(IAMActionCatalog.exists("DYNAMODB:scan"))
        #expect(!IAMActionCatalog.exists("dynamodb:Scna"))
        #expect(!IAMActionCatalog.exists("dynamodb:*"))
        #expect(!IAMActionCatalog.exists("Scan"))
    }

    @Test("matching expands * and ? into sorted service:action names")
    func matching() {
        #expect(IAMActionCatalog.matching("sqs:*MessageMoveTask*")
            == ["sqs:cancelmessagemovetask", "sqs:listmessagemovetasks", "sqs:startmessagemovetask"])
        #expect(IAMActionCatalog.matching("SQS:SendMessage*") == ["sqs:sendmessage"])
        #expect(IAMActionCatalog.matching("sts:AssumeRoleWith?AML") == ["sts:assumerolewithsaml"])
        #expect(IAMActionCatalog.matching("s3:Frobnicate*") == [])
        #expect(IAMActionCatalog.matching("dynamo?b:Scan") == ["dynamodb:scan"])
        #expect(IAMActionCatalog.matching("nosuchservice:Get*") == [])
        let everything = IAMActionCatalog.matching("*")
        #expect(everything.count > 10_000)
        #expect(everything == everything.sorted())
        #expect(everything.contains("dynamodb:scan"))
    }

    @Test("actions without resource-level permissions are known, so Resource: * can be required later")
    func resourceLevelPermissions() {
        #expect(IAMActionCatalog.hasResourceLevelPermissions("s3:GetObject") == true)
        #expect(IAMActionCatalog.hasResourceLevelPermissions("s3:ListAllMyBuckets") == false)
        #expect(IAMActionCatalog.hasResourceLevelPermissions("dynamodb:ListTables") == false)
        #expect(IAMActionCatalog.hasResourceLevelPermissions("dynamodb:Scna") == nil)
    }

    @Test("reading one action off its service's line agrees with the parsed service")
    func directLookupAgreesWithParsedServices() {
        // Every action of the services the stacks use; the first, a middle
        // and the last action of every other service (the words at either
        // end of a line are where a scan goes wrong).
        let everyAction: Set<String> = ["dynamodb", "kms", "lambda", "logs", "s3", "sns", "sqs"]
        var disagreements: [String] = []
        for prefix in IAMActionCatalog.servicePrefixes {
            let service = IAMActionCatalog.catalog.service(prefix)!
            let actions = everyAction.contains(prefix)
                ? service.actions
                : [service.actions.first!, service.actions[service.actions.count / 2], service.actions.last!]
            for action in actions {
                let read = IAMActionCatalog.hasResourceLevelPermissions("\(prefix):\(action)")
                if read != service.resourceLevelPermissions[action] { disagreements.append("\(prefix):\(action)") }
                // A word is matched whole: neither a shorter nor a longer name is that action.
                if IAMActionCatalog.hasResourceLevelPermissions("\(prefix):\(action.dropLast())") != service.resourceLevelPermissions[String(action.dropLast())] {
                    disagreements.append("\(prefix):\(action.dropLast())")
                }
                if IAMActionCatalog.hasResourceLevelPermissions("\(prefix):\(action)x") != service.resourceLevelPermissions[action + "x"] {
                    disagreements.append("\(prefix):\(action)x")
                }
            }
        }
        #expect(Array(disagreements.prefix(5)) == [], "\(disagreements.count) disagreements")
        let prefixes = IAMActionCatalog.servicePrefixes
        #expect(IAMActionCatalog.isServicePrefix(prefixes.first!) && IAMActionCatalog.isServicePrefix(prefixes.last!))
        #expect(!IAMActionCatalog.isServicePrefix("") && !IAMActionCatalog.isServicePrefix("0") && !IAMActionCatalog.isServicePrefix("zzzz"))
        #expect(IAMActionCatalog.hasResourceLevelPermissions("zzzz:GetObject") == nil)
    }

    @Test("suggestions keep the capitals that were typed and fix the prefix too")
    func suggestions() {
        #expect(IAMActionCatalog.suggestion(for: "dynamodb:Scna") == "dynamodb:Scan")
        #expect(IAMActionCatalog.suggestion(for: "ec2:DescribeInstnaces") == "ec2:DescribeInstances")
        #expect(IAMActionCatalog.suggestion(for: "s3:GetObjectAl") == "s3:GetObjectAcl")
        #expect(IAMActionCatalog.suggestion(for: "LAMBDA:INVOKEFUNCTON") == "LAMBDA:INVOKEFUNCTION")
        #expect(IAMActionCatalog.suggestion(for: "dynamdb:Scan") == "dynamodb:Scan")
        #expect(IAMActionCatalog.suggestion(for: "dynamodb:Scan") == nil)
        #expect(IAMActionCatalog.suggestion(for: "s3:Frobnicate") == nil)
        #expect(IAMActionCatalog.suggestion(for: "s3:Get*") == nil)
    }

    @Test("service prefixes are sorted and looked up case-insensitively")
    func servicePrefixes() {
        let prefixes = IAMActionCatalog.servicePrefixes
        #expect(prefixes == prefixes.sorted())
        #expect(prefixes.contains("dynamodb"))
        #expect(IAMActionCatalog.isServicePrefix("DynamoDB"))
        #expect(!IAMActionCatalog.isServicePrefix("nosuchservice"))
        #expect(IAMActionCatalog.servicePrefixes(havingAction: "InvokeFunction") == ["lambda"])
    }
}
