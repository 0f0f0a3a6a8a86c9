/// Which resources each resource needs created first: the ones its values
/// refer to (`Ref`, `Fn::GetAtt`, `Fn::Sub`) and the ones its `DependsOn` names.
public struct ResourceDependencies: Sendable {
    /// Resource → resources it refers to in its properties, metadata and
    /// policies, in first-use order.
    public let implied: [String: [String]]
    /// Resource → its `DependsOn` entries that name resources.
    public let explicit: [String: [String]]
    /// Resources in template order, so every walk over them is deterministic.
    public let order: [String]

    public init(_ template: Template) {
        let resources = template.resources
        let resourceIDs = Set(resources.map(\.logicalID))
        // Each resource's references are found on their own, side by side.
        let targetsByResource = concurrentResults(resources.count) { index -> [String] in
            let resource = resources[index]
            var values: [Value] = [.object(resource.properties)]
            if let metadata = resource.metadata { values.append(.object(metadata)) }
            if let policy = resource.creationPolicy { values.append(policy) }
            if let policy = resource.updatePolicy { values.append(policy) }
            var targets: [String] = []
            for value in values {
                for use in ReferenceCollector.uses(in: value)
                where TemplateReference.isValueReference(use.kind) && resourceIDs.contains(use.target)
                    && !targets.contains(use.target)
                {
                    targets.append(use.target)
                }
            }
            return targets
        }
        var implied: [String: [String]] = [:]
        var explicit: [String: [String]] = [:]
        for (resource, targets) in zip(resources, targetsByResource) {
            implied[resource.logicalID] = targets
            // A resource naming itself in DependsOn is reported on its own, not as a cycle.
            explicit[resource.logicalID] = resource.dependsOn.filter { $0 != resource.logicalID && resourceIDs.contains($0) }
        }
        self.implied = implied
        self.explicit = explicit
        self.order = resources.map(\.logicalID)
    }

    private init(implied: [String: [String]], explicit: [String: [String]], order: [String]) {
        self.implied = implied
        self.explicit = explicit
        self.order = order
    }

    /// These dependencies with `DependsOn` read again from `template`: for a
    /// template that differs from the one these were computed from only in
    /// its `DependsOn` entries, without walking every value again.
    func updatingExplicit(from template: Template) -> ResourceDependencies {
        var explicit: [String: [String]] = [:]
        for resource in template.resources {
            explicit[resource.logicalID] = resource.dependsOn.filter { $0 != resource.logicalID && implied[$0] != nil }
        }
        return ResourceDependencies(implied: implied, explicit: explicit, order: order)
    }

    /// Everything `id` must wait for, implied first, without repeats.
    public func all(of id: String) -> [String] {
        var result = implied[id] ?? []
        for dependency in explicit[id] ?? [] where !result.contains(dependency) {
            result.append(dependency)
        }
        return result
    }

    /// Each dependency cycle once, as a path that starts and ends at the same
    /// resource (`[A, B, A]`), starting from the cycle's first resource in
    /// template order.
    public func cycles() -> [[String]] {
        // Resources are numbered by template position, so the search works on
        // arrays instead of hashing names at every step.
        var positionByID: [String: Int] = [:]
        for (position, id) in order.enumerated() where positionByID[id] == nil { positionByID[id] = position }
        let edges = order.map { id in all(of: id).compactMap { positionByID[$0] } }
        var cycles: [(start: Int, path: [String])] = []
        for component in Self.stronglyConnectedComponents(edges) {
            // Most components are one resource without a loop: skip them cheaply.
            if component.count == 1 && !edges[component[0]].contains(component[0]) { continue }
            let start = component.min()!
            let members = Set(component.map { order[$0] })
            guard let path = path(from: order[start], backTo: order[start], within: members) else { continue }
            cycles.append((start, path))
        }
        // Reported in template order of each cycle's first resource.
        return cycles.sorted { $0.start < $1.start }.map(\.path)
    }

    /// Tarjan's algorithm over resources numbered by template position,
    /// visiting resources and edges in template order.
    private static func stronglyConnectedComponents(_ edges: [[Int]]) -> [[Int]] {
        var nextIndex = 0
        var indices = [Int?](repeating: nil, count: edges.count)
        var lowLinks = [Int](repeating: 0, count: edges.count)
        var onStack = [Bool](repeating: false, count: edges.count)
        var stack: [Int] = []
        var components: [[Int]] = []

        func connect(_ node: Int) {
            indices[node] = nextIndex
            lowLinks[node] = nextIndex
            nextIndex += 1
            stack.append(node)
            onStack[node] = true
            for next in edges[node] {
                if let index = indices[next] {
                    if onStack[next] { lowLinks[node] = min(lowLinks[node], index) }
                } else {
                    connect(next)
                    lowLinks[node] = min(lowLinks[node], lowLinks[next])
                }
            }
            if lowLinks[node] == indices[node] {
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component)
            }
        }

        for node in edges.indices where indices[node] == nil {
            connect(node)
        }
        return components
    }

    /// A shortest path from `start` back to `goal` through `members` (breadth first).
    private func path(from start: String, backTo goal: String, within members: Set<String>) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var visited: Set<String> = []
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in all(of: node) where members.contains(next) {
                if next == goal {
                    var path = [goal, node]
                    var cursor = node
                    while cursor != start, let before = previous[cursor] {
                        path.append(before)
                        cursor = before
                    }
                    if path.last != start { path.append(start) }
                    return path.reversed()
                }
                if visited.insert(next).inserted {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }
}
