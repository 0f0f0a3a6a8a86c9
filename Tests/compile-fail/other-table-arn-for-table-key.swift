// expect: cannot convert value of type 'TemplateExpression<String>' to expected argument type 'Reference<ReferenceKinds.KMSKeyArnOrKMSKeyKeyIdOrKMSAliasAliasName>'
import AWSResources
import CloudFormation

let otherTable = DynamoDB.Table("Other", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hash)])
let table = DynamoDB.Table(
    "Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hash)],
    sseSpecification: .init(kmsMasterKeyId: otherTable.arn, sseEnabled: true, sseType: .kms))
