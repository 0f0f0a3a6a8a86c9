/// Where in a template something is: `Resources.Queue.Properties.Tags[0].Value`.
///
/// Stored as a chain from the last component back to the first, shared
/// between a path and the paths appended to it, because the walks over a
/// template (validation, reference collection, the IAM checks) extend a path
/// at every node: appending is one small allocation and copies nothing;
/// `components` builds the array when asked.
public struct TemplatePath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private final class Link: Sendable {
        let parent: Link?
        let component: Component
        let count: Int

        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
            count = (parent?.count ?? 0) + 1
        }
    }

    private var last: Link?
    /// See `untracked`.
    private var isUntracked = false

    private init(last: Link?) {
        self.last = last
    }

    /// A path that stays empty whatever is appended to it. A walk given it
    /// as its start allocates nothing for where it is: for a first pass that
    /// only finds out whether there is anything to report, before a second
    /// pass, on what has a problem, works out where.
    public static let untracked: TemplatePath = {
        var path = TemplatePath()
        path.isUntracked = true
        return path
    }()

    public init(_ components: [Component] = []) {
        for component in components { last = Link(parent: last, component: component) }
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements.map(Component.key))
    }

    /// The components from the first (`Resources`) to the last.
    public var components: [Component] {
        var result: [Component] = []
        result.reserveCapacity(count)
        var link = last
        while let current = link {
            result.append(current.component)
            link = current.parent
        }
        return result.reversed()
    }

    /// How many components the path has.
    public var count: Int { last?.count ?? 0 }

    public var isEmpty: Bool { last == nil }

    public func appending(_ key: String) -> TemplatePath {
        appending(.key(key))
    }

    public func appending(index: Int) -> TemplatePath {
        appending(.index(index))
    }

    public func appending(_ component: Component) -> TemplatePath {
        isUntracked ? self : TemplatePath(last: Link(parent: last, component: component))
    }

    public static func == (lhs: TemplatePath, rhs: TemplatePath) -> Bool {
        guard lhs.count == rhs.count, lhs.isUntracked == rhs.isUntracked else { return false }
        var left = lhs.last, right = rhs.last
        while let l = left, let r = right {
            if l === r { return true }  // a shared beginning
            if l.component != r.component { return false }
            left = l.parent
            right = r.parent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(isUntracked)
        var link = last
        while let current = link {
            hasher.combine(current.component)
            link = current.parent
        }
    }

    /// The section (`Resources`) and the logical ID, when the path has them.
    public var logicalID: String? {
        guard count >= 2 else { return nil }
        var link = last
        while let current = link, current.count > 2 { link = current.parent }
        guard case .key(let id)? = link?.component else { return nil }
        return id
    }

    /// The last key, skipping list indices.
    public var lastKey: String? {
        var link = last
        while let current = link {
            if case .key(let key) = current.component { return key }
            link = current.parent
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
