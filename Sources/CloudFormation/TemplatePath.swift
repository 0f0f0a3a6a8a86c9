/// Where in a template something is: `Resources.Queue.Properties.Tags[0].Value`.
public struct TemplatePath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public init(arrayLiteral elements: String...) {
        components = elements.map(Component.key)
    }

    public func appending(_ key: String) -> TemplatePath {
        TemplatePath(components + [.key(key)])
    }

    public func appending(index: Int) -> TemplatePath {
        TemplatePath(components + [.index(index)])
    }

    /// The section (`Resources`) and the logical ID, when the path has them.
    public var logicalID: String? {
        guard components.count >= 2, case .key(let id) = components[1] else { return nil }
        return id
    }

    /// The last key, skipping list indices.
    public var lastKey: String? {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return nil
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
