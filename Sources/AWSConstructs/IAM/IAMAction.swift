/// One IAM action, typed by the kind of resource it applies to. Every action
/// here is exact (no wildcards) and exists in cfn-lint's catalog of actions,
/// which a test checks.
public struct IAMAction<Kind: ARNKind>: Hashable, Comparable, Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }
}

extension IAMAction where Kind == S3ObjectARN {
    public static let getObject = Self("s3:GetObject")
    public static let getObjectVersion = Self("s3:GetObjectVersion")
    public static let putObject = Self("s3:PutObject")
    public static let putObjectAcl = Self("s3:PutObjectAcl")
    public static let abortMultipartUpload = Self("s3:AbortMultipartUpload")
    public static let deleteObject = Self("s3:DeleteObject")
    public static let deleteObjectVersion = Self("s3:DeleteObjectVersion")
}

extension IAMAction where Kind == S3BucketARN {
    public static let listBucket = Self("s3:ListBucket")
    public static let listBucketVersions = Self("s3:ListBucketVersions")
}

extension IAMAction where Kind == DynamoDBTableARN {
    public static let batchGetItem = Self("dynamodb:BatchGetItem")
    public static let batchWriteItem = Self("dynamodb:BatchWriteItem")
    public static let conditionCheckItem = Self("dynamodb:ConditionCheckItem")
    public static let deleteItem = Self("dynamodb:DeleteItem")
    public static let describeTable = Self("dynamodb:DescribeTable")
    public static let exportTableToPointInTime = Self("dynamodb:ExportTableToPointInTime")
    public static let getItem = Self("dynamodb:GetItem")
    public static let putItem = Self("dynamodb:PutItem")
    public static let query = Self("dynamodb:Query")
    public static let scan = Self("dynamodb:Scan")
    public static let updateItem = Self("dynamodb:UpdateItem")
}

extension IAMAction where Kind == DynamoDBIndexARN {
    public static let query = Self("dynamodb:Query")
    public static let scan = Self("dynamodb:Scan")
}

extension IAMAction where Kind == DynamoDBExportARN {
    public static let describeExport = Self("dynamodb:DescribeExport")
}

extension IAMAction where Kind == KMSKeyARN {
    public static let decrypt = Self("kms:Decrypt")
    public static let describeKey = Self("kms:DescribeKey")
    public static let encrypt = Self("kms:Encrypt")
    public static let generateDataKey = Self("kms:GenerateDataKey")
    public static let reEncryptFrom = Self("kms:ReEncryptFrom")
    public static let reEncryptTo = Self("kms:ReEncryptTo")
}

extension IAMAction where Kind == LambdaFunctionARN {
    public static let invokeFunction = Self("lambda:InvokeFunction")
}

extension IAMAction where Kind == LogGroupARN {
    public static let createLogStream = Self("logs:CreateLogStream")
    public static let putLogEvents = Self("logs:PutLogEvents")
}

extension IAMAction where Kind == SNSTopicARN {
    public static let publish = Self("sns:Publish")
}

extension IAMAction where Kind == SQSQueueARN {
    public static let sendMessage = Self("sqs:SendMessage")
    public static let receiveMessage = Self("sqs:ReceiveMessage")
    public static let deleteMessage = Self("sqs:DeleteMessage")
    public static let getQueueAttributes = Self("sqs:GetQueueAttributes")
}

extension IAMAction where Kind == SSMParameterARN {
    public static let getParameter = Self("ssm:GetParameter")
    public static let putParameter = Self("ssm:PutParameter")
}

extension IAMAction where Kind == MacieClassificationJobARN {
    public static let createClassificationJob = Self("macie2:CreateClassificationJob")
    public static let describeClassificationJob = Self("macie2:DescribeClassificationJob")
    public static let updateClassificationJob = Self("macie2:UpdateClassificationJob")
}
