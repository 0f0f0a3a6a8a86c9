import CloudFormation
import Foundation
import Testing

/// A check that reports one warning or error, after a pause that lets the
/// checks after it finish first.
private struct SlowCheck: TemplateCheck {
    var message: String
    /// Seconds.
    var pause: TimeInterval = 0
    var severity: Diagnostic.Severity = .warning

    func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        Thread.sleep(forTimeInterval: pause)
        return [Diagnostic(severity, stack: stack, path: ["Resources", template.resources[0].logicalID], message)]
    }
}

/// A check of each resource on its own that reports every resource, after a
/// pause that depends on its type, so that groups of types finish out of order.
private struct SlowResourceCheck: ResourceCheck {
    var pauses: [String: TimeInterval]

    func diagnostics(forResourceAt index: Int, in template: Template, stack: String) -> [Diagnostic] {
        let resource = template.resources[index]
        Thread.sleep(forTimeInterval: pauses[resource.type] ?? 0)
        return [Diagnostic(.warning, stack: stack, path: ["Resources", resource.logicalID], "saw \(resource.logicalID)")]
    }
}

private struct RenderingFailed: Error {}

@Suite("Synthesis runs its rules, checks and rendering side by side")
struct ConcurrentSynthesisTests {
    let stack = TestStack { $0.add(queue("Queue")) }

    @Test("diagnostics keep the order of the checks however long each takes")
    func orderIsFixed() throws {
        let checks: [any TemplateCheck] = [
            SlowCheck(message: "first", pause: 0.03),
            SlowCheck(message: "second"),
            SlowCheck(message: "third", pause: 0.01),
        ]
        for _ in 0..<5 {
            let synthesis = try synthesize(stack, checks: checks)
            #expect(synthesis.warnings.map(\.message) == ["first", "second", "third"])
        }
    }

    @Test("the built-in rules' problems come before the checks', and every one of them is reported")
    func rulesThenChecks() {
        let broken = TestStack { $0.add(queue("Queue", dependsOn: ["Missing"])) }
        let checks: [any TemplateCheck] = [SlowCheck(message: "from a check", severity: .error)]
        #expect(throws: SynthesisError.self) { try synthesize(broken, checks: checks) }
        do {
            _ = try synthesize(broken, checks: checks)
        } catch {
            #expect(error.diagnostics.count == 2)
            #expect(error.diagnostics.first?.message.contains("Missing") == true)
            #expect(error.diagnostics.last?.message == "from a check")
        }
    }

    @Test("a resource check split by type reports in template order, between the checks around it")
    func resourceCheckOrder() throws {
        let mixed = TestStack { stack in
            for (id, type) in [("A1", "Test::A"), ("B1", "Test::B"), ("A2", "Test::A"), ("C1", "Test::C"), ("B2", "Test::B")] {
                stack.add(Resource(id, type: type))
            }
        }
        let resourceCheck = SlowResourceCheck(pauses: ["Test::A": 0.02, "Test::B": 0.01])
        let checks: [any TemplateCheck] = [SlowCheck(message: "before", pause: 0.01), resourceCheck, SlowCheck(message: "after")]
        for _ in 0..<5 {
            let synthesis = try synthesize(mixed, checks: checks)
            #expect(synthesis.warnings.map(\.message) == ["before", "saw A1", "saw B1", "saw A2", "saw C1", "saw B2", "after"])
        }
        // Split or not, the same findings.
        let template = try synthesize(mixed).template
        #expect(resourceCheck.diagnostics(for: template, stack: "Test").map(\.message)
            == ["saw A1", "saw B1", "saw A2", "saw C1", "saw B2"])
    }

    @Test("the output rendered alongside is the output of the synthesized template")
    func renderingAlongside() throws {
        let (synthesis, output) = try synthesize(stack, checks: [SlowCheck(message: "slow", pause: 0.005)]) { template in
            template.resources.map(\.logicalID)
        }
        #expect(try output.get() == ["Queue"])
        #expect(synthesis.template.resources.map(\.logicalID) == ["Queue"])
        #expect(synthesis.warnings.map(\.message) == ["slow"])
    }

    @Test("a rendering that fails is returned as the output's failure; a stack that fails validation throws")
    func renderingFailures() throws {
        let (_, output) = try synthesize(stack) { _ -> String in throw RenderingFailed() }
        #expect(throws: RenderingFailed.self) { try output.get() }

        let broken = TestStack { $0.add(queue("Queue", dependsOn: ["Missing"])) }
        #expect(throws: SynthesisError.self) { try synthesize(broken) { _ in "never returned" } }
    }
}
