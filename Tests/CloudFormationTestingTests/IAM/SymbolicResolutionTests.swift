import CloudFormation
import CloudFormationTesting
import Testing

/// `Ref`, `Fn::GetAtt` and the string functions worked out to the names and
/// ARNs policies are compared with, in the context
/// (aws, us-east-1, 123456789012, stack "Macie").
@Suite("Symbolic resolution of template values")
struct SymbolicResolutionTests {
    static let context = EvaluationContext(stackName: "Macie")

    static let template = Template(
        parameters: [Parameter("Environment", default: "dev"), Parameter("Owner")],
        mappings: [Mapping("Sizes", ["dev": ["Memory": 128]])],
        resources: [
            Resource("Data", type: "AWS::S3::Bucket"),
            Resource("People", type: "AWS::DynamoDB::Table", properties: ["TableName": "people-macie"]),
            Resource("Named", type: "AWS::DynamoDB::Table", properties: ["TableName": .sub("${AWS::StackName}-${Environment}")]),
            Resource("ExportRole", type: "AWS::IAM::Role", properties: ["Path": "/service/", "AssumeRolePolicyDocument": [:]]),
            Resource("Boundary", type: "AWS::IAM::ManagedPolicy", properties: ["PolicyDocument": [:]]),
            Resource("Key", type: "AWS::KMS::Key"),
            Resource("KeyAlias", type: "AWS::KMS::Alias", properties: ["AliasName": "alias/people", "TargetKeyId": .ref("Key")]),
            Resource("Export", type: "AWS::Lambda::Function", properties: ["FunctionName": "export-people"]),
            Resource("Alerts", type: "AWS::SNS::Topic"),
            Resource("Work", type: "AWS::SQS::Queue", properties: ["QueueName": "work"]),
            Resource("Ordered", type: "AWS::SQS::Queue", properties: ["FifoQueue": true]),
            Resource("Logs", type: "AWS::Logs::LogGroup", properties: ["LogGroupName": "/aws/lambda/export-people"]),
            Resource("Nightly", type: "AWS::Events::Rule", properties: ["Name": "nightly"]),
            Resource("OnBus", type: "AWS::Events::Rule", properties: ["Name": "on-bus", "EventBusName": "orders"]),
            Resource("Identifier", type: "AWS::Macie::CustomDataIdentifier", properties: ["Name": "ids", "Regex": "[0-9]+"]),
            Resource("Session", type: "AWS::Macie::Session"),
        ])

    let iam = PolicyEvaluator(template, context: context)

    func resolved(_ value: Value) -> SymbolicValue { iam.resolve(value) }

    @Test("Ref and Fn::GetAtt of each modelled type give CloudFormation's formats")
    func refsAndArns() {
        let expectations: [(Value, SymbolicValue)] = [
            (.ref("Data"), "macie-data"),
            (.getAtt("Data", "Arn"), "arn:aws:s3:::macie-data"),
            (.getAtt("Data", "RegionalDomainName"), "macie-data.s3.us-east-1.amazonaws.com"),
            (.ref("People"), "people-macie"),
            (.getAtt("People", "Arn"), "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie"),
            (.getAtt("People", "StreamArn"),
             "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie/stream/1970-01-01T00:00:00.000"),
            (.ref("ExportRole"), "Macie-ExportRole"),
            (.getAtt("ExportRole", "Arn"), "arn:aws:iam::123456789012:role/service/Macie-ExportRole"),
            (.ref("Boundary"), "arn:aws:iam::123456789012:policy/Macie-Boundary"),
            (.ref("Key"), "Macie-Key"),
            (.getAtt("Key", "Arn"), "arn:aws:kms:us-east-1:123456789012:key/Macie-Key"),
            (.ref("KeyAlias"), "alias/people"),
            (.ref("Export"), "export-people"),
            (.getAtt("Export", "Arn"), "arn:aws:lambda:us-east-1:123456789012:function:export-people"),
            (.ref("Alerts"), "arn:aws:sns:us-east-1:123456789012:Macie-Alerts"),
            (.getAtt("Alerts", "TopicName"), "Macie-Alerts"),
            (.ref("Work"), "https://sqs.us-east-1.amazonaws.com/123456789012/work"),
            (.getAtt("Work", "Arn"), "arn:aws:sqs:us-east-1:123456789012:work"),
            (.getAtt("Ordered", "QueueName"), "Macie-Ordered.fifo"),
            (.ref("Logs"), "/aws/lambda/export-people"),
            (.getAtt("Logs", "Arn"), "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/export-people:*"),
            (.ref("Nightly"), "nightly"),
            (.getAtt("Nightly", "Arn"), "arn:aws:events:us-east-1:123456789012:rule/nightly"),
            (.ref("OnBus"), "orders|on-bus"),
            (.getAtt("OnBus", "Arn"), "arn:aws:events:us-east-1:123456789012:rule/orders/on-bus"),
            (.getAtt("Identifier", "Id"), "Macie-Identifier"),
            (.getAtt("Identifier", "Arn"), "arn:aws:macie2:us-east-1:123456789012:custom-data-identifier/Macie-Identifier"),
            (.getAtt("Session", "ServiceRole"),
             "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"),
        ]
        for (value, expected) in expectations {
            #expect(resolved(value) == expected, "\(value)")
        }
    }

    @Test("Fn::Sub with pseudo parameters, parameter defaults, attributes and its variable map")
    func sub() {
        #expect(resolved(.sub("arn:${AWS::Partition}:s3:::${Data}/${Prefix}/*", ["Prefix": .ref("Environment")]))
            == "arn:aws:s3:::macie-data/dev/*")
        #expect(resolved(.sub("${People.Arn}/index/*")) == "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie/index/*")
        #expect(resolved(.getAtt("Named", "Arn")) == "arn:aws:dynamodb:us-east-1:123456789012:table/Macie-dev")
        #expect(resolved(.sub("${!Literal}-${AWS::Region}")) == "${Literal}-us-east-1")
    }

    @Test("Fn::Join, Fn::Select, Fn::Split and Fn::FindInMap")
    func joinSelectSplitFind() {
        #expect(resolved(.join(":", ["arn", .partition, "sqs", .region, .accountID, "work"]))
            == "arn:aws:sqs:us-east-1:123456789012:work")
        #expect(resolved(.select(1, .split("/", "a/b/c"))) == "b")
        #expect(resolved(.findInMap("Sizes", .ref("Environment"), "Memory")) == .integer(128))
    }

    @Test("Fn::If on an undecided condition is either branch; a decided one picks its branch")
    func fnIf() {
        let value = Value.if("IsProduction", .getAtt("People", "Arn"), else: .getAtt("Data", "Arn"))
        #expect(resolved(value) == .either([
            "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie", "arn:aws:s3:::macie-data",
        ]))
        let production = PolicyEvaluator(Self.template, context: EvaluationContext(stackName: "Macie", conditionValues: ["IsProduction": true]))
        #expect(production.resolve(value) == "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie")
        #expect(resolved(.sub("${Which}-x", ["Which": .if("IsProduction", "a", else: "b")])) == .either(["a-x", "b-x"]))
    }

    @Test("What cannot be worked out is unresolved, never a wildcard")
    func unresolved() {
        #expect(resolved(.ref("Owner")) == .unresolved("parameter Owner has no default and the evaluation context gives it no value"))
        #expect(resolved(.importValue("SharedBucketArn")) == .unresolved("Fn::ImportValue SharedBucketArn: another stack's export"))
        #expect(resolved(.sub("arn:aws:s3:::${Owner}/*"))
            == .unresolved("parameter Owner has no default and the evaluation context gives it no value"))
        let withOwner = PolicyEvaluator(Self.template, context: EvaluationContext(parameterValues: ["Owner": "ops"]))
        #expect(withOwner.resolve(.sub("arn:aws:s3:::${Owner}/*")) == "arn:aws:s3:::ops/*")
    }

    @Test("Resource targets find a resource by logical ID, then by name, then outside the template")
    func targets() {
        #expect(iam.arn(for: .table("People")) == "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie")
        #expect(iam.arn(for: .table("people-macie")) == "arn:aws:dynamodb:us-east-1:123456789012:table/people-macie")
        #expect(iam.arn(for: .table("elsewhere")) == "arn:aws:dynamodb:us-east-1:123456789012:table/elsewhere")
        #expect(iam.arn(for: .objects(inBucket: "Data", prefix: "in/")) == "arn:aws:s3:::macie-data/in/*")
        #expect(iam.arn(for: .key("Key")) == "arn:aws:kms:us-east-1:123456789012:key/Macie-Key")
        #expect(iam.arn(for: .logGroup("Logs")) == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/export-people:*")
    }
}
