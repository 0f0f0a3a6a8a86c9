// `synth` over an estate of stacks past one template and one account: two
// stacks where one takes three values of the other, a stack of 1,201
// resources that splits into nested stacks, and a stack deployed as a
// StackSet. The tests deploy them to moto and lint every file.
import CloudFormation
import SecurityRules
import SynthCommand

/// These stacks exercise how stacks are wired, not what they secure.
func securityRulesOff(_ stack: Stack) {
    StackRuleSetting.apply([StackRuleSetting("*", .off, because: "a fixture of stack wiring, not a stack to deploy")], to: stack)
}

let keyPolicy: Value = ["Version": "2012-10-17", "Statement": [[
    "Effect": "Allow", "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
    "Action": "kms:*", "Resource": "*",
]]]

/// Holds the data: a key, a bucket and a table the other stack uses.
struct StorageStack: StackDefinition {
    var name: String { "Storage" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("DataKey", type: "AWS::KMS::Key", properties: ["KeyPolicy": keyPolicy, "EnableKeyRotation": true], deletionPolicy: .retain, updateReplacePolicy: .retain))
        stack.add(Resource("DataBucket", type: "AWS::S3::Bucket", deletionPolicy: .retain, updateReplacePolicy: .retain))
        stack.add(Resource("OrdersTable", type: "AWS::DynamoDB::Table", properties: [
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
        ], deletionPolicy: .retain, updateReplacePolicy: .retain))
    }
}

/// Takes three values of `Storage`: the key's ARN, the bucket's name, the table's name.
struct ProcessingStack: StackDefinition {
    var name: String { "Processing" }
    var referencedStacks: [String] { ["Storage"] }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("WorkQueue", type: "AWS::SQS::Queue", properties: [
            "KmsMasterKeyId": .getAtt("DataKey", "Arn"), "MessageRetentionPeriod": 345_600,
            "Tags": [["Key": "bucket", "Value": .ref("DataBucket")], ["Key": "table", "Value": .sub("${OrdersTable}-orders")]],
        ], deletionPolicy: .delete, updateReplacePolicy: .delete))
        stack.output("WorkQueueUrl", .ref("WorkQueue"))
    }
}

/// 400 groups of a dead-letter queue, a queue and its policy, all encrypted
/// with one key: past the 500 resources of one template.
struct LargeStack: StackDefinition {
    var groups = 400
    var name: String { "Large" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("Key", type: "AWS::KMS::Key", properties: ["KeyPolicy": keyPolicy, "EnableKeyRotation": true], deletionPolicy: .retain, updateReplacePolicy: .retain))
        for index in 1...groups {
            stack.add(Resource("DeadLetters\(index)", type: "AWS::SQS::Queue", properties: [
                "KmsMasterKeyId": .ref("Key"), "QueueName": .sub("${AWS::StackName}-dead-\(index)"), "MessageRetentionPeriod": 1_209_600,
            ], deletionPolicy: .delete, updateReplacePolicy: .delete))
            stack.add(Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: [
                "KmsMasterKeyId": .getAtt("Key", "Arn"), "MessageRetentionPeriod": 345_600,
                "RedrivePolicy": ["deadLetterTargetArn": .getAtt("DeadLetters\(index)", "Arn"), "maxReceiveCount": 5],
            ], deletionPolicy: .delete, updateReplacePolicy: .delete))
            stack.add(Resource("QueuePolicy\(index)", type: "AWS::SQS::QueuePolicy", properties: [
                "Queues": [.ref("Queue\(index)")],
                "PolicyDocument": ["Version": "2012-10-17", "Statement": [[
                    "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": .getAtt("Queue\(index)", "Arn"),
                    "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                ]]],
            ]))
        }
        stack.output("KeyArn", .getAtt("Key", "Arn"))
    }
}

/// Deployed to every account of two organizational units, in two Regions.
struct MembersStack: StackDefinition {
    var name: String { "Members" }
    var stackSet: StackSetDeployment? {
        var deployment = StackSetDeployment(
            name: "estate-members", organizationalUnits: ["ou-ab12-cdefgh34", "ou-ab12-ijklmn56"], regions: ["eu-west-1", "us-east-1"])
        deployment.failureTolerance = .accounts(1)
        deployment.maxConcurrency = .accounts(4)
        return deployment
    }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("MemberKey", type: "AWS::KMS::Key", properties: ["KeyPolicy": keyPolicy, "EnableKeyRotation": true], deletionPolicy: .retain, updateReplacePolicy: .retain))
        stack.output("MemberKeyArn", .getAtt("MemberKey", "Arn"))
    }
}

enum EstateStacks: StackCatalog {
    static var stacks: [any StackDefinition] { [ProcessingStack(), StorageStack(), LargeStack(), MembersStack()] }
}

Synth<EstateStacks>.runAsMain()
