import CloudFormation
import SecurityRules
import TemplateReading
import Testing

@Suite("suppressions and stack settings")
struct SuppressionTests {
    /// A bucket with every protection but versioning, and `metadata` (YAML, indented for the resource).
    static func template(resourceMetadata: String = "", templateMetadata: String = "") throws -> Template {
        try TemplateReader.read("""
            \(templateMetadata)
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: true
                  KeyPolicy: {Version: '2012-10-17', Statement: []}
              Logs:
                Type: AWS::S3::Bucket
                Metadata:
                  synth:
                    suppress:
                    - {rule: S3-KMS, reason: access logs need SSE-S3}
                    - {rule: S3-ACCESS-LOGS, reason: the log bucket}
                    - {rule: S3-TLS, reason: kept short for the test}
                Properties:
                  BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}
                  PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
                  VersioningConfiguration: {Status: Enabled}
              Data:
                Type: AWS::S3::Bucket
            \(resourceMetadata)
                Properties:
                  BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt Key.Arn}}]}
                  PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
                  LoggingConfiguration: {DestinationBucketName: !Ref Logs}
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                    - Effect: Deny
                      Principal: '*'
                      Action: s3:*
                      Resource: [!GetAtt Data.Arn, !Sub '${Data.Arn}/*']
                      Condition: {Bool: {aws:SecureTransport: false}}
            """, file: "test.yaml")
    }

    @Test("without a suppression: the one finding, at the rule's level, with its path")
    func finding() throws {
        let report = SecurityRulePack().report(for: try Self.template())
        #expect(report.active.map(\.rule) == ["S3-VERSIONING"])
        #expect(report.active.first?.path.description == "Resources.Data.Properties.VersioningConfiguration")
        let diagnostics = report.diagnostics(stack: "S")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.description.hasPrefix("warning: S: Resources.Data.Properties.VersioningConfiguration: [S3-VERSIONING] versioning is not enabled. Fix: ") == true)
        #expect(report.summary(stack: "S").first == "S: security rules: 3 suppressions in use")
        // The summary synth prints, from the metadata and the diagnostics, is the same.
        #expect(SecurityRulePack.summary(of: try Self.template(), stack: "S", diagnostics: report.diagnostics(stack: "S")) == report.summary(stack: "S"))
    }

    @Test("a suppression with a reason waives the finding and is listed in the summary")
    func suppressed() throws {
        let template = try Self.template(resourceMetadata: """
                Metadata:
                  synth:
                    suppress:
                    - {rule: S3-VERSIONING, reason: objects are rewritten every hour from the tables}
            """)
        let report = SecurityRulePack().report(for: template)
        #expect(report.active.isEmpty)
        #expect(report.diagnostics(stack: "S").isEmpty)
        #expect(report.summary(stack: "S").contains("  suppressed S3-VERSIONING on Data: objects are rewritten every hour from the tables"))
    }

    @Test("a suppression that waives nothing is a warning")
    func unused() throws {
        let template = try Self.template(resourceMetadata: """
                Metadata:
                  synth:
                    suppress:
                    - {rule: S3-VERSIONING, reason: rewritten hourly}
                    - {rule: S3-KMS, reason: no longer true}
            """)
        let report = SecurityRulePack().report(for: template)
        let diagnostics = report.diagnostics(stack: "S")
        #expect(diagnostics.map(\.description) == [
            "warning: S: Resources.Data.Metadata.synth.suppress[1]: the suppression of S3-KMS waives nothing on Data: remove it",
        ])
        // Left out of the summary, in both its forms.
        #expect(!report.summary(stack: "S").contains { $0.contains("no longer true") })
        #expect(SecurityRulePack.summary(of: template, stack: "S", diagnostics: diagnostics) == report.summary(stack: "S"))
    }

    @Test("a suppression without a reason, or of a rule that does not exist, is an error that names the path")
    func malformed() throws {
        let template = try Self.template(resourceMetadata: """
                Metadata:
                  synth:
                    suppress:
                    - {rule: S3-VERSIONING, reason: '  '}
                    - {rule: S3-VERSION, reason: typo}
            """)
        let diagnostics = SecurityRulePack().report(for: template).diagnostics(stack: "S")
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 2)
        #expect(errors.contains("error: S: Resources.Data.Metadata.synth.suppress[0]: the suppression of S3-VERSIONING has no reason; say why the rule does not apply"))
        #expect(errors.contains { $0.hasPrefix("error: S: Resources.Data.Metadata.synth.suppress[1].rule: no security rule 'S3-VERSION'; did you mean S3-KMS or ") })
        // The malformed suppression waives nothing: the finding stands.
        #expect(diagnostics.contains { $0.message.hasPrefix("[S3-VERSIONING]") })
    }

    @Test("a stack makes a rule an error, or turns it off, with a reason")
    func stackSettings() throws {
        func settings(_ level: String, _ rule: String = "S3-VERSIONING") -> String {
            "Metadata:\n  synth:\n    rules:\n    - {rule: '\(rule)', level: \(level), reason: this stack's policy}"
        }
        let asError = SecurityRulePack().report(for: try Self.template(templateMetadata: settings("error")))
        #expect(asError.diagnostics(stack: "S").map(\.severity) == [.error])
        #expect(asError.summary(stack: "S").contains("  S3-VERSIONING is error for this stack: this stack's policy"))
        let off = SecurityRulePack().report(for: try Self.template(templateMetadata: settings("off")))
        #expect(off.diagnostics(stack: "S").isEmpty)
        let allOff = SecurityRulePack().report(for: try Self.template(templateMetadata: settings("off", "*")))
        #expect(allOff.findings.isEmpty)
        #expect(allOff.diagnostics(stack: "S").isEmpty)
        let bad = SecurityRulePack().report(for: try Self.template(templateMetadata: settings("loud")))
        #expect(bad.diagnostics(stack: "S").map(\.description).contains("error: S: Metadata.synth.rules[0].level: the level of S3-VERSIONING is error, warning or off"))
    }

    @Test("the metadata a suppression writes: ours, and checkov's skips of the checks the rule maps to")
    func written() throws {
        let metadata = RuleSuppression.metadata([RuleSuppression("S3-ACCESS-LOGS", because: "the log bucket")], checkovOnly: [("CKV_AWS_117", "no VPC")])
        #expect(metadata == [
            "synth": ["suppress": [["rule": "S3-ACCESS-LOGS", "reason": "the log bucket"]]],
            "checkov": ["skip": [["id": "CKV_AWS_117", "comment": "no VPC"], ["id": "CKV_AWS_18", "comment": "the log bucket"]]],
        ])
        #expect(RuleSuppression.metadata([]) == nil)
    }
}
