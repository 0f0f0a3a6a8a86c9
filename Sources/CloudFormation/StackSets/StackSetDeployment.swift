/// A stack deployed to the accounts of organizational units, in several
/// Regions, as a CloudFormation StackSet with service-managed permissions:
/// AWS Organizations creates the stack in every account of the units, and
/// (with automatic deployment) in every account that joins them later.
///
/// Deployed from the organization's management account, or from a
/// CloudFormation delegated administrator account (`callAs: .delegatedAdmin`).
public struct StackSetDeployment: Hashable, Sendable {
    /// Whether a failure or concurrency bound is a number of accounts or a percentage of them.
    public enum Bound: Hashable, Sendable {
        case accounts(Int)
        case percentage(Int)
    }

    /// Who the caller is in the organization.
    public enum Caller: String, Hashable, Sendable {
        /// The organization's management account.
        case managementAccount = "SELF"
        /// An account registered as CloudFormation's delegated administrator.
        case delegatedAdmin = "DELEGATED_ADMIN"
    }

    /// Whether Regions are deployed one after another or side by side.
    public enum RegionOrder: String, Hashable, Sendable {
        case sequential = "SEQUENTIAL"
        case parallel = "PARALLEL"
    }

    /// The StackSet's name (`StackSetName`): letters, digits and hyphens, starting with a letter.
    public var name: String
    /// Organizational unit IDs (`ou-…`) or the organization's root (`r-…`).
    public var organizationalUnits: [String]
    public var regions: [String]
    /// Deploy to accounts that join the units later, and remove from accounts that leave.
    public var automaticDeployment = true
    /// Keep the stacks' resources when an account leaves the units.
    public var retainStacksOnAccountRemoval = false
    /// How many accounts may fail in a Region before CloudFormation stops the operation there.
    public var failureTolerance = Bound.accounts(0)
    /// How many accounts are deployed at once.
    public var maxConcurrency = Bound.accounts(1)
    public var regionOrder = RegionOrder.sequential
    public var caller = Caller.delegatedAdmin
    /// Let CloudFormation run non-conflicting operations of the StackSet concurrently.
    public var managedExecution = true
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`: what the member template needs.
    public var capabilities: [String] = ["CAPABILITY_IAM"]
    /// Values for the member template's parameters (written in key order).
    public var parameters: [String: String] = [:]

    public init(name: String, organizationalUnits: [String], regions: [String]) {
        self.name = name
        self.organizationalUnits = organizationalUnits
        self.regions = regions
    }
}
