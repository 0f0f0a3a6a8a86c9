import Foundation
import Testing

/// `synth diff --fail-on broadening` over every kind of policy that holds
/// statements in its own way: an action widened to `s3:*` is broadening
/// wherever the statement is written, and the opposite change is not.
@Suite("synth diff --fail-on broadening, in every kind of policy")
struct BroadeningGateTests {
    /// A template whose one policy statement allows `action`, by kind.
    static let templates: [(kind: String, template: @Sendable (String) -> String)] = [
        ("AWS::IAM::RolePolicy", { action in """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
              RolePolicy:
                Type: AWS::IAM::RolePolicy
                Properties:
                  RoleName: !Ref Role
                  PolicyName: read
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: \(action), Resource: arn:aws:s3:::data/*}]
            """ }),
        ("an ECR repository policy", { action in """
            Resources:
              Repository:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryPolicyText:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: [\(action)]}]
            """ }),
        ("a Secrets Manager resource policy", { action in """
            Resources:
              Secret:
                Type: AWS::SecretsManager::Secret
              SecretPolicy:
                Type: AWS::SecretsManager::ResourcePolicy
                Properties:
                  SecretId: !Ref Secret
                  ResourcePolicy:
                    Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: \(action), Resource: "*"}]
            """ }),
        ("the inline statements of a SAM function's Policies", { action in """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  Policies:
                    - AWSLambdaBasicExecutionRole
                    - Statement: [{Effect: Allow, Action: \(action), Resource: arn:aws:s3:::data/*}]
            """ }),
        ("a Lambda layer permission", { action in """
            Resources:
              LayerPermission:
                Type: AWS::Lambda::LayerVersionPermission
                Properties:
                  Action: \(action)
                  LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:layer:shared:1
                  Principal: "111122223333"
            """ }),
        ("an EventBridge bus policy", { action in """
            Resources:
              BusPolicy:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: share
                  Statement: {Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: \(action), Resource: !Sub "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"}
            """ }),
    ]

    private func diff(old: String, new: String) throws -> Executable.Result {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let oldURL = folder.appendingPathComponent("old.yaml"), newURL = folder.appendingPathComponent("new.yaml")
        try old.write(to: oldURL, atomically: true, encoding: .utf8)
        try new.write(to: newURL, atomically: true, encoding: .utf8)
        return try Executable.synth.run(["diff", "--old", oldURL.path, "--new", newURL.path, "--fail-on", "broadening", "--colour", "never"])
    }

    @Test("s3:GetObject widened to s3:* fails the gate; narrowed back, it does not", arguments: templates.indices)
    func widenedToEverything(index: Int) throws {
        let (kind, template) = Self.templates[index]
        let widened = try diff(old: template("s3:GetObject"), new: template("s3:*"))
        #expect(widened.status == 1, "\(kind): \(widened.stdout)\(widened.stderr)")
        #expect(widened.stderr == "synth: the change hits --fail-on broadening\n", "\(kind)")
        #expect(widened.stdout.contains("s3:*") && widened.stdout.contains("broadening"), "\(kind): \(widened.stdout)")

        let narrowed = try diff(old: template("s3:*"), new: template("s3:GetObject"))
        #expect(narrowed.status == 0, "\(kind): \(narrowed.stdout)\(narrowed.stderr)")
    }
}
