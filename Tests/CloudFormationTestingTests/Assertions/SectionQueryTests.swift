import CloudFormation
import CloudFormationTesting
import Testing

@Suite("Template queries: outputs, parameters, conditions, mappings")
struct SectionQueryTests {
    let template = AssertionFixtures.exports

    @Test("outputs match as the template shows them, by pattern or by name")
    func outputs() {
        #expect(template.hasOutput(["Value": .ref("ExportBucket")]))
        #expect(template.matchOutput(["Value": .getAtt("ExportRole", .anyValue)]).matchingIDs == ["RoleArn"])
        #expect(template.hasOutput("BucketName", ["Export": ["Name": .sub(.stringContaining("-bucket"))]]))
        #expect(template.hasOutput("RoleArn", ["Description": "The export role.", "Condition": "IsProduction", "Export": .absent]))
        #expect(!template.hasOutput("RoleArn", ["Export": .anyValue]))
        #expect(template.hasOutput("BucketName"))
        #expect(!template.hasOutput("BucketNames"))
    }

    @Test("parameters show their type, default, allowed values and bounds, and NoEcho only when set")
    func parameters() {
        #expect(template.hasParameter("Environment", [
            "Type": "String", "Default": "dev", "AllowedValues": .arrayContaining(["prod"]), "NoEcho": .absent,
        ]))
        #expect(template.hasParameter("Memory", .objectEquals([
            "Type": "Number", "Default": 256, "MinValue": 128, "MaxValue": 10_240.5, "NoEcho": true,
        ])))
        #expect(template.matchParameter(["Description": .stringContaining("runs")]).matchingIDs == ["Environment"])
        #expect(!template.hasParameter("Environment", ["AllowedValues": .arrayContaining(["test"])]))
    }

    @Test("conditions match as their condition function")
    func conditions() {
        #expect(template.hasCondition("IsProduction", .function("Fn::Equals", [.ref("Environment"), "prod"])))
        #expect(template.hasCondition(Matcher(.equals(.ref("Environment"), "prod"))))
        #expect(!template.hasCondition("IsProduction", .function("Fn::Equals", [.ref("Environment"), "dev"])))
        #expect(template.matchCondition("IsProduction", .function("Fn::Equals", [.ref("Environment"), "dev"])).message == """
            Condition IsProduction does not match the pattern:
              Conditions.IsProduction.Fn::Equals[1]: expected "dev", found "prod"
            """)
        #expect(!template.hasCondition("IsDevelopment"))
    }

    @Test("mappings match as their object of top-level keys")
    func mappings() {
        #expect(template.hasMapping("Sizes", ["prod": ["Memory": 1024]]))
        #expect(template.hasMapping(["dev": .anyValue]))
        #expect(template.matchMapping("Sizes", ["test": .anyValue]).message == """
            Mapping Sizes does not match the pattern:
              Mappings.Sizes.test: missing
            """)
    }

    @Test("a query by name that finds no such entry lists the entries there are, with a near name first")
    func missingNames() {
        #expect(template.matchOutput("BucketNames").message == """
            The template has no output named BucketNames. Did you mean BucketName?
            Outputs in the template: BucketName, RoleArn.
            """)
        #expect(template.matchParameter("Region").message == """
            The template has no parameter named Region.
            Parameters in the template: Environment, Memory.
            """)
        #expect(Template().matchMapping("Sizes").message == "The template has no mappings.")
        #expect(Template().matchCondition(["Fn::Equals": .anyValue]).message == "The template has no conditions.")
    }

    @Test("a pattern over a section that nothing matches shows each entry's mismatches")
    func sectionFailure() {
        let result = template.matchOutput(["Export": .anyValue, "Description": .anyValue])
        #expect(!result.isMatch)
        #expect(result.examinedCount == 2)
        #expect(result.message == """
            No output matches the pattern; looked at 2: BucketName, RoleArn.
            Closest first:
              BucketName (1 mismatch):
                Outputs.BucketName.Description: missing
              RoleArn (1 mismatch):
                Outputs.RoleArn.Export: missing
            """)
    }
}
