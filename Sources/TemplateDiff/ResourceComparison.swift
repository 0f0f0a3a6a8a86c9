import CloudFormation
import IAMPolicies

/// Compares the resources of two templates by logical ID, and says which
/// changes replace a resource and what the replacement does to its data.
enum ResourceComparison {
    /// Added, modified and renamed resources in the new template's order,
    /// then removed ones in the old template's order.
    static func changes(old: Template, new: Template) -> [ResourceChange] {
        let oldIDs = Set(old.resources.map(\.logicalID))
        let newIDs = Set(new.resources.map(\.logicalID))
        let removed = old.resources.filter { !newIDs.contains($0.logicalID) }
        let added = new.resources.filter { !oldIDs.contains($0.logicalID) }
        let renames = RenameDetection.renames(removed: removed, added: added)
        let renamedFrom = Dictionary(uniqueKeysWithValues: renames.map { ($0.new.logicalID, $0.old) })
        let renamedOldIDs = Set(renames.map(\.old.logicalID))

        let oldResources = old.resourcesByID
        var modified: [String: ResourceChange] = [:]
        for resource in new.resources {
            if let before = oldResources[resource.logicalID], let change = modification(from: before, to: resource) {
                modified[resource.logicalID] = change
            }
        }
        ReplacementCascade.propagate(into: &modified, old: old, new: new)

        var result: [ResourceChange] = []
        for resource in new.resources {
            if oldResources[resource.logicalID] != nil {
                if let change = modified[resource.logicalID] { result.append(change) }
            } else if let before = renamedFrom[resource.logicalID] {
                result.append(rename(from: before, to: resource))
            } else {
                // An added resource shows no properties; its condition decides whether it exists at all.
                let notes = resource.condition.map { ["Created only when the condition \($0) holds."] } ?? []
                result.append(ResourceChange(kind: .added, logicalID: resource.logicalID, type: resource.type, notes: notes))
            }
        }
        for resource in removed where !renamedOldIDs.contains(resource.logicalID) {
            result.append(ResourceChange(
                kind: .removed, logicalID: resource.logicalID, type: resource.type,
                removal: OldResourceFates.afterRemoval(of: resource)))
        }
        return result
    }

    private static func modification(from old: Resource, to new: Resource) -> ResourceChange? {
        let attributeChanges = ValueDiff.changes(from: attributes(of: old), to: attributes(of: new), at: [])
        // Policy documents compare as IAM reads them: reordering a statement's actions is no change.
        let propertyChanges = ValueDiff.changes(
            from: old.properties, to: PolicyDocumentForm.aligning(new.properties, to: old.properties, resourceType: new.type),
            at: ["Properties"])
        let typeChanged = old.type != new.type
        guard typeChanged || !attributeChanges.isEmpty || !propertyChanges.isEmpty else { return nil }

        var change = ResourceChange(
            kind: .modified, logicalID: new.logicalID, type: new.type, oldType: typeChanged ? old.type : nil,
            attributeChanges: attributeChanges, propertyChanges: propertyChanges)
        var causes: [Replacement.Cause] = []
        if typeChanged {
            causes.append(.typeChanged(from: old.type, to: new.type))
        } else {
            let createOnly = propertyChanges.map(\.path).filter {
                CreateOnlyProperties.createOnlyProperty(touchedBy: $0, type: new.type) != nil
            }
            if !createOnly.isEmpty { causes.append(.createOnlyPropertiesChanged(createOnly)) }
            if !propertyChanges.isEmpty, !CreateOnlyProperties.isKnown(new.type) {
                change.replacementIsUnknown = true
                change.notes.append(ChangeWording.unknownReplacement(of: new.type))
            }
            if !createOnly.isEmpty {
                change.notes += fixedNameNotes(new, changed: createOnly) { name, value in
                    "\(name) stays \(value): CloudFormation cannot replace a resource with a custom name, "
                        + "so this update fails; change \(name) as well, or remove it."
                }
            }
        }
        if !causes.isEmpty {
            change.replacement = Replacement(causes: causes, oldResourceFate: OldResourceFates.afterReplacement(of: old))
        }
        return change
    }

    private static func rename(from old: Resource, to new: Resource) -> ResourceChange {
        var change = ResourceChange(
            kind: .renamed, logicalID: new.logicalID, oldLogicalID: old.logicalID, type: new.type,
            attributeChanges: ValueDiff.changes(from: attributes(of: old), to: attributes(of: new), at: []),
            replacement: Replacement(causes: [.renamed(from: old.logicalID)], oldResourceFate: OldResourceFates.afterRemoval(of: old)))
        if let policy = old.updateReplacePolicy, policy != .delete, old.deletionPolicy == nil || old.deletionPolicy == .delete {
            change.notes.append(
                "UpdateReplacePolicy: \(policy.rawValue) does not apply: the old logical ID leaves the template, "
                    + "so its DeletionPolicy (\(old.deletionPolicy?.rawValue ?? "Delete, by default")) decides.")
        }
        change.notes += fixedNameNotes(new, changed: []) { name, value in
            "The new resource is created with the same \(name), \(value), while the old one still exists, "
                + "so its creation fails; change \(name) as well."
        }
        return change
    }

    /// A note for each custom physical name the resource keeps unchanged.
    private static func fixedNameNotes(
        _ resource: Resource, changed: [TemplatePath], _ note: (String, String) -> String
    ) -> [String] {
        let changedNames = Set(changed.compactMap { path -> String? in
            guard path.components.count >= 2, case .key(let name) = path.components[1] else { return nil }
            return name
        })
        return CreateOnlyProperties.physicalNameProperties(of: resource.type).compactMap { name in
            guard !changedNames.contains(name), let value = resource.properties[name] else { return nil }
            return note(name, ValueText.line(value, style: .flow))
        }
    }

    /// The attributes beside `Properties`, as one object to compare. `DependsOn`
    /// is sorted: it is a set of resources to wait for, whatever its order.
    static func attributes(of resource: Resource) -> Object {
        var object = Object()
        object["Condition"] = resource.condition.map(Value.string)
        object["DependsOn"] = resource.dependsOn.isEmpty ? nil : .list(resource.dependsOn.sorted().map(Value.string))
        object["Metadata"] = resource.metadata.map(Value.object)
        object["CreationPolicy"] = resource.creationPolicy
        object["UpdatePolicy"] = resource.updatePolicy
        object["DeletionPolicy"] = resource.deletionPolicy.map { .string($0.rawValue) }
        object["UpdateReplacePolicy"] = resource.updateReplacePolicy.map { .string($0.rawValue) }
        for attribute in resource.otherAttributes.entries { object[attribute.key] = attribute.value }
        return object
    }
}
