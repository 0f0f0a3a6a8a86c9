import Foundation
import Testing

@Suite("synth validate")
struct ValidateCommandTests {
    @Test("the committed templates are valid when read back; exit 0")
    func committed() throws {
        let result = try Executable.synth.run(["validate", "generated/MacieDynamoDB.yaml", "generated/OrderEvents.yaml"])
        #expect(result.status == 0)
        let verdicts = result.stderr.split(separator: "\n").filter { !$0.contains(": security rules: ") && !$0.hasPrefix("  ") }
        #expect(verdicts == ["generated/MacieDynamoDB.yaml: valid (34 resources)", "generated/OrderEvents.yaml: valid (7 resources)"])
        // What the stacks waive, with the reasons: each suppression the committed templates carry.
        let waived = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  suppressed ") }
        let written = try ["generated/MacieDynamoDB.yaml", "generated/OrderEvents.yaml"].map { file in
            try String(contentsOf: Executable.packageRoot.appendingPathComponent(file), encoding: .utf8)
                .components(separatedBy: "\n").filter { $0.hasPrefix("        - rule: ") }.count
        }.reduce(0, +)
        #expect(waived.count == written && written > 0)
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
            error: \(file.path): Resources.Q.Properties.KmsMasterKeyId: [SQS-KMS] the queue is not encrypted with a customer-managed key: no customer-managed key is set. Fix: set KmsMasterKeyId to the stack's key ARN
            error: \(file.path): Resources.Q: [SQS-TLS] no queue policy names it. Fix: add a queue policy statement: Effect Deny, Principal *, Action sqs:*, Condition Bool aws:SecureTransport false
            warning: \(file.path): Resources.Q.Properties.RedrivePolicy: [SQS-DLQ] the queue has no dead-letter queue and is not one. Fix: set RedrivePolicy with deadLetterTargetArn and maxReceiveCount
            synth: 4 errors

            """)
    }
}
