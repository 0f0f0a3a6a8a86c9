import Foundation
import Testing

@Suite("synth graph and synth fmt")
struct GraphAndFormatTests {
    @Test("graph draws every node and typed edge of a stack, in Graphviz and Mermaid")
    func graph() throws {
        let dot = try Executable.fixtures.run(["graph", "Valid"])
        #expect(dot.status == 0)
        #expect(dot.stdout == """
            digraph "Valid" {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=9];
              "Queue" [label="Queue\\nAWS::SQS::Queue", shape=box, style=rounded];
              "Outputs.QueueURL" [label="Outputs.QueueURL", shape=note];
              "Outputs.QueueURL" -> "Queue" [label="Ref"];
            }

            """)
        let mermaid = try Executable.fixtures.run(["graph", "Valid", "--format", "mermaid"])
        #expect(mermaid.stdout == "flowchart LR\n  n0(\"Queue<br/>AWS::SQS::Queue\")\n  n1[\"Outputs.QueueURL\"]\n  n1 -->|Ref| n0\n")
        let invalid = try Executable.fixtures.run(["graph", "Broken"])
        #expect(invalid.status == 2)
        #expect(invalid.stdout.isEmpty)
    }

    @Test("fmt rewrites a hand-written template canonically, and reports malformed input with positions")
    func format() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hand.json")
        try #"{"Resources": {"Q": {"Properties": {"DelaySeconds": 5}, "Type": "AWS::SQS::Queue"}}, "AWSTemplateFormatVersion": "2010-09-09"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["fmt", file.path])
        #expect(result.status == 0)
        #expect(result.stdout == "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n")

        try "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Reff x\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try Executable.synth.run(["fmt", file.path])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == "\(file.path):5:18: error: unknown tag !Reff\nsynth: 1 problem in \(file.path)\n")
    }

    @Test("fmt on the walkthrough's sample stack: canonical YAML that formats to itself, the same as its JSON form, and no change to diff")
    func formatWalkthroughSample() throws {
        let sample = Executable.packageRoot.appendingPathComponent("Tests/Fixtures/walkthrough-sample.yaml")
        let result = try Executable.synth.run(["fmt", sample.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The sample's comments are the lines of its opening block.
        let comments = try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("#") }.count
        #expect(result.stderr == "synth fmt: \(sample.path): \(comments) comments dropped (libyaml's parser does not report comments)\n")
        #expect(result.stdout.hasPrefix("AWSTemplateFormatVersion: '2010-09-09'\nDescription: "))
        #expect(result.stdout.contains("      Role: !GetAtt ExportLambdaRole.Arn\n"))
        #expect(result.stdout.contains("        ZipFile: |\n"))

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let canonical = folder.appendingPathComponent("canonical.yaml")
        try result.stdout.write(to: canonical, atomically: true, encoding: .utf8)
        #expect(try Executable.synth.run(["fmt", canonical.path]).stdout == result.stdout)
        let json = folder.appendingPathComponent("sample.json")
        try Executable.synth.run(["fmt", "--format", "json", sample.path]).stdout.write(to: json, atomically: true, encoding: .utf8)
        #expect(try Executable.synth.run(["fmt", json.path]).stdout == result.stdout)

        let diff = try Executable.synth.run(["diff", "--old", sample.path, "--new", canonical.path, "--colour", "never"])
        #expect(diff.status == 0)
        #expect(diff.stdout == "No changes.\n")
    }
}
