import AWSResources
import CloudFormation
import IAMPolicies

/// A customer-managed KMS key, and optionally its alias.
///
/// Defaults: rotation on; `DeletionPolicy` and `UpdateReplacePolicy` `Retain`
/// (data encrypted with a deleted key is lost); a key policy that gives the
/// account root administration (so IAM policies can grant use of the key) and
/// names every other principal explicitly, never `*`.
public final class Key: ResourceDeclaration {
    /// A principal the key policy names besides the account root.
    public enum Principal: Hashable, Sendable {
        /// An AWS service, such as `logs.amazonaws.com`; `${AWS::Region}` may appear in it.
        case service(String)
        /// An IAM role by ARN, such as a service-linked role.
        case role(TemplateExpression<String>)
    }

    public let logicalID: String
    public var description: TemplateExpression<String>
    /// `alias/Name`; `nil` for no alias.
    public var alias: String?
    public var tags: [KMS.Key.Tag]
    public var deletionPolicy: DeletionPolicy = .retain
    private var policyStatements: [PolicyDocument.Statement] = []

    public init(
        _ logicalID: String, description: TemplateExpression<String>, alias: String? = nil, aliasLogicalID: String? = nil,
        tags: [KMS.Key.Tag] = []
    ) {
        self.logicalID = logicalID
        self.description = description
        self.alias = alias
        self.aliasLogicalID = aliasLogicalID ?? logicalID + "Alias"
        self.tags = tags
    }

    /// `Ref`: the key ID.
    public var keyID: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<KMSKeyARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }
    /// The alias's logical ID (`<key>Alias` unless given), when there is an alias.
    public let aliasLogicalID: String

    /// Lets `principal` use the key through the key policy itself. Each call
    /// adds one statement with a `Sid`, so a reviewer sees who may do what.
    public func allow(_ principal: Principal, _ actions: [IAMAction<KMSKeyARN>], sid: String, conditions: Object = [:]) {
        policyStatements.append(PolicyDocument.Statement(
            sid: sid, effect: .allow, principal: principalValue(principal), actions: Array(Set(actions)).sorted().map(\.name),
            resources: [Value.string("*")], conditions: conditions, actionsAsList: true))
    }

    /// Grants `actions` on this key to a role's identity policy (the key policy
    /// lets the account's IAM policies decide). `viaService` limits use to
    /// calls a service makes on the role's behalf.
    public func grant(to grantee: Grantee, _ actions: [IAMAction<KMSKeyARN>], viaService service: String? = nil) {
        grantee.role.addToPolicy(.allow(actions, on: [arn], conditions: service.map(Conditions.kmsVia) ?? [:]))
    }

    /// Encrypt and decrypt directly: `kms:Encrypt`, `kms:Decrypt`, `kms:GenerateDataKey`.
    public func grantEncryptDecrypt(to grantee: Grantee) {
        grant(to: grantee, [.decrypt, .encrypt, .generateDataKey])
    }

    /// Lets CloudWatch Logs encrypt the stack's log groups with this key,
    /// limited by the encryption context to log groups of this account.
    func allowCloudWatchLogs() {
        let sid = "CloudWatchLogsEncryptLogGroups"
        guard !policyStatements.contains(where: { $0.sid == sid }) else { return }
        allow(
            .service("logs.${AWS::Region}.amazonaws.com"),
            // No DescribeKey: its requests carry no encryption context, so the
            // condition below could never hold for it. StringLike, since IAM
            // types encryption-context keys as strings.
            [.decrypt, .encrypt, .generateDataKey, .reEncryptFrom, .reEncryptTo],
            sid: sid,
            conditions: ["StringLike": ["kms:EncryptionContext:aws:logs:arn": .sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*")]])
    }

    private func principalValue(_ principal: Principal) -> PolicyDocument.Principal {
        switch principal {
        case .service(let name): .service(name.contains("${") ? .sub(SubTemplate(stringLiteral: name)) : .string(name))
        case .role(let arn): .aws(arn.templateValue)
        }
    }

    public func declaredResources() -> [Resource] {
        let root = PolicyDocument.Statement(
            sid: "AccountRootAdministers", effect: .allow, principal: .aws(.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
            actions: ["kms:*"], resources: [Value.string("*")])
        let policy = PolicyDocument([root] + policyStatements).templateValue
        var resources = KMS.Key(
            logicalID, description: description, enableKeyRotation: true, keyPolicy: policy,
            tags: tags.isEmpty ? nil : tags,
            attributes: ResourceAttributes(deletionPolicy: deletionPolicy, updateReplacePolicy: deletionPolicy)
        ).declaredResources()
        if let alias {
            resources += KMS.Alias(aliasLogicalID, aliasName: .literal(alias), targetKeyId: keyID).declaredResources()
        }
        return resources
    }
}
