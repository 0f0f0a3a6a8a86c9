import AWSConstructs
import CloudFormation

/// The walkthrough's Macie side in the delegated Macie administrator account
/// (`synth MacieDynamoDBAdministrator`): the custom data identifier, the
/// discovery job over every member account's export bucket in the stack's
/// Region, and findings alerts (an EventBridge rule to an SNS topic), all
/// as the single-account stack has them. Its own key encrypts the job
/// function's data and the topic.
public struct MacieDynamoDBAdministratorStack: StackDefinition {
    public var organization: MacieOrganization
    public var name = "MacieDynamoDBAdministrator"

    public init(organization: MacieOrganization = .example) {
        self.organization = organization
    }

    public func build(_ stack: Stack) throws {
        try organization.validate()
        stack.description = "Detect sensitive data in DynamoDB with Amazon Macie, administrator account: the custom identifier, the job over the member accounts' export buckets, findings alerts."
        let key = stack.add(Key(
            "MacieAdministratorKey",
            description: "Encrypts the Macie job function's environment, logs and dead letters, and the findings topic."))
        let memberBuckets = organization.memberAccounts.map { account in
            ClassificationJob.AccountBuckets(
                accountID: account,
                buckets: [.sub(SubTemplate(stringLiteral: organization.exportBucketName(account: account, region: "${AWS::Region}")))])
        }
        try organization.walkthrough.addDiscovery(to: stack, key: key, buckets: [], otherAccounts: memberBuckets)
    }
}
