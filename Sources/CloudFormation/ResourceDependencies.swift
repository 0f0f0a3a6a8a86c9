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
            let base: TemplatePath = ["Resources", resource.logicalID]
            var values: [Value] = [.object(resource.properties)]
            if let metadata = resource.metadata { values.append(.object(metadata)) }
            if let policy = resource.creationPolicy { values.append(policy) }
            if let policy = resource.updatePolicy { values.append(policy) }
            var targets: [String] = []
            for value in values {
                for reference in ReferenceCollector.references(in: value, at: base)
                where reference.isValueReference && resourceIDs.contains(reference.target)
                    && !targets.contains(reference.target)
                {
                    targets.append(reference.target)
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
        var position: [String: Int] = [:]
        for (index, id) in order.enumerated() { position[id] = index }
        var cycles: [(start: Int, path: [String])] = []
        for component in stronglyConnectedComponents() {
            // Most components are one resource without a loop: skip them cheaply.
            if component.count == 1 && !all(of: component[0]).contains(component[0]) { continue }
            let members = Set(component)
            guard let start = component.min(by: { position[$0]! < position[$1]! }),
                let path = path(from: start, backTo: start, within: members)
            else { continue }
            cycles.append((position[start]!, path))
        }
        // Reported in template order of each cycle's first resource.
        return cycles.sorted { $0.start < $1.start }.map(\.path)
    }

    /// Tarjan's algorithm, visiting resources and edges in template order.
    private func stronglyConnectedComponents() -> [[String]] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var components: [[String]] = []

        func connect(_ node: String) {
            indices[node] = index
            lowLinks[node] = index
            index += 1
            stack.append(node)
            onStack.insert(node)
            for next in all(of: node) {
                if indices[next] == nil {
                    connect(next)
                    lowLinks[node] = min(lowLinks[node]!, lowLinks[next]!)
                } else if onStack.contains(next) {
                    lowLinks[node] = min(lowLinks[node]!, indices[next]!)
                }
            }
            if lowLinks[node] == indices[node] {
                var component: [String] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    component.append(member)
                    if member == node { break }
                }
                components.append(component)
            }
        }

        for node in order where indices[node] == nil {
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
