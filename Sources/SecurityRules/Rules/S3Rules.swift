import CloudFormation

/// Buckets: encrypted with a customer key, never public, TLS only,
/// versioned, logged.
enum S3Rules {
    static let bucket = "AWS::S3::Bucket"

    static let all: [SecurityRule] = [
        SecurityRule(
            "S3-KMS", .error, types: [bucket],
            title: "Buckets are encrypted at rest with a customer-managed KMS key (SSE-KMS).",
            reason: "With SSE-S3 or no setting, anyone the bucket policy lets read an object reads it; with a customer key, reading also takes kms:Decrypt, granted by a key policy you control and logged in CloudTrail.",
            fix: "set BucketEncryption to SSEAlgorithm aws:kms with KMSMasterKeyID naming the stack's key (Bucket(encryption: .kms(key)))"
        ) { resource, _ in
            let path = ["Properties", "BucketEncryption"]
            let rules = RuleContext.list(resource.properties["BucketEncryption"]?.objectValue?["ServerSideEncryptionConfiguration"])
            guard !rules.isEmpty else { return [RuleViolation(path, "the bucket has no encryption setting")] }
            for rule in rules {
                let byDefault = rule.objectValue?["ServerSideEncryptionByDefault"]?.objectValue
                let algorithm = byDefault?["SSEAlgorithm"]?.literalString
                if algorithm == "aws:kms" || algorithm == "aws:kms:dsse", RuleContext.isCustomerKey(byDefault?["KMSMasterKeyID"]) { return [] }
            }
            return [RuleViolation(path, "the bucket is not encrypted with a customer-managed KMS key")]
        },
        SecurityRule(
            "S3-PUBLIC-ACCESS", .error, types: [bucket], checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
            title: "Buckets block public access: all four settings of PublicAccessBlockConfiguration are true.",
            reason: "Without the block, one public ACL or bucket-policy statement, written by anyone allowed to, publishes the bucket's objects.",
            fix: "set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets true"
        ) { resource, _ in
            let settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]
            guard let block = resource.properties["PublicAccessBlockConfiguration"]?.objectValue else {
                return [RuleViolation(["Properties", "PublicAccessBlockConfiguration"], "the bucket has no PublicAccessBlockConfiguration")]
            }
            let off = settings.filter { block[$0] != true }
            return off.isEmpty ? [] : [RuleViolation(["Properties", "PublicAccessBlockConfiguration"], "\(off.joined(separator: ", ")) not true")]
        },
        SecurityRule(
            "S3-PUBLIC-ACL", .error, types: [bucket], checkov: ["CKV_AWS_20", "CKV_AWS_57"],
            title: "Buckets grant nothing to everyone through a canned ACL.",
            reason: "PublicRead, PublicReadWrite and AuthenticatedRead let anyone (or any AWS account) read or write the bucket.",
            fix: "remove AccessControl, and set OwnershipControls to BucketOwnerEnforced"
        ) { resource, _ in
            guard let acl = resource.properties["AccessControl"]?.literalString,
                  ["PublicRead", "PublicReadWrite", "AuthenticatedRead"].contains(acl) else { return [] }
            return [RuleViolation(["Properties", "AccessControl"], "the canned ACL \(acl) opens the bucket")]
        },
        SecurityRule(
            "S3-TLS", .error, types: [bucket],
            title: "Bucket policies deny every request made without TLS, on the bucket and its objects.",
            reason: "S3 accepts plain HTTP; only a Deny on aws:SecureTransport false keeps data encrypted in transit whatever the client does.",
            fix: "add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Resource the bucket ARN and ARN/*, Condition Bool aws:SecureTransport false (Bucket's enforceTLS)"
        ) { resource, context in
            let statements = context.resourcePolicyStatements[resource.logicalID] ?? []
            let denies = statements.filter { $0.isDeny && $0.isAnyPrincipal && $0.isWithoutTLSCondition && $0.covers("s3:GetObject") && $0.covers("s3:PutObject") }
            let id = resource.logicalID
            let onBucket = denies.contains { $0.resources.contains { Self.names(bucket: id, $0, objects: false) } }
            let onObjects = denies.contains { $0.resources.contains { Self.names(bucket: id, $0, objects: true) } }
            if onBucket && onObjects { return [] }
            let missing = statements.isEmpty ? "no bucket policy names the bucket" : "no bucket policy statement denies requests without TLS on \(onBucket ? "its objects" : onObjects ? "the bucket" : "the bucket and its objects")"
            return [RuleViolation([], missing)]
        },
        SecurityRule(
            "S3-VERSIONING", .warning, types: [bucket], checkov: ["CKV_AWS_21"],
            title: "Buckets are versioned.",
            reason: "Without versions, an overwrite or delete (by mistake, a bug or an attacker) loses the object for good.",
            fix: "set VersioningConfiguration Status Enabled"
        ) { resource, _ in
            resource.properties["VersioningConfiguration"]?.objectValue?["Status"] == "Enabled" ? []
                : [RuleViolation(["Properties", "VersioningConfiguration"], "versioning is not enabled")]
        },
        SecurityRule(
            "S3-ACCESS-LOGS", .warning, types: [bucket], checkov: ["CKV_AWS_18"],
            title: "Buckets write server access logs.",
            reason: "Access logs record every request, including those CloudTrail's data events leave out by default: who read what, and when.",
            fix: "set LoggingConfiguration with DestinationBucketName a log bucket (Bucket(accessLogs: .to(logBucket, prefix:)))"
        ) { resource, _ in
            resource.properties["LoggingConfiguration"]?.objectValue?["DestinationBucketName"] != nil ? []
                : [RuleViolation(["Properties", "LoggingConfiguration"], "the bucket writes no access logs")]
        },
    ]

    /// Whether a policy resource names bucket `id` (`GetAtt id.Arn`, `${id.Arn}`)
    /// or, with `objects`, its objects (`${id.Arn}/*`, `arn:…:::${id}/*`).
    static func names(bucket id: String, _ value: Value, objects: Bool) -> Bool {
        for choice in PolicyStatement.choices(value, []).map(\.0) {
            switch choice {
            case .intrinsic(.getAtt(id, "Arn")): if !objects { return true }
            case .intrinsic(.sub(let text, _)):
                let named = text.contains("${\(id).Arn}") || text.contains("${\(id)}")
                if named && (text.hasSuffix("/*") == objects) { return true }
            default: continue
            }
        }
        return false
    }
}
