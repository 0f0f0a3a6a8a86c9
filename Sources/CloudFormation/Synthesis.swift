/// A stack turned into a template that passed validation.
public struct Synthesis: Sendable {
    public var stack: String
    public var template: Template
    /// Problems that do not stop synthesis.
    public var warnings: [Diagnostic]
    /// Files to write beside the template: name and JSON content.
    public var artifacts: [Artifact] = []
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
/// - Throws: `SynthesisError` with every diagnostic when any is an error,
///   including an error thrown by `build`.
public func synthesize(
    _ definition: any StackDefinition, checks: [any TemplateCheck] = [], limits: QuotaLimits = .cloudFormation
) throws(SynthesisError) -> Synthesis {
    let stack = Stack(name: definition.name)
    do {
        try definition.build(stack)
    } catch let error as SynthesisError {
        throw error
    } catch {
        throw SynthesisError([Diagnostic(.error, stack: definition.name, path: [], "building the stack failed: \(error)")])
    }
    let (template, dependencies) = withoutRedundantDependencies(stack.template)
    var diagnostics = TemplateValidator.validate(template, stack: definition.name, limits: limits, dependencies: dependencies)
    for check in checks {
        diagnostics += check.diagnostics(for: template, stack: definition.name)
    }
    if diagnostics.contains(where: { $0.severity == .error }) {
        throw SynthesisError(diagnostics)
    }
    return Synthesis(
        stack: definition.name, template: template, warnings: diagnostics,
        artifacts: stack.artifacts.map { Artifact(name: $0.name, json: $0.json) })
}

/// The template without redundant `DependsOn` entries, and its dependencies
/// (computed once here and handed on to validation).
func withoutRedundantDependencies(_ template: Template) -> (Template, ResourceDependencies) {
    let dependencies = ResourceDependencies(template)
    var result = template
    for index in result.resources.indices {
        let id = result.resources[index].logicalID
        let implied = Set(dependencies.implied[id] ?? [])
        var kept: [String] = []
        for dependency in result.resources[index].dependsOn
        where !implied.contains(dependency) && !kept.contains(dependency) {
            kept.append(dependency)
        }
        result.resources[index].dependsOn = kept
    }
    return (result, dependencies.updatingExplicit(from: result))
}
