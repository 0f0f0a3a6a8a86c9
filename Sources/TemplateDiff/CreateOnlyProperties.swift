import AWSResources
import CloudFormation

/// The properties whose change makes CloudFormation replace a resource, from
/// the generated types' `createOnlyProperties` (the resource schemas'
/// `createOnlyProperties`).
///
/// A type without a generated Swift type is unknown here: no property of it
/// is taken to replace it, and the report says that replacement was not assessed.
enum CreateOnlyProperties {
    /// Looked up by name only, never iterated, so its order reaches nothing.
    private static let pathsByType: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for type in GeneratedResourceTypes.all {
            table[type.typeName] = type.createOnlyProperties.map { $0.split(separator: ".").map(String.init) }
        }
        return table
    }()

    static func isKnown(_ type: String) -> Bool { pathsByType[type] != nil }

    /// The create-only property a change at `path` (below the resource, so
    /// starting with `Properties`) touches, written as the schema writes it,
    /// or `nil`. A change touches a create-only property when either path is a
    /// prefix of the other: a change inside it, or a change of the whole
    /// object that contains it. `*` in a schema path stands for any list index or key.
    static func createOnlyProperty(touchedBy path: TemplatePath, type: String) -> String? {
        guard let patterns = pathsByType[type], case .key("Properties")? = path.components.first else { return nil }
        let changed = path.components.dropFirst().map { component -> String in
            switch component {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
        for pattern in patterns {
            let shared = min(pattern.count, changed.count)
            if zip(pattern.prefix(shared), changed.prefix(shared)).allSatisfy({ $0 == "*" || $0 == $1 }) {
                return pattern.joined(separator: ".")
            }
        }
        return nil
    }
}

extension CreateOnlyProperties {
    /// The create-only properties directly below `Properties` whose name ends
    /// in `Name` (`BucketName`, `TableName`): the custom physical names that
    /// make a replacement or a second copy collide with the first.
    static func physicalNameProperties(of type: String) -> [String] {
        (pathsByType[type] ?? []).compactMap { path in
            path.count == 1 && path[0].hasSuffix("Name") ? path[0] : nil
        }
    }
}
