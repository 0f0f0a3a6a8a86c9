import AWSConstructs
import CloudFormation
import StackSynthesis
import TemplateRendering
import Testing

private struct RetiredRuntimeStack: StackDefinition {
    var name: String { "Retired" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("Handler", type: "AWS::Lambda::Function", properties: [
            "Runtime": "python2.7", "Handler": "index.handler", "Role": "arn:aws:iam::123456789012:role/r",
            "Code": ["ZipFile": "def handler(event, context):\n    return 1\n"],
        ]))
    }
}

private struct DanglingReferenceStack: StackDefinition {
    var name: String { "Dangling" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("Handle", type: "AWS::CloudFormation::WaitConditionHandle"))
        stack.output("Missing", .ref("Nowhere"))
        stack.output("AlsoMissing", .getAtt("Elsewhere", "Arn"))
    }
}

/// A valid stack of a type that holds no data, so no security rule concerns it.
private struct QueueStack: StackDefinition {
    var name: String { "Queue" }
    func build(_ stack: Stack) throws {
        let handle = stack.add(Resource("Handle", type: "AWS::CloudFormation::WaitConditionHandle"))
        stack.output("HandleURL", handle.ref)
    }
}

private struct ThrowingStack: StackDefinition {
    struct Refused: Error {}
    var name: String { "Throws" }
    func build(_ stack: Stack) throws { throw Refused() }
}

@Suite("synthesizeTemplate: every check by default, problems as values")
struct SynthesisReportTests {
    @Test("the AWS checks run without being asked: a retired Lambda runtime is an error")
    func runsAWSChecks() {
        let report = synthesizeTemplate(RetiredRuntimeStack())
        #expect(!report.isValid)
        #expect(report.template == nil)
        #expect(report.errors.contains { $0.path.description.hasPrefix("Resources.Handler.Properties.Runtime") })
    }

    @Test("an invalid stack gives every error at once, readable, naming the stack and path")
    func everyErrorAsValue() {
        let report = synthesizeTemplate(DanglingReferenceStack())
        #expect(report.errors.count == 2)
        let lines = report.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("error: Dangling: Outputs.Missing.Value.Ref:"))
        #expect(lines.last == "Dangling: 2 errors; no template")
    }

    @Test("an error thrown while building becomes a diagnostic")
    func buildErrorAsValue() {
        let report = synthesizeTemplate(ThrowingStack())
        #expect(!report.isValid)
        #expect(report.errors.count == 1)
        #expect(report.description.contains("Throws"))
    }

    @Test("a valid stack renders as YAML or JSON, the same text the renderer writes for its template")
    func validStack() throws {
        let yaml = synthesizeTemplate(QueueStack())
        #expect(yaml.isValid)
        #expect(yaml.description == "Queue: synthesized")
        let template = try synthesize(QueueStack()).template
        #expect(yaml.template?.text == (try TemplateRenderer.render(template, format: .yaml)))
        let json = synthesizeTemplate(QueueStack(), format: .json)
        #expect(json.template?.text == (try TemplateRenderer.render(template, format: .json)))
        #expect(json.template?.fileName(for: .json) == "Queue.json")
    }
}

private struct InlineCodeStack: StackDefinition {
    var bytes: Int
    var name: String { "Inline" }
    func build(_ stack: Stack) throws {
        let key = stack.add(Key("Key", description: "Encrypts the function."))
        let body = "def handler(event, context):\n    return 1\n"
        let source = body + String(repeating: "#", count: bytes - body.utf8.count - 1) + "\n"
        stack.add(Function("Handler", code: .inline(source), key: key))
    }
}

private struct MissingFolderStack: StackDefinition {
    var name: String { "Missing" }
    func build(_ stack: Stack) throws {
        let key = stack.add(Key("Key", description: "Encrypts the function."))
        stack.add(Function("First", code: .folder("no-such-folder"), key: key))
        stack.add(Function("Second", code: .file("no-such-file.py"), key: key))
    }
}

@Suite("Function code: inline up to CloudFormation's limit, packages from disk")
struct FunctionCodeTests {
    @Test("inline code of 4,096 bytes synthesizes; 4,097 bytes is an error at Code.ZipFile")
    func inlineLimit() {
        #expect(synthesizeTemplate(InlineCodeStack(bytes: 4_096)).isValid)
        let tooLarge = synthesizeTemplate(InlineCodeStack(bytes: 4_097))
        #expect(tooLarge.errors.map(\.description) == [
            "error: Inline: Resources.Handler.Properties.Code.ZipFile: inline code is 4097 bytes; CloudFormation takes at most 4096: package it from a file or folder instead",
        ])
    }

    @Test("code that is not on disk: every function named, with the path, and no template")
    func missingCode() {
        let report = synthesizeTemplate(MissingFolderStack())
        #expect(!report.isValid)
        #expect(report.errors.count == 2)
        #expect(report.errors[0].description.hasPrefix("error: Missing: Resources.First: the function code folder "))
        #expect(report.errors[0].description.hasSuffix("no-such-folder does not exist"))
        #expect(report.errors[1].description.hasPrefix("error: Missing: Resources.Second: cannot read the function code "))
    }
}
