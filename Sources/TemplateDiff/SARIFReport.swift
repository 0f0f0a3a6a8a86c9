import CloudFormation

extension TemplateChanges {
    /// The changes as SARIF 2.1.0, for code-scanning tools: one run of the
    /// tool `synth`, one rule per kind of finding, and each result located by
    /// logical locations (the template path: `Resources.Table.Properties.TableName`).
    /// Neutral IAM rows, parameters, outputs and other sections are not findings.
    public func sarif() -> String {
        SARIFReport.document(self).reportJSON
    }
}

/// Builds the SARIF log.
enum SARIFReport {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    enum Level: String {
        case error, warning, note
    }

    /// The kinds of finding, in the order of the rules array (results refer to it by index).
    enum Rule: String, CaseIterable {
        case replacement
        case replacementDataLoss = "replacement-data-loss"
        case iamBroadening = "iam-broadening"
        case iamNarrowing = "iam-narrowing"
        case resourceAdded = "resource-added"
        case resourceRemoved = "resource-removed"
        case propertyChanged = "property-changed"
        case replacementUnknown = "replacement-unknown"

        var name: String {
            switch self {
            case .replacement: "Replacement"
            case .replacementDataLoss: "ReplacementDataLoss"
            case .iamBroadening: "IAMBroadening"
            case .iamNarrowing: "IAMNarrowing"
            case .resourceAdded: "ResourceAdded"
            case .resourceRemoved: "ResourceRemoved"
            case .propertyChanged: "PropertyChanged"
            case .replacementUnknown: "ReplacementUnknown"
            }
        }

        var defaultLevel: Level {
            switch self {
            case .replacementDataLoss, .iamBroadening: .error
            case .replacement, .replacementUnknown: .warning
            case .iamNarrowing, .resourceAdded, .resourceRemoved, .propertyChanged: .note
            }
        }

        var summary: String {
            switch self {
            case .replacement: "A change replaces a resource: CloudFormation creates a new one and disposes of the old one."
            case .replacementDataLoss: "A change replaces or renames a stateful resource, and the old one is deleted with its data."
            case .iamBroadening: "A policy statement grants something no statement of the old template granted, or a Deny was removed."
            case .iamNarrowing: "A granted permission was removed or cut down, or a Deny was added."
            case .resourceAdded: "A resource is added."
            case .resourceRemoved: "A resource is removed (a warning when it is deleted with its data)."
            case .propertyChanged: "A property or attribute of a resource changes."
            case .replacementUnknown: "Properties of a resource whose type is not in the resource registry change: whether it is replaced is unknown."
            }
        }

        var index: Int { Self.allCases.firstIndex(of: self)! }
    }

    static func document(_ changes: TemplateChanges) -> Value {
        .fields([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .list([
                .fields([
                    ("tool", .fields([("driver", .fields([
                        ("name", .string("synth")),
                        ("rules", .list(Rule.allCases.map(rule))),
                    ]))])),
                    ("results", .list(results(changes))),
                ]),
            ])),
        ])
    }

    private static func rule(_ rule: Rule) -> Value {
        .fields([
            ("id", .string(rule.rawValue)),
            ("name", .string(rule.name)),
            ("shortDescription", .fields([("text", .string(rule.summary))])),
            ("defaultConfiguration", .fields([("level", .string(rule.defaultLevel.rawValue))])),
        ])
    }

    private static func results(_ changes: TemplateChanges) -> [Value] {
        var results: [Value] = []
        for change in changes.resources {
            let title = ChangeWording.title(of: change)
            let here = location(change.templatePath, kind: "resource")
            switch change.kind {
            case .added:
                results.append(result(.resourceAdded, "\(title) is added.", [here]))
            case .removed:
                let sentence = change.removal.map { ChangeWording.removal($0) } ?? "removed"
                results.append(result(.resourceRemoved, level: change.deletesData ? .warning : .note, "\(title) is \(sentence).", [here]))
            case .modified, .renamed:
                if let replacement = change.replacement {
                    var places = [here]
                    if let old = change.oldLogicalID { places.append(location(["Resources", old], kind: "resource")) }
                    places += replacement.createOnlyPaths.map { location(change.templatePath + $0, kind: "property") }
                    results.append(result(
                        replacement.losesData ? .replacementDataLoss : .replacement,
                        "\(title): \(ChangeWording.replacement(replacement)).", places))
                }
                if change.replacementIsUnknown {
                    results.append(result(.replacementUnknown, "\(title): \(ChangeWording.unknownReplacement(of: change.type))", [here]))
                }
                for valueChange in change.attributeChanges + change.propertyChanges {
                    results.append(result(
                        .propertyChanged, "\(title): \(describe(valueChange)).",
                        [location(change.templatePath + valueChange.path, kind: "property")]))
                }
            }
        }
        for change in changes.statements where change.verdict != .neutral {
            results.append(result(
                change.verdict == .broadening ? .iamBroadening : .iamNarrowing, ChangeWording.statement(change),
                change.locations.map { location($0, kind: "object") }))
        }
        return results
    }

    private static func describe(_ change: ValueChange) -> String {
        let path = change.path.description
        switch (change.old, change.new) {
        case (nil, let new?): return "\(path) is added: \(ValueText.truncatedLine(new, style: .flow))"
        case (let old?, nil): return "\(path) is removed (was \(ValueText.truncatedLine(old, style: .flow)))"
        case (let old?, let new?):
            return "\(path) changes from \(ValueText.truncatedLine(old, style: .flow)) to \(ValueText.truncatedLine(new, style: .flow))"
        case (nil, nil): return path
        }
    }

    private static func result(_ rule: Rule, level: Level? = nil, _ message: String, _ locations: [Value]) -> Value {
        .fields([
            ("ruleId", .string(rule.rawValue)),
            ("ruleIndex", .integer(rule.index)),
            ("level", .string((level ?? rule.defaultLevel).rawValue)),
            ("message", .fields([("text", .string(message))])),
            ("locations", .list(locations)),
        ])
    }

    /// A logical location: the template path, named by its logical ID.
    private static func location(_ path: TemplatePath, kind: String) -> Value {
        .fields([("logicalLocations", .list([
            .fields([
                ("name", .string(path.logicalID ?? path.description)),
                ("fullyQualifiedName", .string(path.description)),
                ("kind", .string(kind)),
            ]),
        ]))])
    }
}

extension TemplatePath {
    static func + (lhs: TemplatePath, rhs: TemplatePath) -> TemplatePath {
        TemplatePath(lhs.components + rhs.components)
    }
}
