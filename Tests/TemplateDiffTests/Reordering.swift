import CloudFormation

/// The same template with the keys of every mapping in reverse order: what
/// a reformatting tool or another author's editor may do.
enum Reordering {
    static func reversingKeys(of template: Template) -> Template {
        var result = template
        result.resources = template.resources.map { resource in
            var copy = resource
            copy.properties = reversed(resource.properties)
            return copy
        }
        return result
    }

    private static func reversed(_ object: Object) -> Object {
        Object(object.entries.reversed().map { Object.Entry($0.key, reversed($0.value)) })
    }

    private static func reversed(_ value: Value) -> Value {
        switch value {
        case .object(let object): .object(reversed(object))
        case .list(let items): .list(items.map(reversed))
        default: value
        }
    }
}
