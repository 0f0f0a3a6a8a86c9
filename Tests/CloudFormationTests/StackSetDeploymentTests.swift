import CloudFormation
import Testing

@Suite("StackSets: a stack deployed to the accounts of organizational units")
struct StackSetDeploymentTests {
    private var deployment: StackSetDeployment {
        var deployment = StackSetDeployment(
            name: "macie-exports", organizationalUnits: ["ou-ab12-cdefgh34", "ou-ab12-ijklmn56"], regions: ["eu-west-1", "us-east-1"])
        deployment.failureTolerance = .accounts(1)
        deployment.maxConcurrency = .percentage(25)
        deployment.parameters = ["Stage": "prod", "EnableMacie": "false"]
        return deployment
    }

    @Test("the StackSet template carries the member template and every typed option")
    func template() throws {
        let member = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
        let template = try deployment.template(memberTemplate: member, stack: "Exports")
        let stackSet = try #require(template.resources.first)
        #expect(template.resources.count == 1)
        #expect(stackSet.type == "AWS::CloudFormation::StackSet")
        let properties = stackSet.properties
        #expect(properties["TemplateBody"] == .string(member))
        #expect(properties["PermissionModel"] == "SERVICE_MANAGED")
        #expect(properties["CallAs"] == "DELEGATED_ADMIN")
        #expect(properties["AutoDeployment"] == ["Enabled": true, "RetainStacksOnAccountRemoval": false])
        #expect(properties["StackInstancesGroup"] == [[
            "DeploymentTargets": ["OrganizationalUnitIds": ["ou-ab12-cdefgh34", "ou-ab12-ijklmn56"]],
            "Regions": ["eu-west-1", "us-east-1"],
        ]])
        let preferences = try #require(properties["OperationPreferences"]?.objectValue)
        #expect(preferences["FailureToleranceCount"] == 1)
        #expect(preferences["MaxConcurrentPercentage"] == 25)
        #expect(preferences["RegionOrder"] == ["eu-west-1", "us-east-1"])
        #expect(properties["Parameters"] == [
            ["ParameterKey": "EnableMacie", "ParameterValue": "false"],
            ["ParameterKey": "Stage", "ParameterValue": "prod"],
        ])
        #expect(TemplateValidator.validate(template, stack: "Exports") == [])
    }

    @Test("every invalid setting is reported at once")
    func problems() {
        var deployment = StackSetDeployment(name: "1 exports", organizationalUnits: ["ou-AB", "r-ab12"], regions: ["mars", "eu-west-1", "eu-west-1"])
        deployment.failureTolerance = .accounts(3)
        deployment.maxConcurrency = .accounts(2)
        let messages = deployment.problems(stack: "Exports").map(\.message)
        #expect(messages.count == 5)
        #expect(messages.contains { $0.contains("'1 exports'") })
        #expect(messages.contains { $0.contains("'ou-AB' is not an organizational unit") })
        #expect(messages.contains { $0.contains("'mars' is not a Region") })
        #expect(messages.contains("a Region is listed twice"))
        #expect(messages.contains { $0.contains("maximum concurrency (2) must be at least the failure tolerance plus one (4)") })
    }

    @Test("a member template past the inline limit is an error, not a broken StackSet")
    func tooLarge() {
        let body = String(repeating: "#", count: StackSetDeployment.templateBodyBytes + 1)
        #expect(throws: SynthesisError.self) { try deployment.template(memberTemplate: body, stack: "Exports") }
    }
}
