import CloudFormation

/// Small building blocks for the IAM tests' templates, so each test shows
/// only the policies it is about.
enum IAMTestTemplates {
    /// A policy document holding `statements`.
    static func document(_ statements: Value...) -> Value {
        ["Version": "2012-10-17", "Statement": .list(statements)]
    }

    /// Lambda may assume the role: the trust policy of a function's role.
    static let lambdaTrust: Value = document([
        "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole",
    ])

    /// A role named `name` whose inline policy holds `statements` (none: no `Policies`).
    static func role(
        _ logicalID: String, name: String? = nil, statements: [Value] = [], managedPolicyArns: [Value]? = nil,
        permissionsBoundary: Value? = nil
    ) -> Resource {
        var properties: Object = ["AssumeRolePolicyDocument": lambdaTrust]
        if let name { properties["RoleName"] = .string(name) }
        if !statements.isEmpty {
            properties["Policies"] = [[
                "PolicyName": "inline",
                "PolicyDocument": ["Version": "2012-10-17", "Statement": .list(statements)],
            ]]
        }
        if let managedPolicyArns { properties["ManagedPolicyArns"] = .list(managedPolicyArns) }
        if let permissionsBoundary { properties["PermissionsBoundary"] = permissionsBoundary }
        return Resource(logicalID, type: "AWS::IAM::Role", properties: properties)
    }

    static func bucket(_ logicalID: String, name: String? = nil) -> Resource {
        Resource(logicalID, type: "AWS::S3::Bucket", properties: name.map { ["BucketName": .string($0)] } ?? [:])
    }

    /// A bucket policy on the bucket with logical ID `bucket`.
    static func bucketPolicy(_ logicalID: String, bucket: String, _ statements: Value...) -> Resource {
        Resource(logicalID, type: "AWS::S3::BucketPolicy", properties: [
            "Bucket": .ref(bucket),
            "PolicyDocument": ["Version": "2012-10-17", "Statement": .list(statements)],
        ])
    }

    /// A role `Reader` allowed `s3:GetObject` on every object of bucket
    /// `data-bucket` when `condition` holds: the subject of condition tests.
    static func conditionalReader(_ condition: Value) -> Template {
        Template(resources: [
            bucket("Data", name: "data-bucket"),
            role("Reader", statements: [[
                "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data-bucket/*",
                "Condition": condition,
            ]]),
        ])
    }
}
