import AWSResources
import CloudFormation
import SecurityRules
import Stacks
import Testing

@Suite("the security rules on this package's stacks")
struct GeneratedStacksTests {
    @Test("every stack: no finding the stack does not waive, every suppression used and reasoned", arguments: allStacks.map(\.name))
    func stackPasses(_ name: String) throws {
        let definition = try #require(allStacks.first { $0.name == name })
        let template = try synthesize(definition, checks: AWSChecks.all).template
        let report = SecurityRulePack().report(for: template)
        #expect(report.active.map(\.description) == [])
        #expect(report.unusedSuppressions.map(\.suppression.rule) == [])
        #expect(report.problems.map(\.message) == [])
        #expect(report.suppressed.allSatisfy { !($0.suppressedBecause ?? "").isEmpty })
    }

    @Test("synthesis runs the rules: a stack with a finding at error level is not synthesized")
    func synthesisStops() throws {
        struct OpenBucket: StackDefinition {
            var name: String { "OpenBucket" }
            func build(_ stack: Stack) throws { stack.add(Resource("Bucket", type: "AWS::S3::Bucket")) }
        }
        #expect(throws: SynthesisError.self) { try synthesize(OpenBucket(), checks: AWSChecks.all + [SecurityRulePack()]) }
        do {
            _ = try synthesize(OpenBucket(), checks: [SecurityRulePack()])
        } catch {
            let rules = Set(error.diagnostics.compactMap { $0.message.split(separator: "]").first.map { String($0.dropFirst()) } })
            #expect(rules == ["S3-KMS", "S3-PUBLIC-ACCESS", "S3-TLS", "S3-VERSIONING", "S3-ACCESS-LOGS"])
            #expect(error.diagnostics.allSatisfy { $0.path.description.hasPrefix("Resources.Bucket") })
        }
    }
}
