import CloudFormation
import Foundation
import TemplateReading
import TemplateRendering
import Testing

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Reading Fn::ForEach")
struct ForEachReadingTests {
    /// cfn-lint's own template of loops among resources and (nested) outputs.
    static let corpusLoops = repository.appendingPathComponent("../shared/corpus/cfn-lint/good/functions/foreach.yaml")

    @Test("a mapping that is one loop reads as the typed loop, and writes back as it was written")
    func propertyLoop() throws {
        let text = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::LanguageExtensions
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    Fn::ForEach::Redrive:
                    - Key
                    - - deadLetterTargetArn
                      - maxReceiveCount
                    - ${Key}: !Sub ${Key}-${AWS::StackName}

            """
        let template = try TemplateReader.read(text, file: "loop.yaml")
        let expected = Value.forEach(
            "Redrive", "Key", in: ["deadLetterTargetArn", "maxReceiveCount"], ["${Key}": .sub("${Key}-${AWS::StackName}")])
        #expect(template.resource("Queue")?.properties["RedrivePolicy"] == expected)
        #expect(try TemplateRenderer.yaml(template) == text)
        #expect(try TemplateReader.read(TemplateRenderer.json(template), file: "loop.json") == template)
    }

    @Test("cfn-lint's template of loops among resources and nested in outputs: read, write, read is the same template")
    func corpusRoundTrip() throws {
        let template = try TemplateReader.read(contentsOf: Self.corpusLoops.path)
        #expect(template.resourceLoops.keys == ["Fn::ForEach::Buckets"])
        let outputs = try #require(template.outputLoops["Fn::ForEach::BucketOutputs"])
        let outer = try #require(Intrinsic(longName: "Fn::ForEach::BucketOutputs", argument: outputs))
        guard case .forEach(_, "Identifier", _, .intrinsic(.forEach(let inner, "Property", _, _))) = outer else {
            Issue.record("the outputs' loop is not a loop of a loop: \(outer)")
            return
        }
        #expect(inner == "GetAttLoop")
        for written in [try TemplateRenderer.yaml(template), try TemplateRenderer.yaml(template, form: .long), try TemplateRenderer.json(template)] {
            #expect(try TemplateReader.read(written, file: "again") == template)
        }
    }

    @Test("a loop whose argument does not fit the layout is a problem at its line", arguments: [
        ("Fn::ForEach::Redrive: [Key, [a]]", "Fn::ForEach::Redrive takes a list of the identifier, the collection and the fragment (a mapping)"),
        ("Fn::ForEach::Redrive: [Key, [a], text]", "Fn::ForEach::Redrive takes a list of the identifier, the collection and the fragment (a mapping)"),
        ("Fn::ForEach::: [Key, [a], {x: 1}]", "Fn::ForEach:: needs a loop name after 'Fn::ForEach::'"),
    ])
    func malformed(entry: String, message: String) {
        for text in [
            "Resources:\n  A:\n    Type: X\n    Properties:\n      P: {\(entry)}\n",
            "Resources:\n  \(entry)\n",
        ] {
            do {
                _ = try TemplateReader.read(text, file: "bad.yaml")
                Issue.record("read without error: \(text)")
            } catch {
                #expect(error.problems.map(\.message) == [message], "\(text)")
            }
        }
    }
}
