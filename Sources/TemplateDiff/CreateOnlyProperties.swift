import AWSResources
import CloudFormation

/// The properties whose change makes CloudFormation replace a resource: the
/// resource registry's create-only properties (the resource schemas'
/// `createOnlyProperties`), for every type the schemas have.
///
/// A type the registry does not have (`Custom::…`, a third-party or private
/// type) is unknown: whether a change replaces it cannot be said. So is
/// `AWS::CloudFormation::CustomResource`, whose handler decides by the
/// physical ID it returns.
enum CreateOnlyProperties {
    private static func paths(of type: String) -> [[String]]? {
        ResourceRegistry.type(named: type)?.createOnlyProperties.map { $0.split(separator: ".").map(String.init) }
    }

    static func isKnown(_ type: String) -> Bool {
        type != "AWS::CloudFormation::CustomResource" && ResourceRegistry.contains(type)
    }

    /// The create-only property a change at `path` (below the resource, so
    /// starting with `Properties`) touches, written as the schema writes it,
    /// or `nil`. A change touches a create-only property when either path is a
    /// prefix of the other: a change inside it, or a change of the whole
    /// object that contains it. `*` in a schema path stands for any list index or key.
    static func createOnlyProperty(touchedBy path: TemplatePath, type: String) -> String? {
        guard let patterns = paths(of: type), case .key("Properties")? = path.components.first else { return nil }
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
        (paths(of: type) ?? []).compactMap { path in
            path.count == 1 && path[0].hasSuffix("Name") ? path[0] : nil
        }
    }
}
