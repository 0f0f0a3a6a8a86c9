import CloudFormation
import Foundation
import TemplateRendering
import Testing
import YAML

/// A template that writes every intrinsic function, nested ones included.
let everyIntrinsic: Template = {
    var template = Template(description: "Every intrinsic function.")
    template.parameters = [
        Parameter("Stage", default: "dev", allowedValues: ["dev", "prod"]),
        Parameter("Subnets", type: .list(.subnetID), description: "Where to run"),
        Parameter("Size", type: .number, default: 2, minValue: 1, maxValue: 10),
    ]
    template.mappings = [Mapping("Regions", ["us-east-1": ["Ami": "ami-123"]])]
    template.conditions = [
        Condition("IsProd", .equals(.ref("Stage"), "prod")),
        Condition("IsNotProd", .not(.condition("IsProd"))),
        Condition("Both", .and([.condition("IsProd"), .equals(.region, "us-east-1")])),
        Condition("Either", .or([.condition("IsProd"), .condition("IsNotProd")])),
    ]
    template.resources = [
        Resource("Vpc", type: "AWS::EC2::VPC", properties: ["CidrBlock": "10.0.0.0/16"]),
        Resource("Instance", type: "AWS::EC2::Instance", properties: [
            "ImageId": .findInMap("Regions", .region, "Ami"),
            "UserData": .base64(.sub("#!/bin/bash\necho ${AWS::StackName}\n")),
            "AvailabilityZone": .select(0, .getAZs()),
            "SecondZone": .select(1, .getAZs(.region)),
            "SubnetId": .select(0, .ref("Subnets")),
            "Parts": .split(",", .importValue(.sub("${Stage}-parts"))),
            "Joined": .join(",", [.ref("Stage"), .getAtt("Vpc", "CidrBlock")]),
            "JoinedList": .join("|", .ref("Subnets")),
            "Chosen": .if("IsProd", .ref("Vpc"), else: .noValue),
            "Cidrs": .cidr(.getAtt("Vpc", "CidrBlock"), 6, 5),
            "Address": .getAtt("Vpc", "Ipv6CidrBlocks.0"),
            "Named": .sub("${Prefix}-${Vpc}", ["Prefix": .ref("Stage")]),
            "Imported": .importValue("shared-vpc-id"),
            "Count": .ref("Size"),
            "SubnetCount": .length(.ref("Subnets")),
            "Settings": .toJsonString(["Stage": .ref("Stage"), "Zones": 2]),
            "Included": .transform("AWS::Include", ["Location": "s3://bucket/snippet.yaml"]),
            "Ratio": 0.25,
            "Enabled": true,
            "Nothing": .null,
        ]),
    ]
    template.outputs = [
        Output("VpcId", value: .ref("Vpc"), description: "The VPC", exportName: .sub("${AWS::StackName}-VpcId"), condition: "IsProd"),
    ]
    return template
}()

@Suite("Intrinsic functions, short and long form, and JSON")
struct IntrinsicsGoldenTests {
    @Test("short form, with the long form for an outer function whose argument is tagged")
    func shortForm() throws {
        try assertGolden(try TemplateRenderer.yaml(everyIntrinsic, form: .short), named: "intrinsics-short.yaml")
    }

    @Test("long form")
    func longForm() throws {
        try assertGolden(try TemplateRenderer.yaml(everyIntrinsic, form: .long), named: "intrinsics-long.yaml")
    }

    @Test("JSON")
    func json() throws {
        try assertGolden(try TemplateRenderer.json(everyIntrinsic), named: "intrinsics.json")
    }

    @Test("nested short forms that YAML forbids fall back to the long form for the outer function", arguments: [
        (Value.base64(.sub("x-${AWS::Region}")), "Key:\n  Fn::Base64: !Sub x-${AWS::Region}\n"),
        (Value.getAZs(.region), "Key:\n  Fn::GetAZs: !Ref AWS::Region\n"),
        (Value.importValue(.sub("${AWS::StackName}-x")), "Key:\n  Fn::ImportValue: !Sub ${AWS::StackName}-x\n"),
        (Value.if("C", .ref("A"), else: .noValue), "Key: !If\n- C\n- !Ref A\n- !Ref AWS::NoValue\n"),
        (Value.base64("plain"), "Key: !Base64 plain\n"),
        // A function without a short form takes the tag of the short form around it.
        (Value.base64(.length(.ref("Subnets"))), "Key: !Base64\n  Fn::Length: !Ref Subnets\n"),
        (Value.toJsonString(.base64(.ref("A"))), "Key:\n  Fn::ToJsonString:\n    Fn::Base64: !Ref A\n"),
        (Value.base64(.base64(.base64("deep"))), "Key: !Base64\n  Fn::Base64: !Base64 deep\n"),
    ])
    func nesting(value: Value, expected: String) throws {
        let node = Node.mapping([Pair(.string("Key"), TemplateNodeBuilder(form: .short).node(for: value))])
        #expect(try Emitter.emit(node) == expected)
    }

    @Test("JSON reads back, with Foundation's reader and with libyaml's, as the long-form YAML does")
    func jsonMatchesYAML() throws {
        let json = try TemplateRenderer.json(everyIntrinsic)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        let fromJSON = try Parser.parse(json)
        let fromYAML = try Parser.parse(try TemplateRenderer.yaml(everyIntrinsic, form: .long))
        #expect(TypedValue(fromJSON) == TypedValue(fromYAML))
    }

    @Test("short and long forms describe the same template")
    func formsAgree() throws {
        let short = try Parser.parse(try TemplateRenderer.yaml(everyIntrinsic, form: .short))
        let long = try Parser.parse(try TemplateRenderer.yaml(everyIntrinsic, form: .long))
        #expect(TypedValue(short, expandingTags: true) == TypedValue(long))
    }
}

/// A parsed node as data: strings, other scalars by their text, ordered
/// collections; short-form tags expanded to their long-form mappings.
indirect enum TypedValue: Equatable {
    case string(String)
    case scalar(String)
    case list([TypedValue])
    case object([String], [TypedValue])

    init(_ node: Node, expandingTags: Bool = false) {
        if expandingTags, let tag = node.tag, tag.hasPrefix("!") {
            let name = String(tag.dropFirst())
            let key = ["Ref", "Condition"].contains(name) ? name : "Fn::" + name
            var untagged = node
            untagged.tag = nil
            var argument = TypedValue(untagged, expandingTags: true)
            if name == "GetAtt", case .string(let text) = argument, let dot = text.firstIndex(of: ".") {
                argument = .list([.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))])
            }
            self = .object([key], [argument])
            return
        }
        switch node.content {
        case .scalar(let scalar):
            let resolved = scalar.style == .plain && (["true", "false", "null"].contains(scalar.text) || Double(scalar.text) != nil)
            self = resolved ? .scalar(scalar.text) : .string(scalar.text)
        case .sequence(let items):
            self = .list(items.map { TypedValue($0, expandingTags: expandingTags) })
        case .mapping(let pairs):
            self = .object(pairs.map { $0.key.scalarText ?? "" }, pairs.map { TypedValue($0.value, expandingTags: expandingTags) })
        }
    }
}
