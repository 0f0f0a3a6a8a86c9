import AWSResources
import CloudFormation
import TemplateRendering

/// One stack, synthesized and rendered.
public struct SynthesizedTemplate: Sendable {
    public var stack: String
    /// The template as YAML or JSON.
    public var text: String
    public var warnings: [Diagnostic]
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
public func synthesizeAll(
    _ definitions: [any StackDefinition], format: TemplateFormat, form: IntrinsicForm
) throws(SynthesisError) -> [SynthesizedTemplate] {
    var results: [SynthesizedTemplate] = []
    var problems: [Diagnostic] = []
    for definition in definitions {
        do {
            let (synthesis, rendered) = try synthesize(definition, checks: AWSChecks.all) { template in
                try TemplateRenderer.render(template, format: format, form: form)
            }
            let text = try rendered.get()
            let sizeProblems = Quotas.checkBodySize(text.utf8.count, stack: definition.name)
            problems += sizeProblems.filter { $0.severity == .error }
            let artifacts = try synthesis.artifacts.map { artifact in
                ("\(definition.name).\(artifact.name)", try TemplateRenderer.json(value: ArtifactPlaceholders.replacing(artifact.json)))
            }
            results.append(SynthesizedTemplate(
                stack: definition.name, text: text,
                warnings: synthesis.warnings + sizeProblems.filter { $0.severity == .warning }, artifacts: artifacts,
                assets: synthesis.assets))
        } catch let error as SynthesisError {
            problems += error.diagnostics
        } catch {
            problems.append(Diagnostic(.error, stack: definition.name, path: [], "rendering failed: \(error)"))
        }
    }
    if problems.contains(where: { $0.severity == .error }) {
        throw SynthesisError(problems + results.flatMap(\.warnings))
    }
    return results
}
