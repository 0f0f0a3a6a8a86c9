/// How synthesis splits its work into jobs for the machine's cores, and joins
/// what they found in a fixed order.
///
/// Jobs start in list order, each core taking the next as it frees up, so the
/// jobs that cannot be divided go first and the cores finish together: the
/// rendering, the built-in rules, the checks that read the whole template (in
/// the order given), and last the jobs of the checks that look at each
/// resource on its own (`ResourceCheck`), one job per resource type, the types
/// with the most resources first: small jobs that fill in the cores' time
/// around the long ones.
struct SynthesisJobs {
    enum Job: Sendable {
        case rendering
        case rules
        case check(Int)
        /// A resource check on some of the resources, by position.
        case resources(check: Int, [Int])
    }

    /// What one job found.
    enum Finding<Output: Sendable>: Sendable {
        case output(Result<Output, any Error>)
        case diagnostics([Diagnostic])
        /// A resource check's findings, by resource position.
        case resourceDiagnostics([(resource: Int, diagnostics: [Diagnostic])])
    }

    let jobs: [Job]

    init(template: Template, checks: [any TemplateCheck], rendering: Bool) {
        var jobs: [Job] = (rendering ? [.rendering] : []) + [.rules]
        var resourceJobs: [Job] = []
        var groups: [[Int]]?
        for (index, check) in checks.enumerated() {
            if check.resourceCheck == nil {
                jobs.append(.check(index))
            } else {
                if groups == nil { groups = Self.groupsByType(template.resources) }
                resourceJobs += groups!.map { .resources(check: index, $0) }
            }
        }
        self.jobs = jobs + resourceJobs
    }

    /// Resource positions grouped by type, largest group first (ties in
    /// order of first appearance), each group in template order.
    private static func groupsByType(_ resources: [Resource]) -> [[Int]] {
        var groupOfType: [String: Int] = [:]
        var groups: [[Int]] = []
        for (position, resource) in resources.enumerated() {
            if let group = groupOfType[resource.type] {
                groups[group].append(position)
            } else {
                groupOfType[resource.type] = groups.count
                groups.append([position])
            }
        }
        // Stable: equal sizes keep the order of first appearance.
        return groups.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }

    /// The findings in reporting order: the rules', then each check's in
    /// the order given, a resource check's in template order; and the
    /// rendering's output. Neither depends on which job finished first.
    func joined<Output: Sendable>(_ findings: [Finding<Output>], checks: Int)
        -> (diagnostics: [Diagnostic], output: Result<Output, any Error>?)
    {
        var output: Result<Output, any Error>?
        var rules: [Diagnostic] = []
        var byCheck = Array(repeating: [Diagnostic](), count: checks)
        var byResourceCheck = Array(repeating: [(resource: Int, diagnostics: [Diagnostic])](), count: checks)
        for (job, finding) in zip(jobs, findings) {
            switch (job, finding) {
            case (_, .output(let rendered)): output = rendered
            case (.rules, .diagnostics(let found)): rules = found
            case (.check(let check), .diagnostics(let found)): byCheck[check] = found
            case (.resources(let check, _), .resourceDiagnostics(let found)): byResourceCheck[check] += found
            default: preconditionFailure("a synthesis job produced the wrong kind of finding")
            }
        }
        var diagnostics = rules
        for check in 0..<checks {
            diagnostics += byCheck[check]
            diagnostics += byResourceCheck[check].sorted { $0.resource < $1.resource }.flatMap(\.diagnostics)
        }
        return (diagnostics, output)
    }
}
