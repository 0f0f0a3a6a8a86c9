// expect: type 'DynamoDB.Table.KeyType' has no member 'hsh'
import AWSResources
import CloudFormation

let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hsh)])
