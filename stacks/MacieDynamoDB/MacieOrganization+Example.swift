import CloudFormation

extension MacieOrganization {
    /// The walkthrough's default configuration across an example
    /// organization: the export side in the accounts of one organizational
    /// unit, in two Regions, and the Macie side in a delegated administrator
    /// account. Put your organization's account IDs, units and Regions here.
    public static var example: MacieOrganization {
        var deployment = StackSetDeployment(
            name: "macie-dynamodb-member", organizationalUnits: ["ou-a1b2-c3d4e5f6"], regions: ["eu-west-1", "us-east-1"])
        deployment.failureTolerance = .accounts(0)
        deployment.maxConcurrency = .accounts(2)
        return MacieOrganization(
            administratorAccount: "111111111111", memberAccounts: ["222222222222", "333333333333"], deployment: deployment)
    }
}
