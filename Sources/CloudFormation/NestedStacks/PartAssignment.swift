/// Which part of a split stack each resource goes to.
///
/// | resources                                    | part                                   |
/// |----------------------------------------------|----------------------------------------|
/// | asked for by name                            | that part                              |
/// | any other, when the stack fits in one template | the root stack                       |
/// | shared by a group of more than `target`      | the root stack, with what they depend on |
/// | a group of at most `target` resources        | `Part<k>`, by rendezvous hashing of the group's first resource |
/// | a group too large with nothing shared in it  | `<first resource>Part<i>`: slices in dependency order |
///
/// A group is a set of resources connected by references or `DependsOn`: it
/// stays together, so most parts refer to no other. In a group larger than
/// a part, the resources most others depend on (a key, a network) are shared:
/// they stay in the root, one at a time from the most depended on, until the
/// rest falls apart into groups that fit. Parts made here refer only to the
/// root, and slices of a large group only to earlier slices, so they never
/// wait for each other in a circle. Hashing the first resource of a group
/// makes its part independent of the others: adding a resource at the end of
/// a stack moves no resource of another group, unless the number of hashed
/// parts grows (one per `target` resources).
struct PartAssignment {
    /// Part name → its resources, in template order.
    private(set) var parts: [(name: String, resources: [String])] = []
    /// Resource → part name; resources that stay in the root have none.
    private(set) var partOf: [String: String] = [:]
    /// Resources that stay in the root stack, in template order.
    private(set) var shared: [String] = []

    /// - Parameters:
    ///   - splitsTheRest: whether resources not asked for go to parts (the
    ///     stack is past the limits) or stay in the root.
    ///   - isTaken: whether a name is used by the template already.
    init(
        dependencies: ResourceDependencies, requested: [String: String], splitsTheRest: Bool,
        target: Int, capacity: Int, isTaken: (String) -> Bool
    ) {
        let order = dependencies.order
        var position: [String: Int] = [:]
        for (index, id) in order.enumerated() { position[id] = index }
        let rest = order.filter { requested[$0] == nil }

        var named: [String: [String]] = [:]
        var namedOrder: [String] = []
        func place(_ id: String, in part: String) {
            if named[part] == nil { namedOrder.append(part) }
            named[part, default: []].append(id)
        }
        for id in order { if let part = requested[id] { place(id, in: part) } }

        var hashed: [[String]] = []
        if splitsTheRest {
            let (sharing, groups) = Self.sharedResources(order: rest, dependencies: dependencies, target: target)
            shared = rest.filter(sharing.contains)
            for group in groups {
                if group.count <= target {
                    hashed.append(group)
                } else {
                    let sliced = Self.dependencyOrder(of: group, position: position, dependencies: dependencies)
                    for (index, start) in stride(from: 0, to: sliced.count, by: target).enumerated() {
                        for id in sliced[start..<min(start + target, sliced.count)] { place(id, in: "\(group[0])Part\(index + 1)") }
                    }
                }
            }
        } else {
            shared = rest
        }

        var buckets: [[[String]]] = []
        if !hashed.isEmpty {
            let total = hashed.reduce(0) { $0 + $1.count }
            var count = max(1, (total + target - 1) / target)
            let prefixes = hashed.map { StableHash(prefix: "\($0[0])#") }
            repeat {
                buckets = Array(repeating: [], count: count)
                for (group, prefix) in zip(hashed, prefixes) { buckets[Self.bucket(of: prefix, among: count)].append(group) }
                count += 1
            } while buckets.contains(where: { $0.reduce(0) { $0 + $1.count } > capacity })
        }
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            var name = "Part\(index + 1)"
            while isTaken(name) || named[name] != nil { name = "Nested" + name }
            parts.append((name: name, resources: bucket.flatMap { $0 }.sorted { position[$0]! < position[$1]! }))
        }
        for name in namedOrder {
            parts.append((name: name, resources: named[name]!.sorted { position[$0]! < position[$1]! }))
        }
        for part in parts {
            for id in part.resources { partOf[id] = part.name }
        }
    }

    /// The resources to keep in the root: in every group larger than
    /// `target`, the most depended on (and all they depend on), until the
    /// rest of the group falls apart into groups of at most `target`, or
    /// nothing in it is depended on by two resources; and the groups the
    /// other resources form.
    private static func sharedResources(
        order: [String], dependencies: ResourceDependencies, target: Int
    ) -> (sharing: Set<String>, groups: [[String]]) {
        var position: [String: Int] = [:]
        for (index, id) in order.enumerated() { position[id] = index }
        var sharing: Set<String> = []
        while true {
            let remaining = order.filter { !sharing.contains($0) }
            let groups = connectedGroups(order: remaining, dependencies: dependencies)
            let oversized = groups.filter { $0.count > target }
            var added = false
            for group in oversized {
                let members = Set(group)
                var dependents: [String: Int] = [:]
                for id in group {
                    for dependency in Set(dependencies.all(of: id)) where members.contains(dependency) && dependency != id {
                        dependents[dependency, default: 0] += 1
                    }
                }
                // The most depended on; the first in template order among equals.
                guard let hub = group.filter({ (dependents[$0] ?? 0) >= 2 })
                    .max(by: { dependents[$0]! < dependents[$1]! || dependents[$0]! == dependents[$1]! && position[$0]! > position[$1]! })
                else { continue }
                var pending = [hub]
                while let next = pending.popLast() {
                    guard position[next] != nil, sharing.insert(next).inserted else { continue }
                    pending += dependencies.all(of: next)
                }
                added = true
            }
            if !added { return (sharing, groups) }
        }
    }

    /// Resources (of `order`) joined by a reference or a `DependsOn` in
    /// either direction, each group in template order, the groups in order of
    /// their first member.
    private static func connectedGroups(
        order: [String], dependencies: ResourceDependencies
    ) -> [[String]] {
        var index: [String: Int] = [:]
        for (offset, id) in order.enumerated() { index[id] = offset }
        var parent = Array(order.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for (offset, id) in order.enumerated() {
            for dependency in dependencies.all(of: id) {
                guard let other = index[dependency] else { continue }
                let (a, b) = (root(offset), root(other))
                // The earlier resource stays the representative.
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [String]] = [:]
        var roots: [Int] = []
        for (offset, id) in order.enumerated() {
            let representative = root(offset)
            if groups[representative] == nil { roots.append(representative) }
            groups[representative, default: []].append(id)
        }
        return roots.map { groups[$0]! }
    }

    /// The group's resources with every resource after the ones it depends
    /// on; among resources free to go, template order.
    private static func dependencyOrder(
        of group: [String], position: [String: Int], dependencies: ResourceDependencies
    ) -> [String] {
        let members = Set(group)
        var waitingFor: [String: Int] = [:]
        var dependents: [String: [String]] = [:]
        for id in group {
            let needs = Set(dependencies.all(of: id)).intersection(members).subtracting([id])
            waitingFor[id] = needs.count
            for need in needs { dependents[need, default: []].append(id) }
        }
        // Resources free to go, by template position: a binary min-heap.
        var ready: [Int] = []
        func push(_ id: String) {
            ready.append(position[id]!)
            var child = ready.count - 1
            while child > 0, ready[(child - 1) / 2] > ready[child] {
                ready.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }
        func pop() -> Int {
            ready.swapAt(0, ready.count - 1)
            let first = ready.removeLast()
            var parent = 0
            while true {
                let smallest = [parent, 2 * parent + 1, 2 * parent + 2].filter { $0 < ready.count }.min { ready[$0] < ready[$1] }!
                if smallest == parent { return first }
                ready.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for id in group where waitingFor[id] == 0 { push(id) }
        let order = dependencies.order
        var result: [String] = []
        while !ready.isEmpty {
            let next = order[pop()]
            result.append(next)
            for dependent in dependents[next] ?? [] {
                waitingFor[dependent]! -= 1
                if waitingFor[dependent] == 0 { push(dependent) }
            }
        }
        // Resources in a dependency cycle (reported by validation) keep template order.
        result += group.filter { waitingFor[$0]! > 0 }
        return result
    }

    /// Rendezvous hashing: the bucket whose hash with the group's first
    /// resource (`<id>#<bucket>`) is highest, the first among equals. Adding
    /// a bucket moves only the ids that now hash highest with it.
    private static func bucket(of first: StableHash, among count: Int) -> Int {
        var best = 0
        var bestHash = first.appending(0)
        for candidate in 1..<max(1, count) {
            let hash = first.appending(candidate)
            if hash > bestHash { (best, bestHash) = (candidate, hash) }
        }
        return best
    }
}
