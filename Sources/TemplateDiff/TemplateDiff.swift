import CloudFormation

/// The semantic diff of two templates: what a change does, not which lines moved.
///
/// - Resources added, removed, renamed (same type and properties under a new
///   logical ID) and modified, with attribute and property changes by path.
///   Key order is not a change; list order is.
/// - Replacement hazards: a changed type, a rename, a change to a create-only
///   property (from the resource schemas), or a create-only property that
///   refers to a resource replaced itself. A stateful resource replaced or
///   removed without `Retain`/`Snapshot` loses its data.
/// - IAM statement rows (effect × principal × action × resource, under their
///   conditions) added and removed, each broadening, narrowing or neutral by subsumption.
/// - Parameters, outputs (with the exports other stacks may hold), and the other sections.
///
/// Outputs: `render(colour:)` for a terminal, `json()` for tools, `sarif()`
/// for code scanning; `fails(on:)` for CI gates.
///
/// ```swift
/// let changes = TemplateDiff.compare(old: deployed, new: synthesized)
/// print(changes.render(colour: true))
/// if changes.fails(on: .broadening) { exit(1) }
/// ```
public enum TemplateDiff {
    /// Everything that differs, in an order that depends only on the two
    /// templates (the same inputs give the same bytes in every output).
    public static func compare(old: Template, new: Template) -> TemplateChanges {
        let resources = ResourceComparison.changes(old: old, new: new)
        let replacedInPlace = Set(resources.filter { $0.kind == .modified && $0.replacement != nil }.map(\.logicalID))
        return TemplateChanges(
            resources: resources,
            statements: IAMComparison.changes(old: old, new: new, renames: resources.compactMap { change in
                change.oldLogicalID.map { (old: $0, new: change.logicalID) }
            }),
            parameters: EntryComparison.parameterChanges(old: old, new: new),
            outputs: EntryComparison.outputChanges(old: old, new: new, replaced: replacedInPlace),
            otherSections: SectionComparison.changes(old: old, new: new))
    }
}
