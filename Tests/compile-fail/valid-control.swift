// expect: nothing: this file must compile, or the others prove nothing
import AWSResources
import CloudFormation

let size = TypedParameter.integer("Size", default: 60)
let bucket = S3.Bucket("Bucket", bucketName: .sub("logs-\(.accountID)"))
let queue = SQS.Queue("Queue", messageRetentionPeriod: size.ref, queueName: .join("-", ["orders", .region]))
let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: "HASH")])
let arn = Value.sub("\(bucket.arn)/*")
let stream: TemplateExpression<String> = table.streamArn
