import CloudFormation

/// The differences between two values, each at the deepest path where the
/// two still have the same shape.
///
/// Mappings are compared key by key, whatever their order. Lists are compared
/// item by item when they have the same length; otherwise the items they
/// share at the start and at the end are set aside, so that a tag appended or
/// a statement inserted shows as one item added rather than as every later
/// item changed. An intrinsic function is one value: a `!Sub` whose text
/// changed is reported whole, since its parts mean nothing apart.
enum ValueDiff {
    static func changes(from old: Value?, to new: Value?, at path: TemplatePath) -> [ValueChange] {
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, _), (_, nil):
            return [ValueChange(path: path, old: old, new: new)]
        case (let old?, let new?):
            if CanonicalValue.equal(old, new) { return [] }
            switch (old, new) {
            case (.object(let lhs), .object(let rhs)):
                return changes(from: lhs, to: rhs, at: path)
            case (.list(let lhs), .list(let rhs)):
                return changes(from: lhs, to: rhs, at: path)
            default:
                return [ValueChange(path: path, old: old, new: new)]
            }
        }
    }

    /// Keys in the new object's order, then the keys only the old one had, in its order.
    static func changes(from old: Object, to new: Object, at path: TemplatePath) -> [ValueChange] {
        var result: [ValueChange] = []
        for entry in new.entries {
            result += changes(from: old[entry.key], to: entry.value, at: path.appending(entry.key))
        }
        let newKeys = Set(new.keys)
        for entry in old.entries where !newKeys.contains(entry.key) {
            result.append(ValueChange(path: path.appending(entry.key), old: entry.value, new: nil))
        }
        return result
    }

    private static func changes(from old: [Value], to new: [Value], at path: TemplatePath) -> [ValueChange] {
        var prefix = 0
        if old.count != new.count {
            while prefix < min(old.count, new.count), CanonicalValue.equal(old[prefix], new[prefix]) { prefix += 1 }
        }
        var suffix = 0
        if old.count != new.count {
            while suffix < min(old.count, new.count) - prefix,
                CanonicalValue.equal(old[old.count - 1 - suffix], new[new.count - 1 - suffix])
            {
                suffix += 1
            }
        }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        let paired = min(oldMiddle.count, newMiddle.count)
        var result: [ValueChange] = []
        for offset in 0..<paired {
            // Inside the middle both lists start at `prefix`, so a paired item has one index in both.
            let index = prefix + offset
            result += changes(from: old[index], to: new[index], at: path.appending(index: index))
        }
        for index in oldMiddle.dropFirst(paired) {
            result.append(ValueChange(path: path.appending(index: index), old: old[index], new: nil))
        }
        for index in newMiddle.dropFirst(paired) {
            result.append(ValueChange(path: path.appending(index: index), old: nil, new: new[index]))
        }
        return result
    }
}
