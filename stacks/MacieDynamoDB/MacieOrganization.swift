import AWSConstructs
import CloudFormation

/// The walkthrough across an AWS Organization, as companies run Macie: the
/// export side (key, buckets, tables, functions, schedule) in every member
/// account, deployed as a StackSet to organizational units and Regions, and
/// the Macie side (the custom identifier, one job over every member's export
/// bucket, findings alerts) in the delegated Macie administrator account.
///
/// Both sides are built from `walkthrough`, the single-account stack's
/// configuration: its data sets, schedule, export engine, billing, job and
/// alerts apply to the organization as they do to one account.
///
/// | side | stack | deployed |
/// |---|---|---|
/// | export | `MacieDynamoDBMember` (`member`) | by its StackSet (`<name>.stackset.yaml`) to every account of `deployment`'s units, in each of its Regions |
/// | Macie | `MacieDynamoDBAdministrator` (`administrator`) | as a stack in `administratorAccount`, once per Region of `deployment` |
public struct MacieOrganization: Sendable {
    /// The configuration both sides are built from.
    public var walkthrough: MacieDynamoDBStack
    /// The delegated Macie administrator account: its Macie service-linked
    /// role reads the members' export buckets, and it runs the job.
    public var administratorAccount: String
    /// The accounts of `deployment`'s organizational units: the job scans
    /// each one's export bucket (CloudFormation cannot list a unit's accounts).
    public var memberAccounts: [String]
    /// Where the export side goes: units, Regions, failure tolerance, concurrency.
    public var deployment: StackSetDeployment
    /// The start of every member export bucket's name (`exportBucketName`).
    public var exportBucketPrefix: String

    public init(
        walkthrough: MacieDynamoDBStack = MacieDynamoDBStack(), administratorAccount: String, memberAccounts: [String],
        deployment: StackSetDeployment, exportBucketPrefix: String = "macie-dynamodb-export"
    ) {
        self.walkthrough = walkthrough
        self.administratorAccount = administratorAccount
        self.memberAccounts = memberAccounts
        self.deployment = deployment
        self.exportBucketPrefix = exportBucketPrefix
    }

    /// The export side, deployed as a StackSet.
    public var member: MacieDynamoDBMemberStack { MacieDynamoDBMemberStack(organization: self) }
    /// The Macie side, deployed in the administrator account.
    public var administrator: MacieDynamoDBAdministratorStack { MacieDynamoDBAdministratorStack(organization: self) }

    /// The export bucket's name in an account and Region: the one naming
    /// rule both sides follow, `<prefix>-<account>-<region>`. The member
    /// stack passes `${AWS::AccountId}` and `${AWS::Region}`; the
    /// administrator stack each member's ID and `${AWS::Region}`.
    public func exportBucketName(account: String, region: String) -> String {
        "\(exportBucketPrefix)-\(account)-\(region)"
    }

    /// The ARN of the administrator's Macie service-linked role, which the
    /// members' bucket policies and key policies admit.
    public var administratorMacieRole: TemplateExpression<String> { MacieServiceLinkedRole.arn(account: administratorAccount) }

    /// Everything wrong with the organization's settings, at once.
    public var problems: [String] {
        var problems: [String] = []
        let isAccountID = { (id: String) in id.count == 12 && id.allSatisfy { $0.isASCII && $0.isNumber } }
        if !isAccountID(administratorAccount) {
            problems.append("the administrator account '\(administratorAccount)' is not an account ID (12 digits)")
        }
        if memberAccounts.isEmpty { problems.append("no member accounts: the job would scan nothing") }
        for account in memberAccounts where !isAccountID(account) {
            problems.append("member account '\(account)' is not an account ID (12 digits)")
        }
        for account in Set(memberAccounts).sorted() where memberAccounts.filter({ $0 == account }).count > 1 {
            problems.append("member account \(account) is listed twice")
        }
        // S3's rule for bucket names: 3 to 63 lowercase letters, digits and
        // hyphens, starting with a letter or digit.
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        if exportBucketPrefix.isEmpty || !exportBucketPrefix.allSatisfy(allowed.contains) || exportBucketPrefix.hasPrefix("-") {
            problems.append("the export bucket prefix '\(exportBucketPrefix)' must be lowercase letters, digits and hyphens, not starting with a hyphen")
        }
        for region in deployment.regions {
            let name = exportBucketName(account: "123456789012", region: region)
            if name.count > 63 {
                problems.append("export bucket names in \(region) would be \(name.count) characters ('\(name)'); S3 allows 63: shorten the prefix")
            }
        }
        return problems
    }

    /// Throws every problem of the settings at once.
    func validate() throws {
        guard problems.isEmpty else { throw InvalidOrganization(problems: problems) }
    }
}

/// Organization settings the two stacks cannot be built from.
public struct InvalidOrganization: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "the organization is not valid: " + problems.joined(separator: "; ") }
}
