// expect: type 'DynamoDB.Table.KeyType' has no member 'hsh'
import AWSResources
import CloudFormation

let keyType: DynamoDB.Table.KeyType = .hsh
let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: keyType)])
