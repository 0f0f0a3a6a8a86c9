import CloudFormation

/// Policy documents written in one form, so that two spellings IAM reads
/// alike compare equal: a document written as a JSON string is read; in each
/// statement, `Action`, `NotAction`, `Resource`, `NotResource`, each key of
/// `Principal` and `NotPrincipal` and each condition key's values are sets
/// (`"x"` is `["x"]`, and their order is no change); `Statement` written as
/// one statement is a list of it. The order of statements is kept.
public enum PolicyDocumentForm {
    /// The properties of a resource with each policy document it holds
    /// (`PolicyKind.kinds(of:)`) in that form.
    public static func canonicalProperties(of resourceType: String, _ properties: Object) -> Object {
        var result = Value.object(properties)
        for kind in PolicyKind.kinds(of: resourceType) {
            switch kind.location {
            case .document(let path): result = rewriting(result, at: path[...], with: canonical)
            case .samPolicies: result = rewriting(result, at: ["Policies"], with: canonicalSAMPolicies)
            case .statementProperties: result = rewriting(result, at: ["Statement"], with: canonicalStatement)
            }
        }
        guard case .object(let object) = result else { return properties }
        return object
    }

    /// `new`'s properties with each policy document, statement or statement
    /// element that reads as `old`'s at the same place spelt as `old` spells
    /// it: compared with `old`, what remains different is what IAM reads
    /// differently, each in the spelling its template wrote.
    public static func aligning(_ new: Object, to old: Object, resourceType: String) -> Object {
        var result = Value.object(new)
        for kind in PolicyKind.kinds(of: resourceType) {
            switch kind.location {
            case .document(let path):
                result = aligning(result, to: .object(old), at: path[...], with: alignedDocument)
            case .samPolicies:
                result = aligning(result, to: .object(old), at: ["Policies"], with: { new, old in
                    guard case .list(let newItems) = new, case .list(let oldItems) = old else { return alignedDocument(new, old) }
                    return .list(newItems.indices.map { $0 < oldItems.count ? alignedDocument(newItems[$0], oldItems[$0]) : newItems[$0] })
                })
            case .statementProperties:
                result = aligning(result, to: .object(old), at: ["Statement"], with: alignedStatement)
            }
        }
        guard case .object(let object) = result else { return new }
        return object
    }

    private static func alignedDocument(_ new: Value, _ old: Value) -> Value {
        if canonical(new) == canonical(old) { return old }
        guard case .object(var newObject) = new, case .object(let oldObject) = old,
            let newStatements = newObject["Statement"], let oldStatements = oldObject["Statement"]
        else { return new }
        if case .list(let newItems) = newStatements, case .list(let oldItems) = oldStatements {
            newObject["Statement"] = .list(newItems.indices.map { $0 < oldItems.count ? alignedStatement(newItems[$0], oldItems[$0]) : newItems[$0] })
        } else {
            newObject["Statement"] = alignedStatement(newStatements, oldStatements)
        }
        return .object(newObject)
    }

    private static func alignedStatement(_ new: Value, _ old: Value) -> Value {
        if canonicalStatement(new) == canonicalStatement(old) { return old }
        guard case .object(let newObject) = new, case .object(let oldObject) = old else { return new }
        return .object(Object(newObject.entries.map { entry in
            guard let before = oldObject[entry.key] else { return entry }
            let alike = canonicalStatement(.object([entry.key: entry.value])) == canonicalStatement(.object([entry.key: before]))
            return alike ? Object.Entry(entry.key, before) : entry
        }))
    }

    /// `new` with what is at `path` in both replaced by `align(new part, old part)`.
    private static func aligning(_ new: Value, to old: Value, at path: ArraySlice<String>, with align: (Value, Value) -> Value) -> Value {
        guard let component = path.first else { return align(new, old) }
        switch (component, new, old) {
        case ("*", .list(let newItems), .list(let oldItems)):
            return .list(newItems.indices.map { index in
                index < oldItems.count ? aligning(newItems[index], to: oldItems[index], at: path.dropFirst(), with: align) : newItems[index]
            })
        case (_, .object(var newObject), .object(let oldObject)):
            guard let newInner = newObject[component], let oldInner = oldObject[component] else { return new }
            newObject[component] = aligning(newInner, to: oldInner, at: path.dropFirst(), with: align)
            return .object(newObject)
        default:
            return new
        }
    }

    /// A document in the canonical form.
    public static func canonical(_ document: Value) -> Value {
        mapBranches(TemplatePolicies.parsed(document)) { document in
            guard case .object(var object) = document, let statement = object["Statement"] else { return document }
            object["Statement"] = mapBranches(statement) { statement in
                let items: [Value] = if case .list(let list) = statement { list } else { [statement] }
                return .list(items.map { mapBranches($0, canonicalStatement) })
            }
            return .object(object)
        }
    }

    private static func canonicalStatement(_ statement: Value) -> Value {
        guard case .object(let object) = statement else { return statement }
        return .object(Object(object.entries.map { entry in
            switch entry.key {
            case "Action", "NotAction", "Resource", "NotResource":
                return Object.Entry(entry.key, set(entry.value))
            case "Principal", "NotPrincipal", "Condition":
                guard case .object(let inner) = entry.value else { return entry }
                return Object.Entry(entry.key, .object(Object(inner.entries.map { item in
                    guard entry.key == "Condition", case .object(let keys) = item.value else { return Object.Entry(item.key, set(item.value)) }
                    return Object.Entry(item.key, .object(Object(keys.entries.map { Object.Entry($0.key, set($0.value)) })))
                })))
            default:
                return entry
            }
        }))
    }

    private static func canonicalSAMPolicies(_ policies: Value) -> Value {
        mapBranches(policies) { policies in
            guard case .list(let items) = policies else { return canonical(policies) }
            return .list(items.map { mapBranches($0, canonical) })
        }
    }

    /// A value or list of values as a sorted list without repeats; `Fn::If` branch by branch.
    private static func set(_ value: Value) -> Value {
        mapBranches(value) { value in
            let items: [Value] = if case .list(let list) = value { list } else { [value] }
            var seen = Set<Value>()
            return .list(items.filter { seen.insert($0).inserted }.sorted { sortKey($0) < sortKey($1) })
        }
    }

    private static func sortKey(_ value: Value) -> String {
        if case .string(let text) = value { return "0" + text }
        return "1" + String(describing: value)
    }

    private static func mapBranches(_ value: Value, _ transform: (Value) -> Value) -> Value {
        if case .intrinsic(.if(let condition, let then, let otherwise)) = value {
            return .intrinsic(.if(condition: condition, then: mapBranches(then, transform), else: mapBranches(otherwise, transform)))
        }
        return transform(value)
    }

    /// The value with what is at `path` (`*`: each item of a list) rewritten.
    private static func rewriting(_ value: Value, at path: ArraySlice<String>, with transform: (Value) -> Value) -> Value {
        guard let component = path.first else { return transform(value) }
        switch (component, value) {
        case ("*", .list(let items)):
            return .list(items.map { rewriting($0, at: path.dropFirst(), with: transform) })
        case (_, .object(var object)):
            guard let inner = object[component] else { return value }
            object[component] = rewriting(inner, at: path.dropFirst(), with: transform)
            return .object(object)
        default:
            return value
        }
    }
}
