import CloudFormation
import TemplateReading
import TemplateRendering
import Testing

/// Every intrinsic function goes through the one description of its
/// arguments (`Intrinsic.longFormArgument`, `shortFormArgument` and
/// `Intrinsic(reading:argument:)`): whatever that description lays out, the
/// writer writes and the reader reads back, with no rule of their own for
/// any function.
@Suite("Every intrinsic function through its one layout")
struct IntrinsicLayoutTests {
    /// The cases of `Intrinsic`. Its initializer has no `default`, so a new
    /// function does not compile here until it has a case, and a case without
    /// a sample fails `everyCaseHasASample`.
    enum Kind: CaseIterable {
        case ref, getAtt, sub, join, select, split, `if`, findInMap, getAZs, importValue, base64, cidr, transform,
            length, toJsonString, forEach, equals, not, and, or, condition

        init(_ function: Intrinsic) {
            switch function {
            case .ref: self = .ref
            case .getAtt: self = .getAtt
            case .sub: self = .sub
            case .join: self = .join
            case .select: self = .select
            case .split: self = .split
            case .if: self = .if
            case .findInMap: self = .findInMap
            case .getAZs: self = .getAZs
            case .importValue: self = .importValue
            case .base64: self = .base64
            case .cidr: self = .cidr
            case .transform: self = .transform
            case .length: self = .length
            case .toJsonString: self = .toJsonString
            case .forEach: self = .forEach
            case .equals: self = .equals
            case .not: self = .not
            case .and: self = .and
            case .or: self = .or
            case .condition: self = .condition
            }
        }
    }

    /// One of each function, with functions among the arguments wherever a
    /// function may stand.
    static let samples: [Intrinsic] = [
        .ref("Stage"),
        .getAtt(resource: "Vpc", attribute: "Ipv6CidrBlocks.0"),
        .sub("${Prefix}-${Vpc}", variables: ["Prefix": .ref("Stage")]),
        .sub("${AWS::StackName}-queue"),
        .join(delimiter: ",", values: [.ref("Stage"), .getAtt("Vpc", "CidrBlock")]),
        .join(delimiter: "|", values: .ref("Subnets")),
        .select(index: 0, list: .getAZs()),
        .split(delimiter: ",", source: .importValue("shared-parts")),
        .if(condition: "IsProd", then: .ref("Vpc"), else: .ref("AWS::NoValue")),
        .findInMap(map: "Regions", topLevelKey: .ref("AWS::Region"), secondLevelKey: "Ami"),
        .getAZs(region: ""),
        .getAZs(region: .ref("AWS::Region")),
        .importValue(.sub("${Stage}-vpc")),
        .base64(.sub("#!/bin/bash\necho ${AWS::StackName}\n")),
        .cidr(ipBlock: .getAtt("Vpc", "CidrBlock"), count: 6, cidrBits: 5),
        .transform(name: "AWS::Include", parameters: ["Location": "s3://bucket/snippet.yaml"]),
        .length(.ref("Subnets")),
        .toJsonString(["Stage": .ref("Stage"), "Zones": 2]),
        .forEach(loop: "Topics", identifier: "Name", collection: ["a", "b"], fragment: ["Topic${Name}": .sub("${Name}-topic")]),
        .equals(.ref("Stage"), "prod"),
        .not(.condition("IsProd")),
        .and([.condition("IsProd"), .equals(.ref("AWS::Region"), "us-east-1")]),
        .or([.condition("IsProd"), .not(.condition("IsProd"))]),
        .condition("IsProd"),
    ]

    @Test("every case of Intrinsic has a sample")
    func everyCaseHasASample() {
        #expect(Set(Self.samples.map(Kind.init)) == Set(Kind.allCases))
    }

    @Test("the one description reads back what it lays out, in the long form and the short form", arguments: samples)
    func layoutRoundTrip(function: Intrinsic) throws {
        #expect(try Intrinsic(reading: function.longName, argument: function.longFormArgument) == function)
        #expect(try Intrinsic(reading: function.longName, argument: function.shortFormArgument) == function)
    }

    @Test("written in YAML's short and long forms and in JSON, every function reads back as itself", arguments: samples)
    func writeRead(function: Intrinsic) throws {
        var template = Template(description: "One function.")
        template.resources = [Resource("Holder", type: "AWS::CloudFormation::WaitConditionHandle", properties: ["Value": .intrinsic(function)])]
        for written in [
            try TemplateRenderer.yaml(template, form: .short), try TemplateRenderer.yaml(template, form: .long), try TemplateRenderer.json(template),
        ] {
            #expect(try TemplateReader.read(written, file: "function.yaml") == template, "\(written)")
        }
    }

    @Test("a function built outside its layout (an And of one condition) is rewritten as the one-entry mapping it is written as, and kept as it is when nothing in it changes")
    func rewritingOutsideTheLayout() {
        let single = Value.and([.condition("IsProd")])
        let renamed = single.rewritingIntrinsics { function in
            if case .condition("IsProd") = function { return .condition("IsProduction") }
            return nil
        }
        #expect(renamed == ["Fn::And": [.condition("IsProduction")]])
        #expect(single.rewritingIntrinsics { _ in nil } == single)
    }

    /// A long name and argument that are no typed function, and why.
    struct Unfit: Sendable, CustomTestStringConvertible {
        let longName: String
        let argument: Value
        let refusal: Intrinsic.Refusal
        init(_ longName: String, _ argument: Value, _ refusal: Intrinsic.Refusal) {
            (self.longName, self.argument, self.refusal) = (longName, argument, refusal)
        }
        var testDescription: String { "\(longName): \(ValueText.line(argument, style: .flow))" }
    }

    @Test("an argument that does not fit is refused with the reason a reader reports", arguments: [
        Unfit("Ref", ["B", "C"], .malformed("Ref takes a string", item: nil)),
        Unfit("Fn::If", ["C", 1], .malformed("If takes a list of 3 items", item: nil)),
        Unfit("Fn::Join", [["a": 1], ["x"]], .malformed("Join's delimiter must be a string", item: 0)),
        Unfit("Fn::And", [.condition("C")], .malformed("And takes a list of 2 to 10 items", item: nil)),
        Unfit("Fn::GetAtt", "Bucket", .malformed("GetAtt takes 'Resource.Attribute'", item: nil)),
        Unfit("Fn::GetAtt", ["Bucket", .ref("Attribute")], .untyped),
        Unfit("Fn::FindInMap", ["M", "a", "b", ["DefaultValue": "c"]], .untyped),
        Unfit("Fn::Contains", [["a"], "b"], .untyped),
        Unfit("Fn::Nope", "x", .unknownName),
    ])
    func refusal(unfit: Unfit) {
        #expect(throws: unfit.refusal) { try Intrinsic(reading: unfit.longName, argument: unfit.argument) }
    }
}
