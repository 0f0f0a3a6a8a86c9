// expect: cannot convert value of type 'String' to expected argument type 'DynamoDB.Table.BillingMode'
import AWSResources
import CloudFormation

let table = DynamoDB.Table("Table", billingMode: "PAY_PER_REQEST", keySchema: [.init(attributeName: "id", keyType: .hash)])
