/// How synthesis splits its work into jobs for the machine's cores, and joins
/// what they found in a fixed order.
///
/// Jobs start in list order, each core taking the next as it frees up, so the
/// longest go first and the cores finish together: the rendering, the first
/// check (callers list their longest first, as `AWSChecks.all` does with the
/// schema check), the built-in rules (which grow with the template as those
/// two do), then the other checks. A `ResourceCheck` becomes one job per
/// resource type, the types with the most resources first.
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
        var jobs: [Job] = rendering ? [.rendering] : []
        for (index, check) in checks.enumerated() {
            if index == 1 { jobs.append(.rules) }
            guard check.resourceCheck != nil else {
                jobs.append(.check(index))
                continue
            }
            jobs += Self.groupsByType(template.resources).map { .resources(check: index, $0) }
        }
        if checks.count < 2 { jobs.append(.rules) }
        self.jobs = jobs
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
