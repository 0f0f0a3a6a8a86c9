/// The differences between two templates, and the questions a CI gate asks of them.
public struct TemplateChanges: Hashable, Sendable {
    /// Added, modified and renamed resources in the new template's order,
    /// then removed ones in the old template's order.
    public var resources: [ResourceChange]
    /// Policy statement rows added and removed, grouped by principal and resource.
    public var statements: [StatementChange]
    public var parameters: [EntryChange]
    public var outputs: [EntryChange]
    /// Format version, description, metadata, mappings, conditions and
    /// transforms, by path from the template's root.
    public var otherSections: [ValueChange]

    public init(
        resources: [ResourceChange] = [], statements: [StatementChange] = [], parameters: [EntryChange] = [],
        outputs: [EntryChange] = [], otherSections: [ValueChange] = []
    ) {
        self.resources = resources
        self.statements = statements
        self.parameters = parameters
        self.outputs = outputs
        self.otherSections = otherSections
    }

    public var isEmpty: Bool {
        resources.isEmpty && statements.isEmpty && parameters.isEmpty && outputs.isEmpty && otherSections.isEmpty
    }

    /// Some principal may do something it could not before.
    public var hasBroadening: Bool { statements.contains { $0.verdict == .broadening } }

    /// Some resource is replaced (whether or not its data survives).
    public var hasReplacement: Bool { resources.contains { $0.replacement != nil } }

    /// Properties of some resource whose type the registry does not have
    /// change, so whether it is replaced is unknown.
    public var hasUnknownReplacement: Bool { resources.contains { $0.replacementIsUnknown } }

    /// Some replacement or removal destroys a stateful resource's data.
    public var hasDataLoss: Bool {
        resources.contains { $0.replacement?.losesData == true || $0.deletesData }
    }

    /// Whether a CI gate (`--fail-on broadening|replacement`) fails on these
    /// changes. A replacement gate counts an unknown verdict as a hit unless
    /// `allowingUnknownTypes` (`--allow-unknown-types`).
    public func fails(on gate: DiffGate, allowingUnknownTypes: Bool = false) -> Bool {
        switch gate {
        case .broadening: hasBroadening
        case .replacement: hasReplacement || (hasUnknownReplacement && !allowingUnknownTypes)
        }
    }

    public var summary: ChangeSummary { ChangeSummary(self) }
}

/// What a CI run may refuse: `synth diff --fail-on broadening|replacement`.
public enum DiffGate: String, CaseIterable, Hashable, Sendable {
    case broadening
    case replacement
}

/// Counts of each kind of change, for the summary line and the JSON report.
public struct ChangeSummary: Hashable, Sendable {
    public var resourcesAdded = 0
    public var resourcesRemoved = 0
    public var resourcesModified = 0
    public var resourcesRenamed = 0
    public var replacements = 0
    /// Changed resources whose type the registry does not have.
    public var replacementsUnknown = 0
    /// Replacements and removals that destroy data.
    public var dataLoss = 0
    public var statementsAdded = 0
    public var statementsRemoved = 0
    public var broadening = 0
    public var narrowing = 0
    public var parametersChanged = 0
    public var outputsChanged = 0
    public var otherSectionsChanged = 0

    init(_ changes: TemplateChanges) {
        for resource in changes.resources {
            switch resource.kind {
            case .added: resourcesAdded += 1
            case .removed: resourcesRemoved += 1
            case .modified: resourcesModified += 1
            case .renamed: resourcesRenamed += 1
            }
            if resource.replacement != nil { replacements += 1 }
            if resource.replacementIsUnknown { replacementsUnknown += 1 }
            if resource.replacement?.losesData == true || resource.deletesData { dataLoss += 1 }
        }
        for statement in changes.statements {
            if statement.change == .added { statementsAdded += 1 } else { statementsRemoved += 1 }
            if statement.verdict == .broadening { broadening += 1 }
            if statement.verdict == .narrowing { narrowing += 1 }
        }
        parametersChanged = changes.parameters.count
        outputsChanged = changes.outputs.count
        otherSectionsChanged = changes.otherSections.count
    }
}
