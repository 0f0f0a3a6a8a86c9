/// Who refers to whom in a template: nodes are logical IDs (resources,
/// parameters, conditions, outputs), edges are typed by how the reference is
/// written, and carry the path where it is.
public struct ResourceGraph: Sendable {
    public enum NodeKind: String, Hashable, Sendable {
        case parameter, condition, resource, output
    }

    public enum EdgeKind: Hashable, Sendable, CustomStringConvertible {
        case ref
        case getAtt(attribute: String)
        /// A `${Name}` or `${Name.Attribute}` placeholder of `Fn::Sub`.
        case sub(attribute: String?)
        case dependsOn
        /// A resource's or output's `Condition`, `Fn::If`, or `Condition` inside a condition.
        case condition

        public var description: String {
            switch self {
            case .ref: "Ref"
            case .getAtt(let attribute): "GetAtt.\(attribute)"
            case .sub(let attribute?): "Sub.\(attribute)"
            case .sub(nil): "Sub"
            case .dependsOn: "DependsOn"
            case .condition: "Condition"
            }
        }
    }

    public struct Edge: Hashable, Sendable, CustomStringConvertible {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        public var path: TemplatePath

        public var description: String { "\(from) -[\(kind)]-> \(to)" }
    }

    /// Logical IDs in template order: parameters, conditions, resources, outputs.
    public let nodes: [String]
    public let kinds: [String: NodeKind]
    /// Every edge, in template order.
    public let edges: [Edge]

    public init(_ template: Template) {
        var nodes: [String] = []
        var kinds: [String: NodeKind] = [:]
        func add(_ id: String, _ kind: NodeKind) {
            if kinds[id] == nil { nodes.append(id) }
            kinds[id] = kind
        }
        template.parameters.forEach { add($0.logicalID, .parameter) }
        template.conditions.forEach { add($0.name, .condition) }
        template.resources.forEach { add($0.logicalID, .resource) }
        template.outputs.forEach { add("Outputs.\($0.logicalID)", .output) }

        var edges: [Edge] = []
        func collect(from source: String, _ value: Value, at path: TemplatePath) {
            for reference in ReferenceCollector.references(in: value, at: path) {
                let kind: EdgeKind
                switch reference.kind {
                case .ref: kind = .ref
                case .getAtt(let attribute): kind = .getAtt(attribute: attribute)
                case .sub(let attribute): kind = .sub(attribute: attribute)
                case .condition: kind = .condition
                case .mapping: continue
                }
                // Pseudo parameters and undeclared names are not nodes.
                guard kinds[reference.target] != nil else { continue }
                edges.append(Edge(from: source, to: reference.target, kind: kind, path: reference.path))
            }
        }
        for condition in template.conditions {
            collect(from: condition.name, condition.expression, at: ["Conditions", condition.name])
        }
        for resource in template.resources {
            let base: TemplatePath = ["Resources", resource.logicalID]
            if let condition = resource.condition {
                edges.append(Edge(from: resource.logicalID, to: condition, kind: .condition, path: base.appending("Condition")))
            }
            for (index, dependency) in resource.dependsOn.enumerated() where kinds[dependency] != nil {
                edges.append(Edge(
                    from: resource.logicalID, to: dependency, kind: .dependsOn,
                    path: base.appending("DependsOn").appending(index: index)))
            }
            for (value, path) in TemplateValues.all(in: resource) {
                collect(from: resource.logicalID, value, at: path)
            }
        }
        for output in template.outputs {
            let id = "Outputs.\(output.logicalID)"
            let base: TemplatePath = ["Outputs", output.logicalID]
            if let condition = output.condition {
                edges.append(Edge(from: id, to: condition, kind: .condition, path: base.appending("Condition")))
            }
            collect(from: id, output.value, at: base.appending("Value"))
            if let name = output.exportName { collect(from: id, name, at: base.appending("Export").appending("Name")) }
        }
        self.nodes = nodes
        self.kinds = kinds
        self.edges = edges
    }

    /// The edges leaving `id`: what it refers to.
    public func dependencies(of id: String) -> [Edge] { edges.filter { $0.from == id } }

    /// The edges arriving at `id`: what refers to it.
    public func dependents(of id: String) -> [Edge] { edges.filter { $0.to == id } }

    /// A shortest chain of references from `source` to `target`, or `nil`.
    public func path(from source: String, to target: String) -> [Edge]? {
        var previous: [String: Edge] = [:]
        var queue = [source]
        var head = 0
        var seen: Set<String> = [source]
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == target {
                var path: [Edge] = []
                var cursor = target
                while cursor != source, let edge = previous[cursor] {
                    path.append(edge)
                    cursor = edge.from
                }
                return path.reversed()
            }
            for edge in dependencies(of: node) where seen.insert(edge.to).inserted {
                previous[edge.to] = edge
                queue.append(edge.to)
            }
        }
        return nil
    }

    /// Resources in an order CloudFormation could create them: every resource
    /// after what it depends on, ties broken by template order.
    public func creationOrder() throws(DependencyCycle) -> [String] {
        let resources = nodes.filter { kinds[$0] == .resource }
        var waitingOn: [String: Set<String>] = [:]
        for id in resources {
            waitingOn[id] = Set(dependencies(of: id).map(\.to).filter { kinds[$0] == .resource && $0 != id })
        }
        var order: [String] = []
        var remaining = resources
        while !remaining.isEmpty {
            guard let next = remaining.first(where: { waitingOn[$0]!.isEmpty }) else {
                throw DependencyCycle(cycle: cycles().first ?? remaining)
            }
            order.append(next)
            remaining.removeAll { $0 == next }
            for id in remaining { waitingOn[id]!.remove(next) }
        }
        return order
    }

    /// Each cycle among resources once, as a path that returns to its start.
    public func cycles() -> [[String]] {
        let selfLoops = nodes.filter { id in
            kinds[id] == .resource && dependencies(of: id).contains { $0.to == id }
        }
        var template = Template()
        template.resources = nodes.filter { kinds[$0] == .resource }.map { id in
            let targets = dependencies(of: id).filter { kinds[$0.to] == .resource }.map(\.to)
            return Resource(id, type: "Node", dependsOn: targets)
        }
        let longer = ResourceDependencies(template).cycles()
        return selfLoops.map { [$0, $0] } + longer
    }
}

/// Resources that wait on each other, so no creation order exists.
public struct DependencyCycle: Error, Equatable, CustomStringConvertible {
    public var cycle: [String]
    public init(cycle: [String]) { self.cycle = cycle }
    public var description: String { "dependency cycle: \(cycle.joined(separator: " → "))" }
}
