import CloudFormation

/// The sentences every output uses for the same fact, so the terminal, JSON
/// and SARIF reports never say one thing three ways.
enum ChangeWording {
    /// `REPLACEMENT (DATA LOSS)`, `REPLACEMENT`, `REPLACEMENT UNKNOWN` (a type
    /// the registry does not have), `DATA LOSS` (a removal that deletes data), or `nil`.
    static func marker(of change: ResourceChange) -> String? {
        if let replacement = change.replacement { return replacement.losesData ? "REPLACEMENT (DATA LOSS)" : "REPLACEMENT" }
        if change.replacementIsUnknown { return "REPLACEMENT UNKNOWN" }
        return change.deletesData ? "DATA LOSS" : nil
    }

    /// Why the resource is replaced and what becomes of the old one:
    /// "replaced: create-only Properties.BucketName changes; the old one is retained (UpdateReplacePolicy: Retain)".
    static func replacement(_ replacement: Replacement) -> String {
        let causes = replacement.causes.map { cause -> String in
            switch cause {
            case .renamed(let from): "renamed from \(from), will be replaced"
            case .typeChanged(let from, let to): "replaced: the type changes from \(from) to \(to)"
            case .createOnlyPropertiesChanged(let paths):
                "replaced: create-only " + paths.map(\.description).joined(separator: ", ")
                    + (paths.count == 1 ? " changes" : " change")
            case .referencedResourceReplaced(let id, let paths):
                "replaced: create-only " + paths.map(\.description).joined(separator: ", ")
                    + (paths.count == 1 ? " refers" : " refer") + " to \(id), which is replaced"
            }
        }
        return causes.joined(separator: "; ") + "; " + fate(replacement.oldResourceFate, governedBy: replacement.disposingAttribute)
    }

    /// Why a changed resource has no replacement verdict.
    static func unknownReplacement(of type: String) -> String {
        "\(type) is not in the resource registry, so whether these changes replace it is unknown."
    }

    /// What a removal does: "removed; the old one is deleted with its data (…)".
    static func removal(_ outcome: OldResourceFate) -> String {
        "removed; " + fate(outcome, governedBy: "DeletionPolicy")
    }

    /// `governing` names the attribute that decides when the fate is the default (`Delete`).
    static func fate(_ outcome: OldResourceFate, governedBy governing: String) -> String {
        switch outcome {
        case .noData:
            "the old one is deleted"
        case .dataLost:
            "the old one is deleted with its data (\(governing) is not Retain or Snapshot)"
        case .retained(.snapshot, let attribute):
            "a snapshot of the old one is kept (\(attribute): Snapshot)"
        case .retained(let policy, let attribute):
            "the old one is retained (\(attribute): \(policy.rawValue))"
        }
    }

    /// "PeopleTable (AWS::DynamoDB::Table)".
    static func title(of change: ResourceChange) -> String {
        "\(change.logicalID) (\(change.type))"
    }

    /// "Allow role:${ImportRole} s3:Get* on ${ImportBucket.Arn}/*", with its conditions.
    static func row(_ row: StatementRow) -> String {
        var text = "\(row.effect.rawValue) \(row.principal) \(row.action) on \(row.resource)"
        if !row.conditions.isEmpty { text += " when \(row.conditionText)" }
        return text
    }

    /// Why a statement row got its verdict.
    static func reason(of change: StatementChange) -> String {
        switch (change.change, change.row.effect, change.verdict) {
        case (.added, .allow, .broadening): "no Allow of the old template covers it"
        case (.added, .allow, .narrowing): "it is what remains of a grant that was cut down"
        case (.added, .allow, .neutral): "an Allow of the old template already covers it"
        case (.removed, .allow, .neutral): "a remaining Allow still covers it"
        case (.removed, .allow, _): "no remaining Allow covers it"
        case (.added, .deny, .neutral): "a Deny of the old template already covers it"
        case (.added, .deny, _): "a new Deny"
        case (.removed, .deny, .neutral): "a remaining Deny still covers it"
        case (.removed, .deny, _): "no remaining Deny covers it"
        }
    }

    /// "Added Allow role:${R} s3:Get* on ${B.Arn}/*: broadening (no Allow of the old template covers it)."
    static func statement(_ change: StatementChange) -> String {
        let verb = change.change == .added ? "Added" : "Removed"
        return "\(verb) \(row(change.row)): \(change.verdict.rawValue) (\(reason(of: change)))."
    }
}
