/// A check that runs on a stack's template after the built-in rules: how
/// knowledge of AWS (resource schemas, IAM actions, Lambda runtimes) joins
/// validation without this module knowing any of it.
public protocol TemplateCheck: Sendable {
    /// Every problem the check finds, in template order.
    func diagnostics(for template: Template, stack: String) -> [Diagnostic]
}
