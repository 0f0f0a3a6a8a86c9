// expect: cannot convert value of type 'ARN<DynamoDBTableARN>' to expected element type 'ARN<S3ObjectARN>'
import AWSConstructs
import CloudFormation

let table = Table("Table", partitionKey: .string("id"))
let statement = PolicyStatement.allow([.getObject], on: [table.arn])
