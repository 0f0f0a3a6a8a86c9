// expect: cannot convert value of type 'TemplateExpression<String>' to expected argument type 'Reference<ReferenceKinds.KMSKeyArnOrKMSKeyKeyIdOrKMSAliasAliasName>'
import AWSRDS
import AWSResources
import CloudFormation

let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hash)])
let database = RDS.DBInstance("Database", kmsKeyId: table.arn)
