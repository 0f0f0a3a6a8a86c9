import CloudFormation
import CloudFormationTesting
import SecurityRules
import Stacks
import Testing

/// One-change weakenings of the Macie stack's template, each of which a
/// named security rule or a named property test must catch; the snapshot is
/// never consulted.
///
/// The weakenings are applied to the synthesized template, not to the
/// stack: each is the template a one-line change of the stack (or of a
/// construct's default) would produce, and reaching it this way needs no
/// switch in the constructs whose only use would be to make them insecure.
@Suite("MacieDynamoDB: every weakening is caught by a rule or a property")
struct MacieDynamoDBMutationTests {
    struct Mutation: CustomTestStringConvertible, Sendable {
        var name: String
        /// Rule IDs and property names, each of which must catch it.
        var caughtBy: Set<String>
        /// Changes the template; false when what it changes is not there.
        var apply: @Sendable (inout Template) -> Bool
        var testDescription: String { name }
    }

    static let stack = MacieDynamoDBStack()
    static let key = "DynamoDBMacieKMSKey"

    static let mutations: [Mutation] = [
        Mutation(name: "import bucket: encryption dropped", caughtBy: ["S3-KMS", "every bucket and table is encrypted with the stack's key"]) {
            $0.edit("ImportS3Bucket") { $0["BucketEncryption"] = nil }
        },
        Mutation(name: "export bucket: SSE-S3 instead of the stack's key", caughtBy: ["S3-KMS", "every bucket and table is encrypted with the stack's key"]) {
            $0.edit("ExportS3BucketMacie") {
                $0["BucketEncryption"] = ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]]
            }
        },
        Mutation(name: "export bucket: public-access block dropped", caughtBy: ["S3-PUBLIC-ACCESS", "no bucket is public"]) {
            $0.edit("ExportS3BucketMacie") { $0["PublicAccessBlockConfiguration"] = nil }
        },
        Mutation(name: "import bucket: RestrictPublicBuckets false", caughtBy: ["S3-PUBLIC-ACCESS", "no bucket is public"]) {
            $0.edit("ImportS3Bucket") { $0.set(["PublicAccessBlockConfiguration", "RestrictPublicBuckets"], false) }
        },
        Mutation(name: "key: rotation off", caughtBy: ["KMS-ROTATION", "the key rotates"]) {
            $0.edit(key) { $0["EnableKeyRotation"] = false }
        },
        Mutation(name: "import bucket: versioning off", caughtBy: ["S3-VERSIONING"]) {
            $0.edit("ImportS3Bucket") { $0["VersioningConfiguration"] = nil }
        },
        Mutation(name: "export bucket: access logs off", caughtBy: ["S3-ACCESS-LOGS"]) {
            $0.edit("ExportS3BucketMacie") { $0["LoggingConfiguration"] = nil }
        },
        Mutation(name: "accounts table: point-in-time recovery off", caughtBy: ["DYNAMODB-PITR"]) {
            $0.edit("AccountsInfoTable") { $0["PointInTimeRecoverySpecification"] = nil }
        },
        Mutation(name: "people table: encryption dropped", caughtBy: ["DYNAMODB-KMS", "every bucket and table is encrypted with the stack's key"]) {
            $0.edit("PeopleTable") { $0["SSESpecification"] = nil }
        },
        Mutation(name: "people table: deletion protection off", caughtBy: ["DELETION-PROTECTION"]) {
            $0.edit("PeopleTable") { $0["DeletionProtectionEnabled"] = nil }
        },
        Mutation(name: "export role: the scan grant widened to Resource *", caughtBy: ["IAM-WILDCARD-RESOURCE"]) {
            $0.editStatement(role: "ExportLambdaRole", where: { $0.actions.contains("dynamodb:Scan") }) { $0["Resource"] = "*" }
        },
        Mutation(name: "export role: s3:PutObject widened to s3:*", caughtBy: ["IAM-WILDCARD-ACTION"]) {
            $0.editStatement(role: "ExportLambdaRole", where: { $0.actions == ["s3:PutObject"] }) { $0["Action"] = "s3:*" }
        },
        Mutation(name: "import role: iam:PassRole on *", caughtBy: ["IAM-PASSROLE"]) {
            $0.editStatement(role: "ImportLambdaRole", where: { $0.actions == ["s3:GetObject"] }) { $0["Action"] = ["s3:GetObject", "iam:PassRole"]; $0["Resource"] = "*" }
        },
        Mutation(name: "export bucket policy: Allow s3:GetObject to Principal *", caughtBy: ["POLICY-PUBLIC-PRINCIPAL", "no bucket is public", "nothing else may read the export bucket"]) {
            $0.edit("ExportS3BucketMaciePolicy") {
                $0.append(["PolicyDocument", "Statement"], [
                    "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": .sub("${ExportS3BucketMacie.Arn}/*"),
                ])
            }
        },
        Mutation(name: "import role: may read the export bucket", caughtBy: ["nothing else may read the export bucket"]) {
            $0.editStatement(role: "ImportLambdaRole", where: { $0.actions == ["s3:GetObject"] }) {
                $0["Resource"] = [.sub("${ImportS3Bucket.Arn}/*"), .sub("${ExportS3BucketMacie.Arn}/*")]
            }
        },
        Mutation(name: "export function: dead-letter target removed", caughtBy: ["LAMBDA-DLQ"]) {
            $0.edit("ExportDynamoDBDataToS3") { $0["DeadLetterConfig"] = nil }
        },
        Mutation(name: "import function: reserved concurrency removed", caughtBy: ["LAMBDA-CONCURRENCY"]) {
            $0.edit("ImportDataToDynamoDB") { $0["ReservedConcurrentExecutions"] = nil }
        },
        Mutation(name: "import function: runtime python3.7", caughtBy: ["LAMBDA-RUNTIME"]) {
            $0.edit("ImportDataToDynamoDB") { $0["Runtime"] = "python3.7" }
        },
        Mutation(name: "export function: environment no longer encrypted with the key", caughtBy: ["LAMBDA-ENV-KMS"]) {
            $0.edit("ExportDynamoDBDataToS3") { $0["KmsKeyArn"] = nil }
        },
        Mutation(name: "export log group: retention removed", caughtBy: ["LOGS-RETENTION"]) {
            $0.edit("ExportDynamoDBDataToS3LogGroup") { $0["RetentionInDays"] = nil }
        },
        Mutation(name: "import log group: key removed", caughtBy: ["LOGS-KMS"]) {
            $0.edit("ImportDataToDynamoDBLogGroup") { $0["KmsKeyId"] = nil }
        },
        Mutation(name: "dead-letter queue: the AWS-managed key", caughtBy: ["SQS-KMS"]) {
            $0.edit("ExportDynamoDBDataToS3DeadLetterQueue") { $0["KmsMasterKeyId"] = "alias/aws/sqs" }
        },
        Mutation(name: "dead-letter queue: TLS deny removed", caughtBy: ["SQS-TLS"]) {
            $0.edit("ImportDataToDynamoDBDeadLetterQueuePolicy") { $0.removeStatements { $0.sid == "DenyRequestsWithoutTLS" } }
        },
        Mutation(name: "findings topic: TLS deny removed", caughtBy: ["SNS-TLS"]) {
            $0.edit("MacieFindingsTopicPolicy") { $0.removeStatements { $0.sid == "DenyPublishWithoutTLS" } }
        },
        Mutation(name: "key policy: Macie's decrypt statement removed", caughtBy: ["MACIE-KEY-DECRYPT", "Macie's service-linked role may decrypt with the key"]) {
            $0.edit(key) { $0.removeStatements(at: ["KeyPolicy", "Statement"]) { $0.sid == "MacieServiceLinkedRoleDecrypts" } }
        },
        Mutation(name: "import bucket policy: TLS deny removed", caughtBy: ["S3-TLS", "every bucket is TLS-only"]) {
            $0.edit("ImportS3BucketPolicy") { $0.removeStatements { $0.sid == "DenyRequestsWithoutTLS" } }
        },
        Mutation(name: "export bucket policy: TLS deny only on the bucket, not its objects", caughtBy: ["S3-TLS", "every bucket is TLS-only"]) {
            $0.editStatement(resource: "ExportS3BucketMaciePolicy", at: ["PolicyDocument", "Statement"], where: { $0.sid == "DenyRequestsWithoutTLS" }) {
                $0["Resource"] = .getAtt("ExportS3BucketMacie", "Arn")
            }
        },
        Mutation(name: "custom identifier: a capturing group, as in the sample", caughtBy: ["MACIE-REGEX"]) {
            $0.edit("CustomIdentifier") { $0["Regex"] = #"(XYZ-)\d{11,11}"# }
        },
        Mutation(name: "export schedule changed", caughtBy: ["the export runs on the configured schedule"]) {
            $0.edit("ExportDynamoDBDataRule") { $0["ScheduleExpression"] = "rate(7 days)" }
        },
        Mutation(name: "export schedule disabled", caughtBy: ["the export runs on the configured schedule"]) {
            $0.edit("ExportDynamoDBDataRule") { $0["State"] = "DISABLED" }
        },
    ]

    /// Rule IDs and property names that flag `template`.
    static func catchers(of template: Template) -> Set<String> {
        let rules = SecurityRulePack().report(for: template).active.map(\.rule)
        let properties = MacieSecurityProperties.all(for: stack).filter { !$0.check(template).isEmpty }.map(\.name)
        return Set(rules + properties)
    }

    @Test("the unweakened stack: no rule and no property flags it")
    func baseline() throws {
        #expect(Self.catchers(of: try Template(synthesizing: Self.stack)) == [])
    }

    @Test("at least 12 weakenings, each naming a rule or a property that exists")
    func catalog() {
        #expect(Self.mutations.count >= 12)
        let properties = Set(MacieSecurityProperties.all(for: Self.stack).map(\.name))
        for mutation in Self.mutations {
            #expect(!mutation.caughtBy.isEmpty, "\(mutation.name)")
            for name in mutation.caughtBy {
                #expect(SecurityRulePack.rule(name) != nil || properties.contains(name), "\(mutation.name): no rule or property '\(name)'")
            }
        }
    }

    @Test("a weakening is caught by the rules and properties it names", arguments: mutations)
    func caught(_ mutation: Mutation) throws {
        var template = try Template(synthesizing: Self.stack)
        let original = template
        #expect(mutation.apply(&template), "the weakening found nothing to change")
        #expect(template != original)
        let caught = Self.catchers(of: template)
        let missed = mutation.caughtBy.subtracting(caught)
        #expect(missed.isEmpty, "not caught by \(missed.sorted()); caught by \(caught.sorted())")
    }
}

/// A statement of a policy document, by the fields a weakening looks at.
struct StatementView {
    var object: Object
    var sid: String? { object["Sid"]?.literalString }
    var actions: [String] {
        switch object["Action"] {
        case .string(let action)?: [action]
        case .list(let items)?: items.compactMap(\.literalString)
        default: []
        }
    }
}

extension Template {
    /// Edits the properties of resource `id`; false when there is no such resource.
    mutating func edit(_ id: String, _ body: (inout Object) -> Void) -> Bool {
        guard let index = resources.firstIndex(where: { $0.logicalID == id }) else { return false }
        body(&resources[index].properties)
        return true
    }

    /// Edits the first statement of a role's inline policies that `matches`.
    mutating func editStatement(role: String, where matches: (StatementView) -> Bool, _ body: (inout Object) -> Void) -> Bool {
        var found = false
        _ = edit(role) { properties in
            guard case .list(var policies)? = properties["Policies"] else { return }
            for index in policies.indices where !found {
                guard case .object(var policy) = policies[index] else { continue }
                found = policy.editStatement(at: ["PolicyDocument", "Statement"], where: matches, body)
                policies[index] = .object(policy)
            }
            properties["Policies"] = .list(policies)
        }
        return found
    }

    /// Edits the first statement at `path` of a resource's properties that `matches`.
    mutating func editStatement(resource: String, at path: [String], where matches: (StatementView) -> Bool, _ body: (inout Object) -> Void) -> Bool {
        var found = false
        _ = edit(resource) { found = $0.editStatement(at: path, where: matches, body) }
        return found
    }
}

extension Object {
    /// Sets the value at a path of keys, making objects on the way.
    mutating func set(_ path: [String], _ value: Value) {
        guard let first = path.first else { return }
        if path.count == 1 { self[first] = value; return }
        var inner = self[first]?.objectValue ?? [:]
        inner.set(Array(path.dropFirst()), value)
        self[first] = .object(inner)
    }

    func value(at path: [String]) -> Value? {
        var current: Value? = .object(self)
        for key in path { current = current?.objectValue?[key] }
        return current
    }

    /// Appends to the list at `path`.
    mutating func append(_ path: [String], _ value: Value) {
        guard case .list(let items)? = self.value(at: path) else { return }
        set(path, .list(items + [value]))
    }

    /// Removes the statements at `path` (a policy document's `PolicyDocument.Statement` by default) that match.
    mutating func removeStatements(at path: [String] = ["PolicyDocument", "Statement"], where matches: (StatementView) -> Bool) {
        guard case .list(let items)? = self.value(at: path) else { return }
        set(path, .list(items.filter { !matches(StatementView(object: $0.objectValue ?? [:])) }))
    }

    mutating func editStatement(at path: [String], where matches: (StatementView) -> Bool, _ body: (inout Object) -> Void) -> Bool {
        guard case .list(var items)? = self.value(at: path) else { return false }
        guard let index = items.firstIndex(where: { matches(StatementView(object: $0.objectValue ?? [:])) }),
              var statement = items[index].objectValue else { return false }
        body(&statement)
        items[index] = .object(statement)
        set(path, .list(items))
        return true
    }
}
