import CloudFormation
import CloudFormationTesting
import SecurityRules
import Stacks
import Testing

/// The Macie stack's security properties, asserted by name, and the
/// security rules' verdict on it.
@Suite("MacieDynamoDB: security properties")
struct MacieDynamoDBSecurityTests {
    let stack = MacieDynamoDBStack()
    let template: Template

    init() throws {
        template = try Template(synthesizing: stack)
    }

    func expectHolds(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let property = MacieSecurityProperties.all(for: stack).first { $0.name == name }
        #expect(property != nil, "no property named '\(name)'", sourceLocation: sourceLocation)
        #expect(property?.check(template) == [], sourceLocation: sourceLocation)
    }

    @Test("every bucket and table is encrypted with the stack's key")
    func encrypted() { expectHolds("every bucket and table is encrypted with the stack's key") }

    @Test("every bucket is TLS-only")
    func tlsOnly() { expectHolds("every bucket is TLS-only") }

    @Test("no bucket is public")
    func notPublic() { expectHolds("no bucket is public") }

    @Test("the key rotates")
    func rotation() { expectHolds("the key rotates") }

    @Test("the export runs on the configured schedule, also when the schedule changes")
    func schedule() throws {
        expectHolds("the export runs on the configured schedule")
        var daily = MacieDynamoDBStack()
        daily.schedule = .rate(.days(1))
        let other = try Template(synthesizing: daily)
        #expect(MacieSecurityProperties.exportSchedule(other, "rate(1 day)") == [])
        #expect(MacieSecurityProperties.exportSchedule(other, stack.schedule.description) != [])
    }

    @Test("Macie's service-linked role may decrypt with the key")
    func macieDecrypts() { expectHolds("Macie's service-linked role may decrypt with the key") }

    @Test("nothing else may read the export bucket")
    func exportsPrivate() { expectHolds("nothing else may read the export bucket") }

    @Test("the security rules find nothing the stack does not waive with a reason")
    func rulesPass() {
        let report = SecurityRulePack().report(for: template)
        #expect(report.active == [])
        #expect(report.unusedSuppressions.isEmpty)
        #expect(report.problems.isEmpty)
        #expect(report.suppressed.allSatisfy { !($0.suppressedBecause ?? "").isEmpty })
    }
}
