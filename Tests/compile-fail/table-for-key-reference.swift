// expect: no exact matches in call to static method 'to'
import AWSRDS
import AWSResources
import CloudFormation

let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hash)])
let database = RDS.DBInstance("Database", kmsKeyId: .to(table))
