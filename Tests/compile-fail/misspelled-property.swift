// expect: incorrect argument label in call (have '_:bucketNmae:', expected '_:bucketName:')
import AWSResources
import CloudFormation

let bucket = S3.Bucket("Bucket", bucketNmae: "my-bucket")
