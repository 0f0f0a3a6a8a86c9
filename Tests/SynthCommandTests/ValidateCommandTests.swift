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
        let warning = "warning: \(file.path): Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Resource: Resource '*' for s3:GetObject"
        #expect(lenient.stderr.hasPrefix(warning))
        #expect(lenient.stderr.hasSuffix("\(file.path): valid (1 resources)\n"))
        let strict = try Executable.synth.run(["validate", "--strict", file.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix(warning.replacingOccurrences(of: "warning:", with: "error:")))
        #expect(strict.stderr.hasSuffix("synth: 1 error\n"))
    }
}
