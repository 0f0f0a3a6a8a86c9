// expect: cannot convert value of type 'String' to expected argument type 'DynamoDB.Table.KeyType'
import AWSResources
import CloudFormation

let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: "HSH")])
