/// A stack turned into a template that passed validation.
public struct Synthesis: Sendable {
    public var stack: String
    public var template: Template
    /// Problems that do not stop synthesis.
    public var warnings: [Diagnostic]
    /// Files to write beside the template: name and JSON content.
    public var artifacts: [Artifact] = []
    /// Files the template refers to by a local path (function code).
    public var assets: [Asset] = []
    /// Resource → the nested stack it was asked to go to.
    public var requestedParts: [String: String] = [:]
    /// What each resource of `template` waits for, as validation found it.
    public var dependencies: ResourceDependencies
}

/// A JSON file written beside a stack's template.
public struct Artifact: Sendable {
    public var name: String
    public var json: Value
}

/// Builds a stack definition, tidies the template and validates it with the
/// built-in rules and then with `checks`.
///
/// Tidying: `DependsOn` entries that a `Ref`, `Fn::GetAtt` or `Fn::Sub`
/// already implies are dropped (CloudFormation derives them, and cfn-lint's
/// W3005 flags them), as are repeated entries.
///
/// The built-in rules and the checks only read the finished template, so they
/// run side by side on the machine's cores; their diagnostics are joined in
/// a fixed order (the rules', then each check's in the order given), whatever
/// order they start in (see `SynthesisJobs`).
///
/// - Throws: `SynthesisError` with every diagnostic when any is an error,
///   including an error thrown by `build`.
public func synthesize(
    _ definition: any StackDefinition, checks: [any TemplateCheck] = [], limits: QuotaLimits = .cloudFormation,
    preparing prepare: ((Template) -> Template)? = nil
) throws(SynthesisError) -> Synthesis {
    let noRendering: (@Sendable (Template, [String: String], ResourceDependencies) throws -> Never)? = nil
    return try synthesize(definition, checks: checks, limits: limits, preparing: prepare, render: noRendering).synthesis
}

/// As `synthesize(_:checks:limits:)`, and `render` turns the template into
/// its output (YAML, say) at the same time as the rules and checks run, on
/// another core. The output is returned only when validation passes; what
/// `render` throws is returned as the output's failure. The built template
/// is handed to `prepare`, if given, before it is tidied and validated: for
/// what only the whole catalog knows (references to other stacks).
public func synthesize<Output: Sendable>(
    _ definition: any StackDefinition, checks: [any TemplateCheck] = [], limits: QuotaLimits = .cloudFormation,
    preparing prepare: ((Template) -> Template)? = nil,
    renderingAlongside render: @escaping @Sendable (Template) throws -> Output
) throws(SynthesisError) -> (synthesis: Synthesis, output: Result<Output, any Error>) {
    let result = try synthesize(definition, checks: checks, limits: limits, preparing: prepare, render: { template, _, _ in try render(template) })
    return (result.synthesis, result.output!)
}

/// What the job beside the checks made of a stack that may be written as a
/// root and nested stacks: its template rendered whole, or its split.
public enum WholeOrSplit<Output: Sendable>: Sendable {
    case whole(Output)
    case split(NestedStackSplit)
}

/// As `synthesize(_:checks:limits:preparing:renderingAlongside:)`, for a
/// stack that may be written as a root and nested stacks
/// (`NestedStackSplit.splits`): beside the checks, a template written whole
/// is rendered, and one that splits is split with the dependencies synthesis
/// found (`templateURL`: a part's name → its `TemplateURL`), its root and
/// parts to be checked and rendered once the checks pass. A split that fails
/// is the output's failure, as a rendering that fails is.
public func synthesize<Output: Sendable>(
    _ definition: any StackDefinition, checks: [any TemplateCheck] = [], limits: QuotaLimits = .splittable,
    preparing prepare: @escaping (Template) -> Template,
    renderingUnlessSplit render: @escaping @Sendable (Template) throws -> Output,
    splitting templateURL: @escaping @Sendable (String) -> String
) throws(SynthesisError) -> (synthesis: Synthesis, output: Result<WholeOrSplit<Output>, any Error>) {
    let stack = definition.name
    let result = try synthesize(definition, checks: checks, limits: limits, preparing: prepare) {
        template, requestedParts, dependencies -> WholeOrSplit<Output> in
        guard NestedStackSplit.splits(template, requestedParts: requestedParts) else { return .whole(try render(template)) }
        return .split(try NestedStackSplit.split(
            template, stack: stack, requestedParts: requestedParts, dependencies: dependencies, templateURL: templateURL))
    }
    return (result.synthesis, result.output!)
}

private func synthesize<Output: Sendable>(
    _ definition: any StackDefinition, checks: [any TemplateCheck], limits: QuotaLimits,
    preparing prepare: ((Template) -> Template)? = nil,
    render: (@Sendable (Template, _ requestedParts: [String: String], ResourceDependencies) throws -> Output)?
) throws(SynthesisError) -> (synthesis: Synthesis, output: Result<Output, any Error>?) {
    let stack = Stack(name: definition.name)
    do {
        try definition.build(stack)
    } catch let error as SynthesisError {
        throw error
    } catch {
        throw SynthesisError([Diagnostic(.error, stack: definition.name, path: [], "building the stack failed: \(error)")])
    }
    let assets = try stack.assets()
    let (template, dependencies) = withoutRedundantDependencies(prepare?(stack.template) ?? stack.template)
    let name = definition.name
    let requestedParts = stack.requestedParts

    let plan = SynthesisJobs(template: template, checks: checks, rendering: render != nil)
    let findings = concurrentResults(plan.jobs.count) { index -> SynthesisJobs.Finding<Output> in
        switch plan.jobs[index] {
        case .rendering:
            // The plan has a rendering job only when there is a `render`.
            return .output(Result { try render!(template, requestedParts, dependencies) })
        case .rules:
            return .diagnostics(TemplateValidator.validate(template, stack: name, limits: limits, dependencies: dependencies))
        case .check(let check):
            return .diagnostics(checks[check].diagnostics(for: template, stack: name))
        case .resources(let check, let positions):
            // The plan splits a check by resource only when it is a resource check.
            let resourceCheck = checks[check].resourceCheck!
            return .resourceDiagnostics(positions.map { position in
                (position, resourceCheck.diagnostics(forResourceAt: position, in: template, stack: name))
            })
        }
    }
    let (diagnostics, output) = plan.joined(findings, checks: checks.count)
    if diagnostics.contains(where: { $0.severity == .error }) {
        throw SynthesisError(diagnostics)
    }
    let synthesis = Synthesis(
        stack: name, template: template, warnings: diagnostics,
        artifacts: stack.artifacts.map { Artifact(name: $0.name, json: $0.json) }, assets: assets,
        requestedParts: requestedParts, dependencies: dependencies)
    return (synthesis, output)
}

/// The template without redundant `DependsOn` entries, and its dependencies
/// (computed once here and handed on to validation).
func withoutRedundantDependencies(_ template: Template) -> (Template, ResourceDependencies) {
    let dependencies = ResourceDependencies(template)
    var result = template
    var dropped = false
    for index in result.resources.indices where !result.resources[index].dependsOn.isEmpty {
        let id = result.resources[index].logicalID
        let implied = Set(dependencies.implied[id] ?? [])
        var kept: [String] = []
        for dependency in result.resources[index].dependsOn
        where !implied.contains(dependency) && !kept.contains(dependency) {
            kept.append(dependency)
        }
        if kept.count < result.resources[index].dependsOn.count {
            result.resources[index].dependsOn = kept
            dropped = true
        }
    }
    // The explicit dependencies are read again only when an entry was dropped.
    return (result, dropped ? dependencies.updatingExplicit(from: result) : dependencies)
}
