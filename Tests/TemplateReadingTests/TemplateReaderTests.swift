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

    @Test("malformed input: each problem with its file, line and column", arguments: [
        ("Resources: [\n", "bad.yaml:2:1: error: "),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Reff B\n", "bad.yaml:5:10: error: unknown tag !Reff"),
        ("Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n", "bad.yaml:4:3: error: duplicate key 'A'"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Ref [B, C]\n", "bad.yaml:5:10: error: Ref takes a string"),
        ("Resources:\n  A:\n    Type: X\n    Properties:\n      P: !If [C, 1]\n", "bad.yaml:5:10: error: If takes a list of 3 items"),
        ("Resources:\n  A:\n    Properties: {}\n", "bad.yaml:3:5: error: resource 'A' needs a Type"),
        ("Resourcez:\n  A:\n    Type: X\n", "bad.yaml:1:1: error: unknown section 'Resourcez'"),
        ("Resources:\n  A:\n    Type: X\n    Propertys: {}\n", "bad.yaml:3:5: error: unknown attribute 'Propertys' of resource 'A'"),
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
}
