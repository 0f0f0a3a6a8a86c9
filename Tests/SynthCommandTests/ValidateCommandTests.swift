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
        let verdicts = result.stderr.split(separator: "\n").filter { !$0.contains(": security rules: ") && !$0.hasPrefix("  ") }
        let expected = try allStacks.map { "generated/\($0.name).yaml: valid (\(try synthesize($0).template.resources.count) resources)" }
        #expect(verdicts.map(String.init) == expected)
        // What the stacks waive, with the reasons: each suppression the committed templates carry.
        let waived = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  suppressed ") }
        let written = try allStacks.map { stack in
            try String(contentsOf: Executable.packageRoot.appendingPathComponent("generated/\(stack.name).yaml"), encoding: .utf8)
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
            warning: \(file.path): Resources.Q.Properties.KmsMasterKeyId: [SQS-KMS] the queue is not encrypted with a customer-managed key: no customer-managed key is set. Fix: set KmsMasterKeyId to the stack's key ARN
            warning: \(file.path): Resources.Q: [SQS-TLS] no queue policy names it. Fix: add a queue policy statement: Effect Deny, Principal *, Action sqs:*, Condition Bool aws:SecureTransport false
            warning: \(file.path): Resources.Q.Properties.RedrivePolicy: [SQS-DLQ] the queue has no dead-letter queue and is not one. Fix: set RedrivePolicy with deadLetterTargetArn and maxReceiveCount
            synth: 2 errors

            """)
    }

    @Test("least-privilege advice is a warning: listed, exit 0; --strict makes it an error, exit 2")
    func adviceIsAWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broad.yaml")
        try """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                  - PolicyName: read
                    PolicyDocument:
                      Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: '*'}]

            """.write(to: file, atomically: true, encoding: .utf8)
        let lenient = try Executable.synth.run(["validate", file.path])
        #expect(lenient.status == 0)
        let warning = "warning: \(file.path): Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Resource: [IAM-WILDCARD-RESOURCE] s3:GetObject on a wildcard resource"
        #expect(lenient.stderr.hasPrefix(warning))
        #expect(lenient.stderr.hasSuffix("\(file.path): valid (1 resources)\n"))
        let strict = try Executable.synth.run(["validate", "--strict", file.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix(warning.replacingOccurrences(of: "warning:", with: "error:")))
        let errorLines = strict.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.count
        #expect(strict.stderr.hasSuffix("synth: \(errorLines) error\(errorLines == 1 ? "" : "s")\n"))
    }
}
