// expect: nothing: this file must compile, or the others prove nothing
import AWSEC2
import AWSRDS
import AWSResources
import CloudFormation

let size = TypedParameter.integer("Size", default: 60)
let bucket = S3.Bucket("Bucket", bucketName: .sub("logs-\(.accountID)"))
let queue = SQS.Queue("Queue", messageRetentionPeriod: size.ref, queueName: .join("-", ["orders", .region]))
let table = DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: .hash)])
let arn = Value.sub("\(bucket.arn)/*")
let stream: TemplateExpression<String> = table.streamArn

// The service modules: a typed reference from a resource of the right type,
// and the escape hatches for what the compiler cannot check.
let key = KMS.Key("Key")
let database = RDS.DBInstance("Database", kmsKeyId: .to(key))
let vpc = EC2.VPC("Network", cidrBlock: "10.0.0.0/16")
let subnet = EC2.Subnet("Subnet", cidrBlock: "10.0.0.0/24", vpcId: .to(vpc))
let imported = EC2.Subnet("Imported", cidrBlock: "10.0.1.0/24", vpcId: .expression(.importValue("network-vpc")))
let literal = RDS.DBInstance("Literal", kmsKeyId: .literal("arn:aws:kms:eu-west-1:111122223333:key/1234"))
