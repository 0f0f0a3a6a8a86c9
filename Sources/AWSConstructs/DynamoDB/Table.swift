import AWSResources
import CloudFormation

/// A DynamoDB table with point-in-time recovery and, when a key is given,
/// encryption with that customer-managed key.
///
/// | default | why |
/// |---|---|
/// | point-in-time recovery on | recover from a bad write to any second of the last 35 days |
/// | SSE with the given key (`encryption: .kms(key)`), else AWS-owned | who can read the data is decided by your key policy |
/// | on-demand billing unless `billing: .provisioned(…)` | no capacity planning, no throttling by default |
/// | `DeletionPolicy`/`UpdateReplacePolicy` `Retain` | a stack change never deletes data |
/// | deletion protection on (`deletionProtection`) | nobody deletes the table by a console click or an API call; turn it off (`update-table --no-deletion-protection-enabled`) before deleting |
public final class Table: ResourceDeclaration {
    public enum AttributeType: Hashable, Sendable {
        case string, number, binary
        var generated: DynamoDB.Table.AttributeType {
            switch self {
            case .string: .s
            case .number: .n
            case .binary: .b
            }
        }
    }

    public struct KeyAttribute: Hashable, Sendable {
        public var name: String
        public var type: AttributeType
        public static func string(_ name: String) -> Self { Self(name: name, type: .string) }
        public static func number(_ name: String) -> Self { Self(name: name, type: .number) }
        public static func binary(_ name: String) -> Self { Self(name: name, type: .binary) }
    }

    public enum Billing: Hashable, Sendable {
        case onDemand
        case provisioned(read: Int, write: Int)
    }

    public enum Encryption {
        /// DynamoDB's default: a key AWS owns.
        case awsOwned
        case kms(Key)
    }

    public struct GlobalIndex: Hashable, Sendable {
        public var name: String
        public var partitionKey: KeyAttribute
        public var sortKey: KeyAttribute?
        public init(_ name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil) {
            self.name = name
            self.partitionKey = partitionKey
            self.sortKey = sortKey
        }
    }

    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var partitionKey: KeyAttribute
    public var sortKey: KeyAttribute?
    public var billing: Billing
    public var encryption: Encryption
    public var globalIndexes: [GlobalIndex]
    public var pointInTimeRecovery = true
    public var deletionProtection = true
    public var deletionPolicy: DeletionPolicy = .retain

    public init(
        _ logicalID: String, name: TemplateExpression<String>? = nil, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil,
        billing: Billing = .onDemand, encryption: Encryption = .awsOwned, globalIndexes: [GlobalIndex] = []
    ) {
        self.logicalID = logicalID
        self.name = name
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.billing = billing
        self.encryption = encryption
        self.globalIndexes = globalIndexes
    }

    /// `Ref`: the table name.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<DynamoDBTableARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }
    /// The table's indexes: `table/<name>/index/*`.
    public var indexesARN: ARN<DynamoDBIndexARN> { ARN(unchecked: .sub("${\(logicalID).Arn}/index/*")) }

    /// The table's exports to S3: `table/<name>/export/*`.
    public var exportsARN: ARN<DynamoDBExportARN> { ARN(unchecked: .sub("${\(logicalID).Arn}/export/*")) }

    /// Reading items: `BatchGetItem`, `ConditionCheckItem`, `DescribeTable`,
    /// `GetItem`, `Query`, `Scan` (and `Query`, `Scan` on the indexes when the
    /// table has any); `kms:Decrypt` through DynamoDB with a customer key.
    public func grantReadData(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.batchGetItem, .conditionCheckItem, .describeTable, .getItem, .query, .scan], on: [arn]))
        if !globalIndexes.isEmpty { grantee.role.addToPolicy(.allow([.query, .scan], on: [indexesARN])) }
        grantKey(to: grantee, [.decrypt])
    }

    /// Writing items: `BatchWriteItem`, `DeleteItem`, `DescribeTable`,
    /// `PutItem`, `UpdateItem`; `kms:Decrypt`, `kms:Encrypt`,
    /// `kms:GenerateDataKey` through DynamoDB with a customer key.
    public func grantWriteData(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.batchWriteItem, .deleteItem, .describeTable, .putItem, .updateItem], on: [arn]))
        grantKey(to: grantee, [.decrypt, .encrypt, .generateDataKey])
    }

    /// `Scan` only (what an export needs), and `kms:Decrypt` through DynamoDB.
    public func grantScan(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.scan], on: [arn]))
        grantKey(to: grantee, [.decrypt])
    }

    /// Starting DynamoDB's export to S3 (`ExportTableToPointInTime`, which
    /// reads no capacity) and reading the table's exports back
    /// (`DescribeExport`). The export's writes to S3 are the bucket's grant.
    public func grantExport(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.exportTableToPointInTime], on: [arn]))
        grantee.role.addToPolicy(.allow([.describeExport], on: [exportsARN]))
    }

    private func grantKey(to grantee: Grantee, _ actions: [IAMAction<KMSKeyARN>]) {
        if case .kms(let key) = encryption { key.grant(to: grantee, actions, viaService: "dynamodb") }
    }

    public func declaredResources() -> [Resource] {
        var attributes: [KeyAttribute] = []
        for attribute in [partitionKey, sortKey].compactMap({ $0 }) + globalIndexes.flatMap({ [$0.partitionKey, $0.sortKey].compactMap { $0 } })
        where !attributes.contains(where: { $0.name == attribute.name }) {
            attributes.append(attribute)
        }
        var keySchema: [DynamoDB.Table.KeySchemaItem] = [.init(attributeName: .literal(partitionKey.name), keyType: "HASH")]
        if let sortKey { keySchema.append(.init(attributeName: .literal(sortKey.name), keyType: "RANGE")) }

        var throughput: DynamoDB.Table.ProvisionedThroughput?
        if case .provisioned(let read, let write) = billing {
            throughput = .init(readCapacityUnits: .init(integerLiteral: read), writeCapacityUnits: .init(integerLiteral: write))
        }
        let indexes: [DynamoDB.Table.GlobalSecondaryIndex] = globalIndexes.map { index in
            var schema: [DynamoDB.Table.GlobalSecondaryIndexKeySchemaItem] = [.init(attributeName: .literal(index.partitionKey.name), keyType: "HASH")]
            if let sort = index.sortKey { schema.append(.init(attributeName: .literal(sort.name), keyType: "RANGE")) }
            return .init(indexName: .literal(index.name), keySchema: schema, projection: .init(projectionType: .all), provisionedThroughput: throughput)
        }
        var sse: DynamoDB.Table.SSESpecification?
        if case .kms(let key) = encryption {
            sse = .init(kmsMasterKeyId: .arn(key.arn), sseEnabled: true, sseType: .kms)
        }
        return DynamoDB.Table(
            logicalID,
            attributeDefinitions: attributes.map { .init(attributeName: .literal($0.name), attributeType: $0.type.generated) },
            billingMode: throughput == nil ? .payPerRequest : .provisioned,
            deletionProtectionEnabled: deletionProtection ? true : nil,
            globalSecondaryIndexes: indexes.isEmpty ? nil : indexes,
            keySchema: keySchema,
            pointInTimeRecoverySpecification: pointInTimeRecovery ? .init(pointInTimeRecoveryEnabled: true) : nil,
            provisionedThroughput: throughput,
            sseSpecification: sse,
            tableName: name,
            attributes: ResourceAttributes(deletionPolicy: deletionPolicy, updateReplacePolicy: deletionPolicy)
        ).declaredResources()
    }
}
