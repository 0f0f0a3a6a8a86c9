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
        // The added resources by type and canonical properties, each list in template order.
        var unpaired: [Signature: [Int]] = [:]
        for (index, resource) in added.enumerated() {
            unpaired[Signature(resource), default: []].append(index)
        }
        var result: [Rename] = []
        for old in removed {
            let signature = Signature(old)
            guard let match = unpaired[signature]?.first else { continue }
            unpaired[signature]!.removeFirst()
            result.append(Rename(old: old, new: added[match]))
        }
        return result
    }

    private struct Signature: Hashable {
        var type: String
        var properties: Value

        init(_ resource: Resource) {
            type = resource.type
            properties = CanonicalValue.normalized(.object(resource.properties))
        }
    }
}
