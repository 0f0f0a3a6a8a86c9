import AWSResources
import CloudFormation
import IAMPolicies
import SecurityRules

/// An S3 bucket with the protections a reviewer looks for, each overridable.
///
/// | default | why |
/// |---|---|
/// | SSE-KMS with the given key and an S3 bucket key, or SSE-S3 | data at rest encrypted; the bucket key cuts KMS calls |
/// | all four public-access blocks | nothing public by accident |
/// | object ownership `BucketOwnerEnforced` | no ACLs |
/// | versioning on | deleted and overwritten objects recoverable |
/// | a bucket policy denying requests without TLS | data in transit encrypted |
/// | access logs to a log bucket (`accessLogs`) | who did what; a log bucket itself says why it has none |
/// | `DeletionPolicy`/`UpdateReplacePolicy` `Retain` | a stack change never deletes data |
public final class Bucket: ResourceDeclaration {
    public enum Encryption {
        case s3Managed
        case kms(Key)
    }

    public enum AccessLogs {
        /// Server access logs delivered to `bucket` under `prefix`.
        case to(Bucket, prefix: String)
        /// No access logs, with the reason (written as a suppression of S3-ACCESS-LOGS).
        case none(because: String)
    }

    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var encryption: Encryption
    public var accessLogs: AccessLogs
    public var versioned = true
    public var enforceTLS = true
    public var deletionPolicy: DeletionPolicy = .retain
    public var tags: [S3.Bucket.Tag] = []
    /// Security rules that do not fit this bucket, each with the reason.
    public var suppressions: [RuleSuppression] = []
    /// Buckets whose access logs this bucket receives.
    private var logSources: [(bucket: Bucket, prefix: String)] = []
    /// Roles, usually of another account, that the bucket policy lets read.
    private var readers: [(role: Value, sid: String)] = []

    public init(_ logicalID: String, name: TemplateExpression<String>? = nil, encryption: Encryption, accessLogs: AccessLogs) {
        self.logicalID = logicalID
        self.name = name
        self.encryption = encryption
        self.accessLogs = accessLogs
        if case .to(let target, let prefix) = accessLogs {
            target.logSources.append((self, prefix))
        }
    }

    /// A bucket for other buckets' access logs: SSE-S3 (S3 cannot deliver
    /// access logs to an SSE-KMS bucket), no logs of its own.
    public static func accessLogBucket(_ logicalID: String, name: TemplateExpression<String>? = nil) -> Bucket {
        let bucket = Bucket(logicalID, name: name, encryption: .s3Managed,
               accessLogs: .none(because: "This bucket receives the other buckets' access logs; logging it to itself would loop."))
        bucket.suppressions = [RuleSuppression("S3-KMS", because: "S3 delivers server access logs only to buckets encrypted with SSE-S3, not SSE-KMS.")]
        return bucket
    }

    /// `Ref`: the bucket name.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<S3BucketARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }
    public var policyLogicalID: String { logicalID + "Policy" }

    /// Objects under `prefix` (all objects by default).
    public func objects(_ prefix: String = "") -> ARN<S3ObjectARN> {
        ARN(unchecked: .sub("${\(logicalID).Arn}/\(prefix)*"))
    }

    /// `s3:GetObject` on the objects, `s3:ListBucket` on the bucket (so a
    /// missing key reads as 404, not 403), and `kms:Decrypt` through S3.
    public func grantRead(to grantee: Grantee, prefix: String = "") {
        grantee.role.addToPolicy(.allow([.getObject], on: [objects(prefix)]))
        grantee.role.addToPolicy(.allow([.listBucket], on: [arn]))
        if case .kms(let key) = encryption { key.grant(to: grantee, [.decrypt], viaService: "s3") }
    }

    /// `s3:PutObject` on the objects and `kms:GenerateDataKey` through S3; a
    /// multipart upload also needs `kms:Decrypt`.
    public func grantPut(to grantee: Grantee, prefix: String = "", multipart: Bool = false) {
        grantee.role.addToPolicy(.allow([.putObject], on: [objects(prefix)]))
        if case .kms(let key) = encryption {
            key.grant(to: grantee, multipart ? [.generateDataKey, .decrypt] : [.generateDataKey], viaService: "s3")
        }
    }

    /// Lets a role read through the bucket policy itself: `s3:GetObject` on
    /// the objects, `s3:ListBucket` and `s3:GetBucketLocation` on the bucket.
    /// For a role of another account, whose own policy cannot reach this
    /// bucket alone (a Macie administrator's service-linked role, say); the
    /// key, if any, must let it decrypt too (`Key.allow`). One statement per
    /// call and resource kind: `<sid>Bucket`, `<sid>Objects`.
    public func allowRead(byRole role: TemplateExpression<String>, sid: String) {
        readers.append((role.templateValue, sid))
    }

    /// `s3:DeleteObject` on the objects.
    public func grantDelete(to grantee: Grantee, prefix: String = "") {
        grantee.role.addToPolicy(.allow([.deleteObject], on: [objects(prefix)]))
    }

    public func declaredResources() -> [Resource] {
        let encryptionRule: S3.Bucket.ServerSideEncryptionRule
        switch encryption {
        case .s3Managed:
            encryptionRule = .init(serverSideEncryptionByDefault: .init(sseAlgorithm: .aes256))
        case .kms(let key):
            encryptionRule = .init(bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(kmsMasterKeyID: .to(key), sseAlgorithm: .awsKms))
        }
        var suppressions = suppressions
        var logging: S3.Bucket.LoggingConfiguration?
        switch accessLogs {
        case .to(let target, let prefix):
            logging = .init(destinationBucketName: target.ref, logFilePrefix: .literal(prefix))
        case .none(let reason):
            suppressions.append(RuleSuppression("S3-ACCESS-LOGS", because: reason))
        }
        let bucket = S3.Bucket(
            logicalID,
            bucketEncryption: .init(serverSideEncryptionConfiguration: [encryptionRule]),
            bucketName: name,
            loggingConfiguration: logging,
            ownershipControls: .init(rules: [.init(objectOwnership: .bucketOwnerEnforced)]),
            publicAccessBlockConfiguration: .init(
                blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true),
            tags: tags.isEmpty ? nil : tags,
            versioningConfiguration: versioned ? .init(status: .enabled) : nil,
            attributes: ResourceAttributes(
                metadata: RuleSuppression.metadata(suppressions),
                deletionPolicy: deletionPolicy, updateReplacePolicy: deletionPolicy))
        var resources = bucket.declaredResources()
        let statements = policyStatements()
        if !statements.isEmpty {
            resources += S3.BucketPolicy(
                policyLogicalID, bucket: ref, policyDocument: PolicyDocument(statements).templateValue
            ).declaredResources()
        }
        return resources
    }

    private func policyStatements() -> [PolicyDocument.Statement] {
        var statements: [PolicyDocument.Statement] = []
        if enforceTLS {
            statements.append(PolicyDocument.Statement(
                sid: "DenyRequestsWithoutTLS", effect: .deny, principal: .anyone, actions: ["s3:*"],
                resources: [arn, objects()], conditions: Conditions.insecureTransport))
        }
        for source in logSources {
            statements.append(PolicyDocument.Statement(
                sid: "AccessLogsFrom\(source.bucket.logicalID)", effect: .allow, principal: .service("logging.s3.amazonaws.com"),
                actions: ["s3:PutObject"], resources: [objects(source.prefix)],
                conditions: [
                    "ArnLike": ["aws:SourceArn": source.bucket.arn.templateValue],
                    "StringEquals": ["aws:SourceAccount": .accountID],
                ]))
        }
        for reader in readers {
            statements.append(PolicyDocument.Statement(
                sid: reader.sid + "Bucket", effect: .allow, principal: .aws(reader.role),
                actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [arn]))
            statements.append(PolicyDocument.Statement(
                sid: reader.sid + "Objects", effect: .allow, principal: .aws(reader.role),
                actions: ["s3:GetObject"], resources: [objects()]))
        }
        return statements
    }
}
