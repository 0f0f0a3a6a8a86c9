@testable import CloudFormation
import Testing

private struct WholeCheck: TemplateCheck {
    func diagnostics(for template: Template, stack: String) -> [Diagnostic] { [] }
}

private struct EachResource: ResourceCheck {
    func diagnostics(forResourceAt index: Int, in template: Template, stack: String) -> [Diagnostic] { [] }
}

@Suite("How synthesis splits its work")
struct SynthesisJobsTests {
    private func describe(_ jobs: [SynthesisJobs.Job]) -> [String] {
        jobs.map { job in
            switch job {
            case .rendering: "render"
            case .rules: "rules"
            case .check(let index): "check \(index)"
            case .resources(let check, let positions): "check \(check) on \(positions)"
            }
        }
    }

    @Test("the rendering, the rules, the whole-template checks in order, then the resource checks by type, largest first")
    func order() {
        var template = Template()
        template.resources = ["A", "B", "A", "C", "B", "A"].enumerated().map { Resource("R\($0.offset)", type: "Test::\($0.element)") }
        let jobs = SynthesisJobs(
            template: template, checks: [EachResource(), WholeCheck(), EachResource(), WholeCheck()], rendering: true)
        #expect(describe(jobs.jobs) == [
            "render", "rules", "check 1", "check 3",
            "check 0 on [0, 2, 5]", "check 0 on [1, 4]", "check 0 on [3]",
            "check 2 on [0, 2, 5]", "check 2 on [1, 4]", "check 2 on [3]",
        ])
        #expect(describe(SynthesisJobs(template: template, checks: [], rendering: false).jobs) == ["rules"])
        #expect(describe(SynthesisJobs(template: template, checks: [WholeCheck()], rendering: false).jobs) == ["rules", "check 0"])
        // Types of the same size keep the order in which they first appear.
        template.resources = ["C", "A", "B"].map { Resource("R\($0)", type: "Test::\($0)") }
        #expect(describe(SynthesisJobs(template: template, checks: [EachResource()], rendering: false).jobs)
            == ["rules", "check 0 on [0]", "check 0 on [1]", "check 0 on [2]"])
    }
}
