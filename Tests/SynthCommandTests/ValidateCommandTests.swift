import Foundation
import Testing

@Suite("synth validate")
struct ValidateCommandTests {
    @Test("the committed templates are valid when read back; exit 0")
    func committed() throws {
        let result = try Executable.synth.run(["validate", "generated/MacieDynamoDB.yaml", "generated/OrderEvents.yaml"])
        #expect(result.status == 0)
        #expect(result.stderr == "generated/MacieDynamoDB.yaml: valid (31 resources)\ngenerated/OrderEvents.yaml: valid (6 resources)\n")
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
