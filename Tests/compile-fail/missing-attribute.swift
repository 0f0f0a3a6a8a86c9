// expect: value of type 'S3.Bucket' has no member 'streamArn'
import AWSResources
import CloudFormation

let bucket = S3.Bucket("Bucket")
let stream = bucket.streamArn
