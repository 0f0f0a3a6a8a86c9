import CloudFormation
import Testing

@Suite("Resource graph")
struct ResourceGraphTests {
    static let template: Template = {
        var template = Template()
        template.parameters = [Parameter("Stage", default: "dev")]
        template.conditions = [Condition("IsProd", .equals(.ref("Stage"), "prod"))]
        template.resources = [
            Resource("Table", type: "AWS::DynamoDB::Table"),
            Resource("Role", type: "AWS::IAM::Role", properties: ["Description": .sub("reads ${Table} in ${Stage}")]),
            Resource("Function", type: "AWS::Lambda::Function", properties: [
                "Role": .getAtt("Role", "Arn"),
                "Environment": ["Variables": ["TABLE": .ref("Table"), "STREAM": .sub("${Table.StreamArn}")]],
            ]),
            Resource("Rule", type: "AWS::Events::Rule", properties: ["Targets": [["Arn": .getAtt("Function", "Arn"), "Id": "f"]]]),
            Resource("Permission", type: "AWS::Lambda::Permission", properties: [
                "FunctionName": .ref("Function"), "SourceArn": .getAtt("Rule", "Arn"),
                "Principal": "events.amazonaws.com", "Action": "lambda:InvokeFunction",
            ], condition: "IsProd", dependsOn: ["Table"]),
        ]
        template.outputs = [Output("FunctionName", value: .ref("Function"))]
        return template
    }()

    @Test("edges are typed by how the reference is written, with their paths")
    func typedEdges() {
        let graph = ResourceGraph(Self.template)
        #expect(graph.dependencies(of: "Function").map(\.description) == [
            "Function -[GetAtt.Arn]-> Role", "Function -[Ref]-> Table", "Function -[Sub.StreamArn]-> Table",
        ])
        #expect(graph.dependencies(of: "Permission").map(\.description) == [
            "Permission -[Condition]-> IsProd", "Permission -[DependsOn]-> Table",
            "Permission -[Ref]-> Function", "Permission -[GetAtt.Arn]-> Rule",
        ])
        #expect(graph.dependencies(of: "Role").map(\.description) == ["Role -[Sub]-> Table", "Role -[Sub]-> Stage"])
        #expect(graph.dependencies(of: "IsProd").map(\.description) == ["IsProd -[Ref]-> Stage"])
        #expect(graph.dependents(of: "Function").map(\.from) == ["Rule", "Permission", "Outputs.FunctionName"])
        #expect(graph.dependencies(of: "Permission")[3].path.description == "Resources.Permission.Properties.SourceArn.Fn::GetAtt")
    }

    @Test("a path from rule to role, through the function")
    func paths() {
        let graph = ResourceGraph(Self.template)
        #expect(graph.path(from: "Rule", to: "Role")?.map(\.description) == ["Rule -[GetAtt.Arn]-> Function", "Function -[GetAtt.Arn]-> Role"])
        #expect(graph.path(from: "Table", to: "Rule") == nil)
        #expect(graph.path(from: "Rule", to: "Rule") == [])
    }

    @Test("creation order puts every resource after what it needs, ties in template order")
    func creationOrder() throws {
        #expect(try ResourceGraph(Self.template).creationOrder() == ["Table", "Role", "Function", "Rule", "Permission"])
    }

    @Test("a cycle is reported as a path, and creation order refuses it")
    func cycle() {
        var template = Self.template
        template.resources[0].properties["Tags"] = [["Key": "k", "Value": .ref("Permission")]]
        template.resources.append(Resource("Self", type: "AWS::SQS::Queue", properties: ["QueueName": .ref("Self")]))
        let graph = ResourceGraph(template)
        #expect(graph.cycles() == [["Self", "Self"], ["Table", "Permission", "Table"]])
        #expect(throws: DependencyCycle(cycle: ["Self", "Self"])) { try graph.creationOrder() }
    }
}

@Suite("References without paths")
struct ReferenceUsesTests {
    @Test("uses(in:) finds the same names and kinds as references(in:at:), in the same order")
    func usesMatchReferences() {
        let value: Value = [
            "Name": .sub("${Bucket}-${Table.Arn}-${!Literal}"),
            "Items": [.ref("Param"), .getAtt("Queue", "Arn"), .join(",", [.ref("AWS::Region"), .sub("${Var}", ["Var": .ref("Other")])])],
            "Choice": .if("IsProd", .ref("Prod"), else: .findInMap("Map", "Top", .ref("Key"))),
        ]
        let withPaths = ReferenceCollector.references(in: value, at: ["Resources", "R", "Properties"])
        let uses = ReferenceCollector.uses(in: value)
        #expect(uses.count == withPaths.count)
        #expect(uses.map(\.target) == withPaths.map(\.target))
        #expect(uses.map(\.kind) == withPaths.map(\.kind))
        #expect(Set(uses.map(\.target)) == ["Bucket", "Table", "Param", "Queue", "AWS::Region", "Other", "IsProd", "Prod", "Map", "Key"])
    }
}
