import CloudFormation

/// Small templates built by hand, so each expectation can name the values it
/// looks for without going through a stack.
enum AssertionFixtures {
    /// Three buckets that each miss the "well configured" pattern in a
    /// different way, with a role, a function and a queue around them.
    static let exports = Template(
        parameters: [
            Parameter("Environment", description: "Where this runs.", default: "dev", allowedValues: ["dev", "prod"]),
            Parameter("Memory", type: .number, default: 256, minValue: 128, maxValue: 10_240.5, noEcho: true),
        ],
        mappings: [Mapping("Sizes", ["dev": ["Memory": 128], "prod": ["Memory": 1024]])],
        conditions: [Condition("IsProduction", .equals(.ref("Environment"), "prod"))],
        resources: [
            Resource("ExportBucket", type: "AWS::S3::Bucket", properties: [
                "VersioningConfiguration": ["Status": "Suspended"],
                "PublicAccessBlockConfiguration": ["BlockPublicAcls": true],
                "Tags": [["Key": "Team", "Value": "data"]],
            ], deletionPolicy: .retain),
            Resource("ExportRole", type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": ["Statement": [["Effect": "Allow", "Action": "sts:AssumeRole"]]],
            ]),
            Resource("LogBucket", type: "AWS::S3::Bucket", properties: [
                "BucketEncryption": ["ServerSideEncryptionConfiguration": [
                    ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"], "BucketKeyEnabled": true],
                ]],
                "VersioningConfiguration": ["Status": "Enabled"],
                "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "RestrictPublicBuckets": false],
            ]),
            Resource("ExportFunction", type: "AWS::Lambda::Function", properties: [
                "Role": .getAtt("ExportRole", "Arn"),
                "Environment": ["Variables": ["BUCKET": .ref("ExportBucket")]],
                "MemorySize": .findInMap("Sizes", .ref("Environment"), "Memory"),
            ], condition: "IsProduction", dependsOn: ["LogBucket"]),
            Resource("ArchiveBucket", type: "AWS::S3::Bucket"),
        ],
        outputs: [
            Output("BucketName", value: .ref("ExportBucket"), exportName: .sub("${AWS::StackName}-bucket")),
            Output("RoleArn", value: .getAtt("ExportRole", "Arn"), description: "The export role.", condition: "IsProduction"),
        ])
}
