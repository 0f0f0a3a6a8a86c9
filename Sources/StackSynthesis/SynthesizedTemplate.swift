import AWSResources
import CloudFormation
import SecurityRules
import TemplateRendering

/// One stack, synthesized and rendered.
public struct SynthesizedTemplate: Sendable {
    public var stack: String
    /// The template as YAML or JSON.
    public var text: String
    public var warnings: [Diagnostic]
    /// What the security rules waived, and the stack's own rule levels (see `SecurityReport.summary`).
    public var securitySummary: [String] = []
    /// Files written beside the template: file name (`<stack>.<name>`) and text.
    public var artifacts: [(fileName: String, text: String)] = []
    /// Files the template refers to by a local path (function code), written
    /// at their path relative to the template.
    public var assets: [Asset] = []

    /// `<stack>.yaml` or `<stack>.json`.
    public func fileName(for format: TemplateFormat) -> String {
        "\(stack).\(format.fileExtension)"
    }

    /// Every file `--output` writes for the stack, relative to the folder:
    /// the template, its artifacts, its assets.
    public func writtenPaths(for format: TemplateFormat) -> [String] {
        [fileName(for: format)] + artifacts.map(\.fileName) + assets.map(\.path)
    }
}

/// Synthesizes and renders every given stack, collecting the problems of all
/// of them before giving up, so one run shows every mistake.
///
/// `catalog` is every stack the given ones may take values from
/// (`StackDefinition.referencedStacks`). A stack past CloudFormation's limits
/// on one template, or one that places resources in nested stacks, is
/// written as its root template with the nested stacks' templates beside it
/// (`<stack>.<part>.yaml`); a stack deployed as a StackSet also gets the
/// template that creates the StackSet (`<stack>.stackset.yaml`).
public func synthesizeAll(
    _ definitions: [any StackDefinition], catalog: [any StackDefinition]? = nil, format: TemplateFormat, form: IntrinsicForm
) throws(SynthesisError) -> [SynthesizedTemplate] {
    let references = try CatalogReferences(catalog: catalog ?? definitions)
    var results: [SynthesizedTemplate] = []
    var problems: [Diagnostic] = []
    for definition in definitions {
        let name = definition.name
        let render: @Sendable (Template) throws -> String = { try TemplateRenderer.render($0, format: format, form: form) }
        do {
            let resolved = references.templates[name]
            let (synthesis, renderedOrSplit) = try synthesize(
                definition, checks: everyCheck, limits: .splittable, preparing: { resolved ?? $0 }, renderingUnlessSplit: render,
                splitting: { "\(name).\($0).\(format.fileExtension)" })
            var artifacts = try synthesis.artifacts.map { artifact in
                ("\(name).\(artifact.name)", try TemplateRenderer.json(value: ArtifactPlaceholders.replacing(artifact.json)))
            }
            var bodies: [String]
            // A part's problems name it as its file does: `<stack>.<part>`.
            var labels = [name]
            switch try renderedOrSplit.get() {
            case .split(let split):
                // The root and each part checked for what the split may break and rendered, side by side.
                let stacks = [split.root] + split.parts.map(\.template)
                labels += split.parts.map { "\(name).\($0.name)" }
                let checked = concurrentResults(stacks.count) { [labels] index in
                    (TemplateValidator.validatePartOfSplit(stacks[index], stack: labels[index]).filter { $0.severity == .error },
                     Result { try render(stacks[index]) })
                }
                problems += checked.flatMap(\.0)
                bodies = try checked.map { try $0.1.get() }
                artifacts += zip(split.parts, bodies.dropFirst()).map { ("\(name).\($0.name).\(format.fileExtension)", $1) }
            case .whole(let text):
                bodies = [text]
            }
            let text = bodies[0]
            // Nested stacks are uploaded by `aws cloudformation package`: only the root may be deployed inline.
            let sizeProblems = Quotas.checkBodySize(text.utf8.count, stack: name)
                + zip(bodies, labels).dropFirst().flatMap { Quotas.checkBodySize($0.utf8.count, stack: $1).filter { $0.severity == .error } }
            problems += sizeProblems.filter { $0.severity == .error }
            if let deployment = definition.stackSet {
                let stackSet = try deployment.template(memberTemplate: text, stack: name)
                artifacts.append(("\(name).stackset.\(format.fileExtension)", try render(stackSet)))
            }
            results.append(SynthesizedTemplate(
                stack: name, text: text,
                warnings: synthesis.warnings + sizeProblems.filter { $0.severity == .warning },
                securitySummary: SecurityRulePack.summary(of: synthesis.template, stack: name, diagnostics: synthesis.warnings),
                artifacts: artifacts, assets: synthesis.assets))
        } catch let error as SynthesisError {
            problems += error.diagnostics
        } catch {
            problems.append(Diagnostic(.error, stack: name, path: [], "rendering failed: \(error)"))
        }
    }
    if problems.contains(where: { $0.severity == .error }) {
        throw SynthesisError(problems + results.flatMap(\.warnings))
    }
    return results
}
