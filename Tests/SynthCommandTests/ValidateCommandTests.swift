import CloudFormation
import Foundation
import Stacks
import Testing

@Suite("synth validate")
struct ValidateCommandTests {
    @Test("the committed templates are valid when read back; exit 0")
    func committed() throws {
        let result = try Executable.synth.run(["validate"] + allStacks.map { "generated/\($0.name).yaml" })
        #expect(result.status == 0)
        let expected = try allStacks.map { "generated/\($0.name).yaml: valid (\(try synthesize($0).template.resources.count) resources)\n" }
        #expect(result.stderr == expected.joined())
    }

    @Test("a hand-written template with mistakes: every problem, exit 2")
    func mistakes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 901\n      QueueName: !Ref Nope\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: \(file.path): Resources.Q.Properties.QueueName.Ref: Ref to 'Nope', which is not a parameter, resource or pseudo parameter of the stack
            error: \(file.path): Resources.Q.Properties.DelaySeconds: 901 is more than the maximum 900
            synth: 2 errors

            """)
    }
}
