import CloudFormation

/// Compares parameters and outputs by logical ID, each as the object of its
/// fields, so that a field changes by path like any property.
enum EntryComparison {
    static func parameterChanges(old: Template, new: Template) -> [EntryChange] {
        changes(
            old: old.parameters.map { ($0.logicalID, fields(of: $0)) },
            new: new.parameters.map { ($0.logicalID, fields(of: $0)) },
            notes: { _, _, _ in [] })
    }

    /// `replaced`: the resources replaced under their own logical ID, whose
    /// `Ref` and `Fn::GetAtt` values change without the text changing.
    static func outputChanges(old: Template, new: Template, replaced: Set<String>) -> [EntryChange] {
        changes(
            old: old.outputs.map { ($0.logicalID, fields(of: $0)) },
            new: new.outputs.map { ($0.logicalID, fields(of: $0)) },
            notes: { _, before, after in exportNotes(old: before, new: after, replaced: replaced) })
    }

    /// In the new template's order, then the removed entries in the old one's.
    private static func changes(
        old: [(String, Object)], new: [(String, Object)],
        notes: (EntryChange.Kind, Object?, Object?) -> [String]
    ) -> [EntryChange] {
        let oldByID = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.0))
        var result: [EntryChange] = []
        for (id, fields) in new {
            if let before = oldByID[id] {
                let changes = ValueDiff.changes(from: before, to: fields, at: [])
                let notes = notes(.modified, before, fields)
                if !changes.isEmpty || !notes.isEmpty {
                    result.append(EntryChange(kind: .modified, logicalID: id, changes: changes, notes: notes))
                }
            } else {
                let changes = ValueDiff.changes(from: Object(), to: fields, at: [])
                result.append(EntryChange(kind: .added, logicalID: id, changes: changes, notes: notes(.added, nil, fields)))
            }
        }
        for (id, fields) in old where !newIDs.contains(id) {
            let changes = ValueDiff.changes(from: fields, to: Object(), at: [])
            result.append(EntryChange(kind: .removed, logicalID: id, changes: changes, notes: notes(.removed, fields, nil)))
        }
        return result
    }

    /// Another stack's `Fn::ImportValue` holds an export in place: CloudFormation
    /// refuses to remove or rename an export, or to change its value, while
    /// anything imports it.
    private static func exportNotes(old: Object?, new: Object?, replaced: Set<String>) -> [String] {
        guard let oldExport = old?["Export"] else { return [] }
        let name = ValueText.line(exportName(oldExport), style: .flow)
        let consequence = "the update fails while another stack imports it."
        guard let newExport = new?["Export"], CanonicalValue.equal(oldExport, newExport) else {
            return ["The export \(name) goes away: " + consequence]
        }
        guard let oldValue = old?["Value"], let newValue = new?["Value"] else { return [] }
        if !CanonicalValue.equal(oldValue, newValue) {
            return ["The value of the export \(name) changes: " + consequence]
        }
        if let through = ReferenceFinder.references(in: newValue, at: [], to: replaced).first {
            return ["The value of the export \(name) changes, since \(through.logicalID) is replaced: " + consequence]
        }
        return []
    }

    private static func exportName(_ export: Value) -> Value {
        export.objectValue?["Name"] ?? export
    }

    static func fields(of parameter: Parameter) -> Object {
        var object = Object()
        object["Type"] = .string(parameter.type.rawValue)
        object["Description"] = parameter.description.map(Value.string)
        object["Default"] = parameter.defaultValue
        object["AllowedValues"] = parameter.allowedValues.map(Value.list)
        object["AllowedPattern"] = parameter.allowedPattern.map(Value.string)
        object["ConstraintDescription"] = parameter.constraintDescription.map(Value.string)
        object["MinLength"] = parameter.minLength.map(Value.integer)
        object["MaxLength"] = parameter.maxLength.map(Value.integer)
        object["MinValue"] = parameter.minValue.map(bound)
        object["MaxValue"] = parameter.maxValue.map(bound)
        object["NoEcho"] = parameter.noEcho ? .bool(true) : nil
        return object
    }

    /// Bounds are stored as doubles; `MinValue: 1` reads better than `1.0`.
    private static func bound(_ number: Double) -> Value {
        number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .double(number)
    }

    static func fields(of output: Output) -> Object {
        var object = Object()
        object["Description"] = output.description.map(Value.string)
        object["Value"] = output.value
        object["Export"] = output.exportName.map { ["Name": $0] }
        object["Condition"] = output.condition.map(Value.string)
        return object
    }
}
