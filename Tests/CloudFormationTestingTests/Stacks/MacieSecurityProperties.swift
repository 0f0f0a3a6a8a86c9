import CloudFormation
import CloudFormationTesting
import Stacks

/// The Macie stack's security properties, each a function of a template
/// that returns what breaks it (nothing when it holds): asserted by name on
/// the stack (`MacieDynamoDBSecurityTests`) and run on every weakened
/// variant (`MacieDynamoDBMutationTests`).
enum MacieSecurityProperties {
    typealias Property = (name: String, check: @Sendable (Template) -> [String])

    static let exportBucket = "ExportS3BucketMacie"
    static let macieRole = "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"
    static let insecure: RequestContext = ["aws:SecureTransport": "false"]

    static func all(for stack: MacieDynamoDBStack) -> [Property] {
        [
            ("every bucket and table is encrypted with the stack's key", encryptedWithStackKey),
            ("every bucket is TLS-only", tlsOnly),
            ("no bucket is public", notPublic),
            ("the key rotates", keyRotates),
            ("the export runs on the configured schedule", { exportSchedule($0, stack.schedule.description) }),
            ("Macie's service-linked role may decrypt with the key", macieDecrypts),
            ("nothing else may read the export bucket", onlyMacieReadsExports),
        ]
    }

    /// The one key of the stack.
    static func key(_ template: Template) -> String? {
        let keys = template.resources(ofType: "AWS::KMS::Key").map(\.logicalID)
        return keys.count == 1 ? keys[0] : nil
    }

    /// Buckets that receive other buckets' access logs: S3 delivers those
    /// only to SSE-S3 buckets, so they cannot use the stack's key.
    static func logBuckets(_ template: Template) -> Set<String> {
        Set(template.resources(ofType: "AWS::S3::Bucket").compactMap {
            if case .intrinsic(.ref(let target))? = $0.properties["LoggingConfiguration"]?.objectValue?["DestinationBucketName"] { return target }
            return nil
        })
    }

    static func dataBuckets(_ template: Template) -> [String] {
        let logs = logBuckets(template)
        return template.resources(ofType: "AWS::S3::Bucket").map(\.logicalID).filter { !logs.contains($0) }
    }

    static func allBuckets(_ template: Template) -> [String] {
        template.resources(ofType: "AWS::S3::Bucket").map(\.logicalID)
    }

    static func encryptedWithStackKey(_ template: Template) -> [String] {
        guard let key = key(template) else { return ["the stack has no single key"] }
        let keyARN = Value.getAtt(key, "Arn")
        var problems: [String] = []
        for id in dataBuckets(template) {
            let rules = template.resource(id)?.properties["BucketEncryption"]?.objectValue?["ServerSideEncryptionConfiguration"]
            guard case .list(let items)? = rules, items.contains(where: {
                let byDefault = $0.objectValue?["ServerSideEncryptionByDefault"]?.objectValue
                return byDefault?["SSEAlgorithm"] == "aws:kms" && byDefault?["KMSMasterKeyID"] == keyARN
            }) else {
                problems.append("bucket \(id) is not SSE-KMS with \(key)")
                continue
            }
        }
        for table in template.resources(ofType: "AWS::DynamoDB::Table") {
            let sse = table.properties["SSESpecification"]?.objectValue
            if sse?["SSEEnabled"] != true || sse?["SSEType"] != "KMS" || sse?["KMSMasterKeyId"] != keyARN {
                problems.append("table \(table.logicalID) is not encrypted with \(key)")
            }
        }
        return problems
    }

    static func tlsOnly(_ template: Template) -> [String] {
        allBuckets(template).compactMap { bucket in
            let onObjects = template.decision(.root, "s3:GetObject", on: .objects(inBucket: bucket), context: insecure)
            let onBucket = template.decision(.root, "s3:ListBucket", on: .bucket(bucket), context: insecure)
            return onObjects.isExplicitlyDenied && onBucket.isExplicitlyDenied ? nil : "bucket \(bucket) accepts requests without TLS"
        }
    }

    static func notPublic(_ template: Template) -> [String] {
        allBuckets(template).compactMap { bucket in
            let block = template.resource(bucket)?.properties["PublicAccessBlockConfiguration"]?.objectValue
            let blocked = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"].allSatisfy { block?[$0] == true }
            let open = template.decision(.anyone, "s3:GetObject", on: .objects(inBucket: bucket)).mightBeAllowed
            return blocked && !open ? nil : "bucket \(bucket) is not blocked from public access"
        }
    }

    static func keyRotates(_ template: Template) -> [String] {
        guard let key = key(template) else { return ["the stack has no single key"] }
        return template.resource(key)?.properties["EnableKeyRotation"] == true ? [] : ["key \(key) does not rotate"]
    }

    static func exportSchedule(_ template: Template, _ expression: String) -> [String] {
        let rules = template.resources(ofType: "AWS::Events::Rule").filter { $0.properties["ScheduleExpression"] != nil }
        guard rules.count == 1, let rule = rules.first else { return ["\(rules.count) scheduled rules, not 1"] }
        var problems: [String] = []
        if rule.properties["ScheduleExpression"] != .string(expression) { problems.append("the schedule is not \(expression)") }
        if rule.properties["State"] != "ENABLED" { problems.append("the schedule is not enabled") }
        return problems
    }

    static func macieDecrypts(_ template: Template) -> [String] {
        guard let key = key(template) else { return ["the stack has no single key"] }
        return ["kms:Decrypt", "kms:DescribeKey"].compactMap { action in
            template.allows(.arn(macieRole), action, on: .key(key)) ? nil : "Macie's role may not \(action) with \(key)"
        }
    }

    /// No role of the stack, no AWS service, no other account and nobody
    /// anonymous may read the exports: only Macie, through its own
    /// service-linked role, which no policy here grants anything in S3.
    static func onlyMacieReadsExports(_ template: Template) -> [String] {
        let roles = template.resources(ofType: "AWS::IAM::Role").map { Principal.role($0.logicalID) }
        let others: [Principal] = [
            .anyone, .accountRoot("999999999999"), .arn("arn:aws:iam::999999999999:role/stranger"),
            .service("logging.s3.amazonaws.com"), .service("events.amazonaws.com"), .service("lambda.amazonaws.com"),
        ]
        var problems: [String] = []
        for principal in roles + others {
            for action in ["s3:GetObject", "s3:GetObjectVersion"]
            where template.decision(principal, action, on: .objects(inBucket: exportBucket)).mightBeAllowed {
                problems.append("\(principal) may \(action) in \(exportBucket)")
            }
        }
        return problems
    }
}
