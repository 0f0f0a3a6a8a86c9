/// Raw changes to a typed resource's properties, applied in order when the
/// resource is written: the escape hatch for what a schema lacks.
public struct PropertyOverrides: Hashable, Sendable {
    enum Change: Hashable, Sendable {
        case set([String], Value)
        case remove([String])
    }

    var changes: [Change] = []

    public init() {}

    public var isEmpty: Bool { changes.isEmpty }

    mutating func set(_ path: String, _ value: Value) {
        changes.append(.set(Self.components(path), value))
    }

    mutating func remove(_ path: String) {
        changes.append(.remove(Self.components(path)))
    }

    func apply(to properties: inout Object) {
        var root = Value.object(properties)
        for change in changes {
            switch change {
            case .set(let path, let value): Self.set(value, at: path[...], in: &root)
            case .remove(let path): Self.remove(at: path[...], in: &root)
            }
        }
        if case .object(let object) = root { properties = object }
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Creates objects along the way, as the CDK does; a numeric component
    /// indexes into an existing list.
    private static func set(_ value: Value, at path: ArraySlice<String>, in node: inout Value) {
        guard let key = path.first else {
            node = value
            return
        }
        let rest = path.dropFirst()
        if case .list(var items) = node, let index = Int(key), items.indices.contains(index) {
            set(value, at: rest, in: &items[index])
            node = .list(items)
            return
        }
        var object = Object()
        if case .object(let existing) = node { object = existing }
        var child = object[key] ?? .object([:])
        set(value, at: rest, in: &child)
        object[key] = child
        node = .object(object)
    }

    private static func remove(at path: ArraySlice<String>, in node: inout Value) {
        guard let key = path.first else { return }
        let rest = path.dropFirst()
        switch node {
        case .object(var object):
            if rest.isEmpty {
                object[key] = nil
            } else if var child = object[key] {
                remove(at: rest, in: &child)
                object[key] = child
            }
            node = .object(object)
        case .list(var items):
            guard let index = Int(key), items.indices.contains(index) else { return }
            if rest.isEmpty {
                items.remove(at: index)
            } else {
                remove(at: rest, in: &items[index])
            }
            node = .list(items)
        default:
            break
        }
    }
}
