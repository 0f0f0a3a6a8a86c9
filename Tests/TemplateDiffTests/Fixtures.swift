import CloudFormation

/// Small templates the tests change one thing at a time.
enum Fixtures {
    static func table(_ id: String = "PeopleTable", name: String = "people") -> Resource {
        Resource(id, type: "AWS::DynamoDB::Table", properties: [
            "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
            "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "TableName": .string(name),
        ])
    }

    static func bucket(name: String, replacePolicy: DeletionPolicy? = .retain) -> Resource {
        Resource("ImportBucket", type: "AWS::S3::Bucket", properties: [
            "BucketName": .string(name),
            "BucketEncryption": ["ServerSideEncryptionConfiguration": [
                ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]],
            ]],
            "VersioningConfiguration": ["Status": "Enabled"],
        ], deletionPolicy: .retain, updateReplacePolicy: replacePolicy)
    }

    /// A function's role whose inline policy allows `actions` on `resources`.
    static func role(actions: [Value], resources: [Value], extraStatements: [Value] = []) -> Resource {
        Resource("ReaderRole", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
            ],
            "Policies": [[
                "PolicyName": "Read",
                "PolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": .list([["Effect": "Allow", "Action": .list(actions), "Resource": .list(resources)]] + extraStatements),
                ],
            ]],
        ])
    }

    static let dataBucket = Resource("DataBucket", type: "AWS::S3::Bucket", properties: ["VersioningConfiguration": ["Status": "Enabled"]])
    static let objects: Value = .sub("${DataBucket.Arn}/*")
    static let otherBucket = Resource("LogsBucket", type: "AWS::S3::Bucket")

    static func template(_ resources: [Resource], description: String? = nil) -> Template {
        Template(description: description, resources: resources)
    }
}
