import AWSConstructs
import AWSResources
import CloudFormation
import Testing

@Suite("Construct defaults")
struct ConstructDefaultsTests {
    @Test("a bucket: SSE-KMS with a bucket key, all public-access blocks, owner-enforced, versioned, TLS-only, logged, retained")
    func bucket() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            let logs = stack.add(Bucket.accessLogBucket("Logs"))
            stack.add(Bucket("Data", encryption: .kms(key), accessLogs: .to(logs, prefix: "data/")))
        }
        let data = try #require(template.resource("Data"))
        #expect(data.deletionPolicy == .retain && data.updateReplacePolicy == .retain)
        #expect(data.properties == [
            "BucketEncryption": ["ServerSideEncryptionConfiguration": [[
                "BucketKeyEnabled": true,
                "ServerSideEncryptionByDefault": ["KMSMasterKeyID": .getAtt("Key", "Arn"), "SSEAlgorithm": "aws:kms"],
            ]]],
            "LoggingConfiguration": ["DestinationBucketName": .ref("Logs"), "LogFilePrefix": "data/"],
            "OwnershipControls": ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]],
            "PublicAccessBlockConfiguration": [
                "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
            ],
            "VersioningConfiguration": ["Status": "Enabled"],
        ])
        #expect(template.resource("DataPolicy")?.properties["PolicyDocument"] == [
            "Version": "2012-10-17",
            "Statement": [[
                "Sid": "DenyRequestsWithoutTLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [.getAtt("Data", "Arn"), .sub("${Data.Arn}/*")],
                "Condition": ["Bool": ["aws:SecureTransport": false]],
            ]],
        ])
        // The log bucket: SSE-S3, no logs of its own (with the reason), and S3's log delivery allowed for Data only.
        let logs = try #require(template.resource("Logs"))
        #expect(logs.properties["BucketEncryption"] == ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]])
        #expect(logs.metadata == [
            "synth": ["suppress": [
                ["rule": "S3-ACCESS-LOGS", "reason": "This bucket receives the other buckets' access logs; logging it to itself would loop."],
                ["rule": "S3-KMS", "reason": "S3 delivers server access logs only to buckets encrypted with SSE-S3, not SSE-KMS."],
            ]],
            "checkov": ["skip": [["id": "CKV_AWS_18", "comment": "This bucket receives the other buckets' access logs; logging it to itself would loop."]]],
        ])
        guard case .list(let statements)? = template.resource("LogsPolicy")?.properties["PolicyDocument"]?.objectValue?["Statement"] else {
            Issue.record("no log bucket policy")
            return
        }
        let delivery: Value = [
            "Sid": "AccessLogsFromData", "Effect": "Allow", "Principal": ["Service": "logging.s3.amazonaws.com"],
            "Action": "s3:PutObject", "Resource": .sub("${Logs.Arn}/data/*"),
            "Condition": ["ArnLike": ["aws:SourceArn": .getAtt("Data", "Arn")], "StringEquals": ["aws:SourceAccount": .accountID]],
        ]
        #expect(statements[1] == delivery)
    }

    @Test("a table: point-in-time recovery, the customer key, deletion protection, on-demand unless provisioned, retained")
    func table() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            stack.add(Table("People", name: "people-macie", partitionKey: .string("id"), encryption: .kms(key)))
            let provisioned = Table("Accounts", partitionKey: .string("id"), sortKey: .number("at"), billing: .provisioned(read: 5, write: 5),
                                    globalIndexes: [Table.GlobalIndex("ById", partitionKey: .string("id"))])
            provisioned.deletionProtection = false
            stack.add(provisioned)
        }
        let people = try #require(template.resource("People"))
        #expect(people.deletionPolicy == .retain)
        #expect(people.properties == [
            "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
            "BillingMode": "PAY_PER_REQUEST",
            "DeletionProtectionEnabled": true,
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true],
            "SSESpecification": ["KMSMasterKeyId": .getAtt("Key", "Arn"), "SSEEnabled": true, "SSEType": "KMS"],
            "TableName": "people-macie",
        ])
        let accounts = try #require(template.resource("Accounts")).properties
        #expect(accounts["BillingMode"] == "PROVISIONED")
        #expect(accounts["ProvisionedThroughput"] == ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5])
        #expect(accounts["DeletionProtectionEnabled"] == nil)
        #expect(accounts["AttributeDefinitions"] == [["AttributeName": "id", "AttributeType": "S"], ["AttributeName": "at", "AttributeType": "N"]])
        #expect(accounts["GlobalSecondaryIndexes"] == [[
            "IndexName": "ById", "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "Projection": ["ProjectionType": "ALL"], "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
        ]])
    }

    @Test("a key: rotation on, retained, the root administers, every other principal named")
    func key() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k", alias: "alias/MyKey"))
            key.allow(.role(.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")),
                      [.decrypt, .describeKey], sid: "MacieDecrypts")
        }
        let key = try #require(template.resource("Key"))
        #expect(key.deletionPolicy == .retain && key.updateReplacePolicy == .retain)
        #expect(key.properties["EnableKeyRotation"] == true)
        #expect(key.properties["KeyPolicy"] == [
            "Version": "2012-10-17",
            "Statement": [
                ["Sid": "AccountRootAdministers", "Effect": "Allow", "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")], "Action": "kms:*", "Resource": "*"],
                ["Sid": "MacieDecrypts", "Effect": "Allow",
                 "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")],
                 "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"],
            ],
        ])
        #expect(template.resource("KeyAlias")?.properties == ["AliasName": "alias/MyKey", "TargetKeyId": .ref("Key")])
    }

    @Test("a function: its own role, its own encrypted log group with retention, reserved concurrency, a dead-letter queue, encrypted environment")
    func function() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            stack.add(Function("Export", name: "Export-DynamoDB-Data-To-S3", code: inlineCode, timeout: 120, environment: ["A_B": "c"], key: key))
        }
        let function = try #require(template.resource("Export"))
        #expect(function.properties["Role"] == .getAtt("ExportRole", "Arn"))
        #expect(function.properties["Runtime"] == "python3.13")
        #expect(function.properties["ReservedConcurrentExecutions"] == 1)
        #expect(function.properties["KmsKeyArn"] == .getAtt("Key", "Arn"))
        #expect(function.properties["DeadLetterConfig"] == ["TargetArn": .getAtt("ExportDeadLetterQueue", "Arn")])
        #expect(function.properties["LoggingConfig"] == ["LogFormat": "Text", "LogGroup": .ref("ExportLogGroup")])
        #expect(function.properties["Timeout"] == 120)
        #expect(template.resource("ExportLogGroup")?.properties == [
            "KmsKeyId": .getAtt("Key", "Arn"), "LogGroupName": "/aws/lambda/Export-DynamoDB-Data-To-S3", "RetentionInDays": 365,
        ])
        #expect(template.resource("ExportRole")?.properties["AssumeRolePolicyDocument"] == [
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ])
        let logging: Value = [
            "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": .getAtt("ExportLogGroup", "Arn"),
        ]
        #expect(template.statements(ofRole: "ExportRole").contains(logging))
        #expect(template.resource("ExportDeadLetterQueue")?.properties == ["KmsMasterKeyId": .getAtt("Key", "Arn"), "MessageRetentionPeriod": 1_209_600])
        // The key lets CloudWatch Logs use it, for this account's log groups only.
        guard case .list(let keyStatements)? = template.resource("Key")?.properties["KeyPolicy"]?.objectValue?["Statement"] else { return }
        #expect(keyStatements.count == 2)
        #expect(keyStatements[1].objectValue?["Principal"] == ["Service": .sub("logs.${AWS::Region}.amazonaws.com")])
    }

    @Test("a scheduled rule: the expression, and an invoke permission scoped to the rule", arguments: [
        (Schedule.rate(.hours(1)), "rate(1 hour)"), (.rate(.hours(2)), "rate(2 hours)"), (.rate(.minutes(1)), "rate(1 minute)"),
        (.rate(.days(7)), "rate(7 days)"), (.cron(minutes: "0", hours: "12"), "cron(0 12 * * ? *)"),
    ])
    func rule(schedule: Schedule, expression: String) throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            let function = stack.add(Function("Export", code: inlineCode, key: key))
            let rule = stack.add(Rule("ExportRule", name: "ExportDynamoDBData", trigger: .schedule(schedule)))
            rule.addTarget(function, permissionLogicalID: "PermissionForEventsToInvokeDynamoExport")
        }
        #expect(template.resource("ExportRule")?.properties == [
            "Name": "ExportDynamoDBData", "ScheduleExpression": .string(expression), "State": "ENABLED",
            "Targets": [["Arn": .getAtt("Export", "Arn"), "Id": "Export"]],
        ])
        #expect(template.resource("PermissionForEventsToInvokeDynamoExport")?.properties == [
            "Action": "lambda:InvokeFunction", "FunctionName": .ref("Export"), "Principal": "events.amazonaws.com",
            "SourceArn": .getAtt("ExportRule", "Arn"),
        ])
    }

    @Test("a queue and a topic: encrypted with the customer key; both deny requests without TLS; a dead-letter queue when given")
    func queueAndTopic() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            let work = stack.add(Queue("Work", key: key, retentionPeriod: 345_600))
            work.deadLetters = (stack.add(Queue("Failed", key: key)), 3)
            stack.add(Topic("Alerts", key: key))
        }
        #expect(template.resource("Work")?.properties == [
            "KmsMasterKeyId": .getAtt("Key", "Arn"), "MessageRetentionPeriod": 345_600,
            "RedrivePolicy": ["deadLetterTargetArn": .getAtt("Failed", "Arn"), "maxReceiveCount": 3],
        ])
        #expect(template.resource("WorkPolicy")?.properties == [
            "PolicyDocument": ["Version": "2012-10-17", "Statement": [[
                "Sid": "DenyRequestsWithoutTLS", "Effect": "Deny", "Principal": "*", "Action": "sqs:*",
                "Resource": .getAtt("Work", "Arn"), "Condition": ["Bool": ["aws:SecureTransport": false]],
            ]]],
            "Queues": [.ref("Work")],
        ])
        #expect(template.resource("Work")?.deletionPolicy == .delete)
        #expect(template.resource("Alerts")?.properties == ["KmsMasterKeyId": .getAtt("Key", "Arn")])
        #expect(template.resource("AlertsPolicy")?.properties["Topics"] == [.ref("Alerts")])
    }
}
