import CloudFormation

/// Where a value refers to other resources: `Ref`, `Fn::GetAtt`, and
/// `Fn::Sub` placeholders (`${Topic}`, `${Queue.Arn}`), each reported at the
/// path of the innermost value that holds it.
enum ReferenceFinder {
    struct Reference: Hashable {
        var path: TemplatePath
        var logicalID: String
    }

    static func references(in value: Value, at path: TemplatePath, to targets: Set<String>) -> [Reference] {
        var found: [Reference] = []
        collect(value, at: path, into: &found)
        var seen = Set<Reference>()
        return found.filter { targets.contains($0.logicalID) && seen.insert($0).inserted }
    }

    private static func collect(_ value: Value, at path: TemplatePath, into found: inout [Reference]) {
        switch value {
        case .list(let items):
            for (index, item) in items.enumerated() { collect(item, at: path.appending(index: index), into: &found) }
        case .object(let object):
            for entry in object.entries { collect(entry.value, at: path.appending(entry.key), into: &found) }
        case .intrinsic(.ref(let name)):
            found.append(Reference(path: path, logicalID: name))
        case .intrinsic(.getAtt(let resource, _)):
            found.append(Reference(path: path, logicalID: resource))
        case .intrinsic(.sub(let text, let variables)):
            let local = Set(variables.keys)
            let placeholders = (try? SubPlaceholders.parse(text).get()) ?? []
            for placeholder in placeholders where !local.contains(placeholder.name) {
                found.append(Reference(path: path, logicalID: placeholder.name))
            }
            for entry in variables.entries { collect(entry.value, at: path, into: &found) }
        case .intrinsic(let intrinsic):
            // Any other function is one value: a reference anywhere in its argument is a reference here.
            var inside: [Reference] = []
            collect(intrinsic.longFormArgument, at: path, into: &inside)
            found += inside.map { Reference(path: path, logicalID: $0.logicalID) }
        case .string, .integer, .double, .bool, .null:
            break
        }
    }
}
