/// A check that runs on a stack's template after the built-in rules: how
/// knowledge of AWS (resource schemas, IAM actions, Lambda runtimes) joins
/// validation without this module knowing any of it.
public protocol TemplateCheck: Sendable {
    /// Every problem the check finds, in template order.
    func diagnostics(for template: Template, stack: String) -> [Diagnostic]

    /// The check as a `ResourceCheck` when it looks at each resource on its
    /// own, so synthesis can split its work; `nil` (the default) runs it as
    /// one job.
    var resourceCheck: (any ResourceCheck)? { get }
}

extension TemplateCheck {
    public var resourceCheck: (any ResourceCheck)? { nil }
}

/// A check whose findings for a resource depend on that resource alone.
/// Synthesis runs it on groups of resources side by side, one group per
/// resource type (work a check shares between resources of a type, such as
/// reading its schema, then happens once), and joins the findings in
/// template order, as `diagnostics(for:stack:)` would give them.
public protocol ResourceCheck: TemplateCheck {
    /// The problems with `template.resources[index]`.
    func diagnostics(forResourceAt index: Int, in template: Template, stack: String) -> [Diagnostic]
}

extension ResourceCheck {
    public var resourceCheck: (any ResourceCheck)? { self }

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        template.resources.indices.flatMap { diagnostics(forResourceAt: $0, in: template, stack: stack) }
    }
}
