import CloudFormation
import Testing
@testable import TemplateDiff

@Suite("Parameters, outputs and the other sections")
struct EntryChangeTests {
    @Test("a parameter added shows its fields, one removed only its name, one changed the fields that changed")
    func parameters() throws {
        let old = Template(parameters: [Parameter("Environment", default: "dev"), Parameter("Legacy")])
        let new = Template(parameters: [
            Parameter("Environment", default: "dev", allowedValues: ["dev", "prod"]),
            Parameter("Retention", type: .number, default: 7, minValue: 1),
        ])
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.parameters.map { "\($0.kind.rawValue) \($0.logicalID)" } == ["modified Environment", "added Retention", "removed Legacy"])
        try expectGolden(changes.render(colour: false), "parameters.txt")
    }

    @Test("an exported output whose value changes blocks the update while imported; an unexported one does not")
    func exportedValue() {
        let output = { (value: Value, export: Value?) in Output("QueueArn", value: value, exportName: export) }
        let exported = TemplateDiff.compare(
            old: Template(outputs: [output(.getAtt("Queue", "Arn"), "orders-queue")]),
            new: Template(outputs: [output(.getAtt("OtherQueue", "Arn"), "orders-queue")]))
        #expect(exported.outputs.first?.notes == ["The value of the export \"orders-queue\" changes: the update fails while another stack imports it."])
        let plain = TemplateDiff.compare(
            old: Template(outputs: [output(.getAtt("Queue", "Arn"), nil)]),
            new: Template(outputs: [output(.getAtt("OtherQueue", "Arn"), nil)]))
        #expect(plain.outputs.first?.notes == [])
        #expect(plain.outputs.first?.changes.map(\.path.description) == ["Value"])
    }

    @Test("mappings, conditions and transforms are compared by path from the template's root")
    func otherSections() {
        let old = Template(
            mappings: [Mapping("Settings", ["dev": ["Retention": 4], "prod": ["Retention": 14]])],
            conditions: [Condition("IsProduction", .equals(.ref("Environment"), "prod"))])
        let new = Template(
            mappings: [Mapping("Settings", ["prod": ["Retention": 30], "dev": ["Retention": 4]])],
            conditions: [Condition("IsProduction", .equals(.ref("Environment"), "production"))],
            transforms: ["AWS::LanguageExtensions"])
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.otherSections.map(\.path.description) == [
            "Mappings.Settings.prod.Retention", "Conditions.IsProduction", "Transform",
        ])
        #expect(changes.render(colour: false).contains("""
            Other sections
                ~ Mappings.Settings.prod.Retention: 14 → 30
                ~ Conditions.IsProduction: !Equals [!Ref Environment, "prod"] → !Equals [!Ref Environment, "production"]
                + Transform: ["AWS::LanguageExtensions"]
            """))
    }
}
