// expect: no exact matches in call to instance method 'appendInterpolation'
import AWSResources
import CloudFormation

let bucket = S3.Bucket("Bucket")
let arn = Value.sub("arn:aws:s3:::\(bucket)/*")
