import CloudFormation

/// Replacements the template's text does not show: a resource replaced under
/// the same logical ID gets a new physical ID and ARN, so every `Ref` and
/// `Fn::GetAtt` to it takes a new value on deploy. Where such a reference
/// sits in a create-only property (a subscription's `TopicArn`), the
/// referring resource is replaced too, and so on down the chain; elsewhere
/// it is updated in place, which the report notes.
///
/// A rename needs none of this: references to the new logical ID are
/// changes in the text, which the property comparison already sees.
enum ReplacementCascade {
    /// Adds the causes and notes to `modified` (the resources whose text
    /// changed, by logical ID), and entries for resources whose text did not.
    static func propagate(into modified: inout [String: ResourceChange], old: Template, new: Template) {
        var replaced = Set(new.resources.map(\.logicalID).filter { modified[$0]?.replacement != nil })
        guard !replaced.isEmpty else { return }
        let oldResources = old.resourcesByID
        // Only a resource with a reference in a create-only property can be
        // replaced by the cascade: each is found once, and each round looks
        // at those alone.
        let allIDs = Set(new.resources.map(\.logicalID))
        var candidates: [(resource: Resource, before: Resource, createOnly: [ReferenceFinder.Reference])] = new.resources.compactMap { resource in
            guard !replaced.contains(resource.logicalID), let before = oldResources[resource.logicalID], before.type == resource.type
            else { return nil }
            let createOnly = references(in: resource, to: allIDs).filter {
                CreateOnlyProperties.createOnlyProperty(touchedBy: $0.path, type: resource.type) != nil
            }
            return createOnly.isEmpty ? nil : (resource, before, createOnly)
        }
        var grew = true
        while grew {
            grew = false
            for (resource, before, references) in candidates where !replaced.contains(resource.logicalID) {
                let createOnly = references.filter { replaced.contains($0.logicalID) }
                guard !createOnly.isEmpty else { continue }
                var change = modified[resource.logicalID] ?? ResourceChange(kind: .modified, logicalID: resource.logicalID, type: resource.type)
                let causes = grouped(createOnly).map { Replacement.Cause.referencedResourceReplaced(logicalID: $0.id, paths: $0.paths) }
                if change.replacement != nil {
                    change.replacement!.causes += causes
                } else {
                    change.replacement = Replacement(causes: causes, oldResourceFate: OldResourceFates.afterReplacement(of: before))
                }
                modified[resource.logicalID] = change
                replaced.insert(resource.logicalID)
                grew = true
            }
            candidates.removeAll { replaced.contains($0.resource.logicalID) }
        }
        for resource in new.resources where !replaced.contains(resource.logicalID) {
            guard oldResources[resource.logicalID] != nil else { continue }
            let inPlace = references(in: resource, to: replaced)
            guard !inPlace.isEmpty else { continue }
            var change = modified[resource.logicalID] ?? ResourceChange(kind: .modified, logicalID: resource.logicalID, type: resource.type)
            for group in grouped(inPlace) {
                change.notes.append(
                    group.paths.map(\.description).joined(separator: ", ") + (group.paths.count == 1 ? " refers" : " refer")
                        + " to \(group.id), which is replaced: updated in place with its new value.")
            }
            modified[resource.logicalID] = change
        }
    }

    private static func references(in resource: Resource, to targets: Set<String>) -> [ReferenceFinder.Reference] {
        ReferenceFinder.references(in: .object(resource.properties), at: ["Properties"], to: targets)
    }

    /// The paths referring to each resource, in the order the references were found.
    private static func grouped(_ references: [ReferenceFinder.Reference]) -> [(id: String, paths: [TemplatePath])] {
        var groups: [(id: String, paths: [TemplatePath])] = []
        for reference in references {
            if let index = groups.firstIndex(where: { $0.id == reference.logicalID }) {
                groups[index].paths.append(reference.path)
            } else {
                groups.append((reference.logicalID, [reference.path]))
            }
        }
        return groups
    }
}
