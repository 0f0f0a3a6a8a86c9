import AWSConstructs
import CloudFormation

/// The walkthrough's export side in a member account of the organization
/// (`synth MacieDynamoDBMember`): the single-account stack's key, buckets,
/// tables, functions and schedule, with the export bucket named by the
/// organization's rule, and the administrator's Macie service-linked role
/// let read it and decrypt it. Macie itself is enabled in the member by its
/// administrator, not by this stack. Deployed by its StackSet
/// (`generated/MacieDynamoDBMember.stackset.yaml`).
public struct MacieDynamoDBMemberStack: StackDefinition {
    public var organization: MacieOrganization
    public var name = "MacieDynamoDBMember"

    public init(organization: MacieOrganization = .example) {
        self.organization = organization
    }

    public var stackSet: StackSetDeployment? { organization.deployment }

    public func build(_ stack: Stack) throws {
        try organization.validate()
        stack.description = "Detect sensitive data in DynamoDB with Amazon Macie, member account: export tables on a schedule to the bucket the Macie administrator scans."
        let exportBucketName = organization.exportBucketName(account: "${AWS::AccountId}", region: "${AWS::Region}")
        let exportSide = try organization.walkthrough.addExportSide(
            to: stack, macieRole: organization.administratorMacieRole,
            exportBucketName: .sub(SubTemplate(stringLiteral: exportBucketName)))
        exportSide.exportBucket.allowRead(byRole: organization.administratorMacieRole, sid: "MacieAdministratorReads")
    }
}
