import CloudFormation

extension TemplateChanges {
    /// The changes as JSON, for tools: keys in a fixed order, template values
    /// as a JSON template writes them (long-form intrinsics), and a key
    /// present only when it has a value (`old` is absent for an addition).
    public func json() -> String {
        JSONReport.document(self).reportJSON
    }
}

/// Builds the JSON report.
enum JSONReport {
    static func document(_ changes: TemplateChanges) -> Value {
        .fields([
            ("summary", summary(changes)),
            ("resources", .list(changes.resources.map(resource))),
            ("iamStatements", .list(changes.statements.map(statement))),
            ("parameters", .list(changes.parameters.map(entry))),
            ("outputs", .list(changes.outputs.map(entry))),
            ("otherSections", .list(changes.otherSections.map(valueChange))),
        ])
    }

    private static func summary(_ changes: TemplateChanges) -> Value {
        let summary = changes.summary
        return .fields([
            ("isEmpty", .bool(changes.isEmpty)),
            ("hasBroadening", .bool(changes.hasBroadening)),
            ("hasReplacement", changes.hasReplacement || !changes.hasUnknownReplacement ? .bool(changes.hasReplacement) : .string("unknown")),
            ("hasDataLoss", .bool(changes.hasDataLoss)),
            ("resourcesAdded", .integer(summary.resourcesAdded)),
            ("resourcesRemoved", .integer(summary.resourcesRemoved)),
            ("resourcesModified", .integer(summary.resourcesModified)),
            ("resourcesRenamed", .integer(summary.resourcesRenamed)),
            ("replacements", .integer(summary.replacements)),
            ("replacementsUnknown", .integer(summary.replacementsUnknown)),
            ("dataLoss", .integer(summary.dataLoss)),
            ("statementsAdded", .integer(summary.statementsAdded)),
            ("statementsRemoved", .integer(summary.statementsRemoved)),
            ("broadening", .integer(summary.broadening)),
            ("narrowing", .integer(summary.narrowing)),
            ("parametersChanged", .integer(summary.parametersChanged)),
            ("outputsChanged", .integer(summary.outputsChanged)),
            ("otherSectionsChanged", .integer(summary.otherSectionsChanged)),
        ])
    }

    private static func resource(_ change: ResourceChange) -> Value {
        .fields(omittingNil: [
            ("logicalID", .string(change.logicalID)),
            ("change", .string(change.kind.rawValue)),
            ("type", .string(change.type)),
            ("oldLogicalID", change.oldLogicalID.map(Value.string)),
            ("oldType", change.oldType.map(Value.string)),
            ("replacement", change.replacement.map(replacement) ?? (change.replacementIsUnknown ? .string("unknown") : nil)),
            ("removal", change.removal.map { fate($0, sentence: ChangeWording.fate($0, governedBy: "DeletionPolicy")) }),
            ("attributes", .list(change.attributeChanges.map(valueChange))),
            ("properties", .list(change.propertyChanges.map(valueChange))),
            ("notes", .list(change.notes.map(Value.string))),
        ])
    }

    private static func replacement(_ replacement: Replacement) -> Value {
        let causes = replacement.causes.map { cause -> Value in
            switch cause {
            case .renamed(let from):
                .fields([("kind", .string("renamed")), ("from", .string(from))])
            case .typeChanged(let from, let to):
                .fields([("kind", .string("typeChanged")), ("from", .string(from)), ("to", .string(to))])
            case .createOnlyPropertiesChanged(let paths):
                .fields([("kind", .string("createOnlyPropertiesChanged")), ("paths", .list(paths.map { .string($0.description) }))])
            case .referencedResourceReplaced(let id, let paths):
                .fields([
                    ("kind", .string("referencedResourceReplaced")), ("logicalID", .string(id)),
                    ("paths", .list(paths.map { .string($0.description) })),
                ])
            }
        }
        return .fields([
            ("dataLoss", .bool(replacement.losesData)),
            ("description", .string(ChangeWording.replacement(replacement))),
            ("causes", .list(causes)),
            ("oldResource", fate(replacement.oldResourceFate, sentence: ChangeWording.fate(replacement.oldResourceFate, governedBy: replacement.disposingAttribute))),
        ])
    }

    private static func fate(_ fate: OldResourceFate, sentence: String) -> Value {
        let kind: String, policy: (DeletionPolicy, String)?
        switch fate {
        case .noData: (kind, policy) = ("deleted", nil)
        case .dataLost: (kind, policy) = ("deletedWithData", nil)
        case .retained(.snapshot, let attribute): (kind, policy) = ("snapshotted", (.snapshot, attribute))
        case .retained(let deletionPolicy, let attribute): (kind, policy) = ("retained", (deletionPolicy, attribute))
        }
        return .fields(omittingNil: [
            ("fate", .string(kind)),
            ("policyAttribute", policy.map { .string($0.1) }),
            ("policy", policy.map { .string($0.0.rawValue) }),
            ("description", .string(sentence)),
        ])
    }

    private static func statement(_ change: StatementChange) -> Value {
        let row = change.row
        func term(_ name: String, _ term: StatementTerm) -> (String, Value?) {
            (term.isNegated ? "not" + name.prefix(1).uppercased() + name.dropFirst() : name, .string(term.text))
        }
        return .fields(omittingNil: [
            ("change", .string(change.change.rawValue)),
            ("verdict", .string(change.verdict.rawValue)),
            ("effect", .string(row.effect.rawValue)),
            term("principal", row.principal),
            term("action", row.action),
            term("resource", row.resource),
            ("conditions", .list(row.conditions.map { .string($0.description) })),
            ("reason", .string(ChangeWording.reason(of: change))),
            ("locations", .list(change.locations.map { .string($0.description) })),
        ])
    }

    private static func entry(_ change: EntryChange) -> Value {
        .fields([
            ("logicalID", .string(change.logicalID)),
            ("change", .string(change.kind.rawValue)),
            ("fields", .list(change.changes.map(valueChange))),
            ("notes", .list(change.notes.map(Value.string))),
        ])
    }

    private static func valueChange(_ change: ValueChange) -> Value {
        .fields(omittingNil: [
            ("path", .string(change.path.description)),
            ("change", .string(change.kind.rawValue)),
            ("old", change.old),
            ("new", change.new),
        ])
    }
}
