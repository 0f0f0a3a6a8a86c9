import AWSResources
import Foundation
import Testing
import YAML

@Suite("Every generated resource type")
struct EveryResourceTypeTests {
    /// `make test` lints the same template with cfn-lint, informational checks included.
    @Test("one instance of each type, with its required properties, synthesizes without a diagnostic")
    func everyTypeSynthesizes() throws {
        let result = try Executable.fixtures.run(["EveryResourceType"])
        #expect(result.status == 0)
        #expect(onlySecuritySummary(result.stderr), "\(result.stderr)")
        let template = try Parser.parse(result.stdout)
        guard case .mapping(let sections) = template.content,
            let resources = sections.first(where: { $0.key.scalarText == "Resources" }),
            case .mapping(let entries) = resources.value.content
        else {
            Issue.record("no Resources in the template")
            return
        }
        let types = Set(entries.compactMap { entry -> String? in
            guard case .mapping(let attributes) = entry.value.content else { return nil }
            return attributes.first { $0.key.scalarText == "Type" }?.value.scalarText
        })
        #expect(types == Set(GeneratedResourceTypes.all.map { $0.typeName }),
                "add an instance of each new type to Tests/Fixtures/synth-fixtures/EveryResourceTypeStack.swift")
    }
}
