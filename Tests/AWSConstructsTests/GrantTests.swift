import AWSConstructs
import AWSResources
import CloudFormation
import Testing

/// One grant on a fresh function, and the statements it adds to the
/// function's role beyond the ones every function has (logs, dead letters).
private func grantStatements(_ grant: @escaping @Sendable (Function, Key, Stack) -> Void) throws -> [Value] {
    let baseline = try synthesized { stack in
        let key = stack.add(Key("Key", description: "k"))
        stack.add(Function("Worker", code: inlineCode, key: key))
    }.statements(ofRole: "WorkerRole")
    let granted = try synthesized { stack in
        let key = stack.add(Key("Key", description: "k"))
        let function = stack.add(Function("Worker", code: inlineCode, key: key))
        grant(function, key, stack)
    }.statements(ofRole: "WorkerRole")
    return granted.filter { !baseline.contains($0) }
}

private func via(_ service: String) -> Value {
    ["StringEquals": ["kms:ViaService": .sub("\(service).${AWS::Region}.amazonaws.com")]]
}

@Suite("Grants: exact actions, exact resources")
struct GrantTests {
    @Test("table.grantReadData, on a table without indexes, encrypted with the stack's key")
    func tableRead() throws {
        let statements = try grantStatements { function, key, stack in
            stack.add(Table("T", partitionKey: .string("id"), encryption: .kms(key))).grantReadData(to: function)
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"], "Resource": .getAtt("T", "Arn")],
            ["Effect": "Allow", "Action": "kms:Decrypt", "Resource": .getAtt("Key", "Arn"), "Condition": via("dynamodb")],
        ])
    }

    @Test("table.grantReadData on a table with indexes also covers table/<name>/index/*")
    func tableReadWithIndexes() throws {
        let statements = try grantStatements { function, _, stack in
            stack.add(Table("T", partitionKey: .string("id"), globalIndexes: [Table.GlobalIndex("ByOwner", partitionKey: .string("owner"))]))
                .grantReadData(to: function)
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"], "Resource": .getAtt("T", "Arn")],
            ["Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:Scan"], "Resource": .sub("${T.Arn}/index/*")],
        ])
    }

    @Test("table.grantWriteData")
    func tableWrite() throws {
        let statements = try grantStatements { function, key, stack in
            stack.add(Table("T", partitionKey: .string("id"), encryption: .kms(key))).grantWriteData(to: function)
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem"], "Resource": .getAtt("T", "Arn")],
            ["Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], "Resource": .getAtt("Key", "Arn"), "Condition": via("dynamodb")],
        ])
    }

    @Test("table.grantScan: Scan only, on that table only")
    func tableScan() throws {
        let statements = try grantStatements { function, _, stack in
            stack.add(Table("T", partitionKey: .string("id"))).grantScan(to: function)
        }
        #expect(statements == [["Effect": "Allow", "Action": "dynamodb:Scan", "Resource": .getAtt("T", "Arn")]])
    }

    @Test("bucket.grantRead: objects get GetObject, the bucket ListBucket, the key Decrypt through S3")
    func bucketRead() throws {
        let statements = try grantStatements { function, key, stack in
            stack.add(Bucket("B", encryption: .kms(key), accessLogs: .none(because: "test"))).grantRead(to: function, prefix: "exports/")
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("${B.Arn}/exports/*")],
            ["Effect": "Allow", "Action": "s3:ListBucket", "Resource": .getAtt("B", "Arn")],
            ["Effect": "Allow", "Action": "kms:Decrypt", "Resource": .getAtt("Key", "Arn"), "Condition": via("s3")],
        ])
    }

    @Test("bucket.grantPut: PutObject on the objects, GenerateDataKey through S3 (and Decrypt for multipart)")
    func bucketPut() throws {
        let single = try grantStatements { function, key, stack in
            stack.add(Bucket("B", encryption: .kms(key), accessLogs: .none(because: "test"))).grantPut(to: function)
        }
        #expect(single == [
            ["Effect": "Allow", "Action": "s3:PutObject", "Resource": .sub("${B.Arn}/*")],
            ["Effect": "Allow", "Action": "kms:GenerateDataKey", "Resource": .getAtt("Key", "Arn"), "Condition": via("s3")],
        ])
        let multipart = try grantStatements { function, key, stack in
            stack.add(Bucket("B", encryption: .kms(key), accessLogs: .none(because: "test"))).grantPut(to: function, multipart: true)
        }
        #expect(multipart[1] == ["Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": .getAtt("Key", "Arn"), "Condition": via("s3")])
    }

    @Test("bucket.grantDelete, on an SSE-S3 bucket: no KMS at all")
    func bucketDelete() throws {
        let statements = try grantStatements { function, _, stack in
            stack.add(Bucket("B", encryption: .s3Managed, accessLogs: .none(because: "test"))).grantDelete(to: function)
        }
        #expect(statements == [["Effect": "Allow", "Action": "s3:DeleteObject", "Resource": .sub("${B.Arn}/*")]])
    }

    @Test("key.grantEncryptDecrypt and key.grant(to:actions:)")
    func keyGrants() throws {
        let statements = try grantStatements { function, key, _ in
            key.grantEncryptDecrypt(to: function)
            key.grant(to: function, [.describeKey])
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"], "Resource": .getAtt("Key", "Arn")],
        ])
    }

    @Test("topic.grantPublish and queue.grantSend")
    func messaging() throws {
        let statements = try grantStatements { function, key, stack in
            stack.add(Topic("Alerts", key: key)).grantPublish(to: function)
            stack.add(Queue("Work", key: key)).grantSend(to: function)
        }
        #expect(statements == [
            ["Effect": "Allow", "Action": "sns:Publish", "Resource": .ref("Alerts")],
            ["Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": .getAtt("Key", "Arn"), "Condition": via("sns")],
            ["Effect": "Allow", "Action": "sqs:SendMessage", "Resource": .getAtt("Work", "Arn")],
        ])
    }

    @Test("statements merge: same effect, resources and conditions make one; actions and resources sorted")
    func merging() {
        let a = ARN<S3ObjectARN>(unchecked: "arn:aws:s3:::b/*")
        let merged = PolicyStatement.merged([
            .allow([.putObject], on: [a]),
            .allow([.getObject, .deleteObject], on: [a]),
            .allow([.listBucket], on: [ARN(unchecked: "arn:aws:s3:::b")]),
        ])
        #expect(merged.map(\.actions) == [["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], ["s3:ListBucket"]])
    }

    @Test("every action the constructs grant exists in IAM's catalog, and none is a wildcard")
    func actionsExist() {
        let actions: [String] = [
            IAMAction<S3ObjectARN>.getObject, .getObjectVersion, .putObject, .deleteObject, .deleteObjectVersion,
        ].map(\.name) + [IAMAction<S3BucketARN>.listBucket, .listBucketVersions].map(\.name)
            + [IAMAction<DynamoDBTableARN>.batchGetItem, .batchWriteItem, .conditionCheckItem, .deleteItem, .describeTable, .getItem, .putItem, .query, .scan, .updateItem].map(\.name)
            + [IAMAction<KMSKeyARN>.decrypt, .describeKey, .encrypt, .generateDataKey, .reEncryptFrom, .reEncryptTo].map(\.name)
            + [IAMAction<LambdaFunctionARN>.invokeFunction.name, IAMAction<SNSTopicARN>.publish.name]
            + [IAMAction<SQSQueueARN>.sendMessage, .receiveMessage, .deleteMessage, .getQueueAttributes].map(\.name)
            + [IAMAction<LogGroupARN>.createLogStream, .putLogEvents].map(\.name)
        for action in actions {
            #expect(IAMActionCatalog.exists(action), "\(action)")
            #expect(!action.contains("*"))
        }
    }
}
