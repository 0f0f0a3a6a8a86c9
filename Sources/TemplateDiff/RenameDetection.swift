import CloudFormation

/// Pairs a removed resource with an added one of the same type and the same
/// properties: the same resource under a new logical ID, which CloudFormation
/// nevertheless creates anew and deletes the old one of.
///
/// Pairs are made in template order (each removed resource, in the old
/// template's order, takes the first unpaired match in the new template's
/// order), so the answer never depends on a dictionary's order.
enum RenameDetection {
    struct Rename {
        var old: Resource
        var new: Resource
    }

    static func renames(removed: [Resource], added: [Resource]) -> [Rename] {
        var taken = Set<Int>()
        var result: [Rename] = []
        for old in removed {
            let canonical = CanonicalValue.normalized(.object(old.properties))
            let match = added.indices.first { index in
                !taken.contains(index) && added[index].type == old.type
                    && CanonicalValue.normalized(.object(added[index].properties)) == canonical
            }
            guard let match else { continue }
            taken.insert(match)
            result.append(Rename(old: old, new: added[match]))
        }
        return result
    }
}
