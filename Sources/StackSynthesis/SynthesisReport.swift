import AWSResources
import CloudFormation
import TemplateRendering

/// What synthesizing a stack gave: the rendered template, or the reasons there
/// is none. A value, never a thrown error, so a program that only prints it
/// cannot end in a crash on an invalid stack.
///
/// ```swift
/// let report = synthesizeTemplate(Queues())
/// guard let template = report.template else { print(report); exit(2) }
/// print(template.text, terminator: "")
/// ```
public struct SynthesisReport: Sendable, CustomStringConvertible {
    /// The stack's name.
    public var stack: String
    /// The rendered template and its artifacts; nil when the stack has an error.
    public var template: SynthesizedTemplate?
    /// Every problem found, errors and warnings, in template order.
    public var diagnostics: [Diagnostic]

    public var isValid: Bool { template != nil }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One line per diagnostic, then a summary line naming the stack.
    public var description: String {
        let errorCount = errors.count
        let summary = errorCount == 0
            ? "\(stack): synthesized" + (diagnostics.isEmpty ? "" : " with \(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s")")
            : "\(stack): \(errorCount) error\(errorCount == 1 ? "" : "s"); no template"
        return (diagnostics.map(\.description) + [summary]).joined(separator: "\n")
    }
}

/// Synthesizes one stack with every check `synth` runs (the built-in rules,
/// `everyCheck`, the template size quota) and renders it.
public func synthesizeTemplate(
    _ definition: any StackDefinition, format: TemplateFormat = .yaml, form: IntrinsicForm = .short
) -> SynthesisReport {
    do {
        let template = try synthesizeAll([definition], format: format, form: form)[0]
        return SynthesisReport(stack: definition.name, template: template, diagnostics: template.warnings)
    } catch {
        return SynthesisReport(stack: definition.name, template: nil, diagnostics: error.diagnostics)
    }
}
