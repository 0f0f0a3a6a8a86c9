import CloudFormation

extension TemplateChanges {
    /// The changes as JSON, for tools: keys in a fixed order, template values
    /// as a JSON template writes them (long-form intrinsics), and a key
    /// present only when it has a value (`old` is absent for an addition).
    public func json() -> String {
        JSONReport.document(self).written
    }
}

/// Builds the JSON report.
enum JSONReport {
    static func document(_ changes: TemplateChanges) -> JSONNode {
        .object([
            ("summary", summary(changes)),
            ("resources", .array(changes.resources.map(resource))),
            ("iamStatements", .array(changes.statements.map(statement))),
            ("parameters", .array(changes.parameters.map(entry))),
            ("outputs", .array(changes.outputs.map(entry))),
            ("otherSections", .array(changes.otherSections.map(valueChange))),
        ])
    }

    private static func summary(_ changes: TemplateChanges) -> JSONNode {
        let summary = changes.summary
        return .object([
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

    private static func resource(_ change: ResourceChange) -> JSONNode {
        .object(omittingNil: [
            ("logicalID", .string(change.logicalID)),
            ("change", .string(change.kind.rawValue)),
            ("type", .string(change.type)),
            ("oldLogicalID", change.oldLogicalID.map(JSONNode.string)),
            ("oldType", change.oldType.map(JSONNode.string)),
            ("replacement", change.replacement.map(replacement) ?? (change.replacementIsUnknown ? .string("unknown") : nil)),
            ("removal", change.removal.map { fate($0, sentence: ChangeWording.fate($0, governedBy: "DeletionPolicy")) }),
            ("attributes", .array(change.attributeChanges.map(valueChange))),
            ("properties", .array(change.propertyChanges.map(valueChange))),
            ("notes", .array(change.notes.map(JSONNode.string))),
        ])
    }

    private static func replacement(_ replacement: Replacement) -> JSONNode {
        let causes = replacement.causes.map { cause -> JSONNode in
            switch cause {
            case .renamed(let from):
                .object([("kind", .string("renamed")), ("from", .string(from))])
            case .typeChanged(let from, let to):
                .object([("kind", .string("typeChanged")), ("from", .string(from)), ("to", .string(to))])
            case .createOnlyPropertiesChanged(let paths):
                .object([("kind", .string("createOnlyPropertiesChanged")), ("paths", .array(paths.map { .string($0.description) }))])
            case .referencedResourceReplaced(let id, let paths):
                .object([
                    ("kind", .string("referencedResourceReplaced")), ("logicalID", .string(id)),
                    ("paths", .array(paths.map { .string($0.description) })),
                ])
            }
        }
        return .object([
            ("dataLoss", .bool(replacement.losesData)),
            ("description", .string(ChangeWording.replacement(replacement))),
            ("causes", .array(causes)),
            ("oldResource", fate(replacement.oldResourceFate, sentence: ChangeWording.fate(replacement.oldResourceFate, governedBy: replacement.disposingAttribute))),
        ])
    }

    private static func fate(_ fate: OldResourceFate, sentence: String) -> JSONNode {
        let kind: String, policy: (DeletionPolicy, String)?
        switch fate {
        case .noData: (kind, policy) = ("deleted", nil)
        case .dataLost: (kind, policy) = ("deletedWithData", nil)
        case .retained(.snapshot, let attribute): (kind, policy) = ("snapshotted", (.snapshot, attribute))
        case .retained(let deletionPolicy, let attribute): (kind, policy) = ("retained", (deletionPolicy, attribute))
        }
        return .object(omittingNil: [
            ("fate", .string(kind)),
            ("policyAttribute", policy.map { .string($0.1) }),
            ("policy", policy.map { .string($0.0.rawValue) }),
            ("description", .string(sentence)),
        ])
    }

    private static func statement(_ change: StatementChange) -> JSONNode {
        let row = change.row
        func term(_ name: String, _ term: StatementTerm) -> (String, JSONNode?) {
            (term.isNegated ? "not" + name.prefix(1).uppercased() + name.dropFirst() : name, .string(term.text))
        }
        return .object(omittingNil: [
            ("change", .string(change.change.rawValue)),
            ("verdict", .string(change.verdict.rawValue)),
            ("effect", .string(row.effect.rawValue)),
            term("principal", row.principal),
            term("action", row.action),
            term("resource", row.resource),
            ("conditions", .array(row.conditions.map { .string($0.description) })),
            ("reason", .string(ChangeWording.reason(of: change))),
            ("locations", .array(change.locations.map { .string($0.description) })),
        ])
    }

    private static func entry(_ change: EntryChange) -> JSONNode {
        .object([
            ("logicalID", .string(change.logicalID)),
            ("change", .string(change.kind.rawValue)),
            ("fields", .array(change.changes.map(valueChange))),
            ("notes", .array(change.notes.map(JSONNode.string))),
        ])
    }

    private static func valueChange(_ change: ValueChange) -> JSONNode {
        .object(omittingNil: [
            ("path", .string(change.path.description)),
            ("change", .string(change.kind.rawValue)),
            ("old", change.old.map(JSONNode.init)),
            ("new", change.new.map(JSONNode.init)),
        ])
    }
}
