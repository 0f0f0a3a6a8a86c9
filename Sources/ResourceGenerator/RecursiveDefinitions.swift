/// Definitions that hold themselves: a WAF statement holds a `NotStatement`,
/// which holds a statement. A Swift struct cannot contain itself, so a
/// property from one definition of such a cycle to another (not through a
/// list or a map, which store their elements apart) is written as free-form
/// JSON (`Value`), the escape hatch every generated type already has.
struct RecursiveDefinitions {
    /// Definition name → the definitions it holds directly.
    private let holds: [String: Set<String>]

    init(document: [String: Any]) {
        var holds: [String: Set<String>] = [:]
        for (name, definition) in document["definitions"] as? [String: Any] ?? [:] {
            guard let definition = definition as? [String: Any] else { continue }
            holds[name] = Self.directReferences(definition)
        }
        self.holds = holds
    }

    /// Whether a property of `holder` holding `held` closes a cycle.
    func closesCycle(from holder: String, to held: String) -> Bool {
        reaches(held, holder)
    }

    private func reaches(_ start: String, _ goal: String) -> Bool {
        var seen: Set<String> = []
        var pending = [start]
        while let next = pending.popLast() {
            if next == goal { return true }
            guard seen.insert(next).inserted else { continue }
            pending += holds[next] ?? []
        }
        return false
    }

    /// `#/definitions/X` references held in place: in properties, nested
    /// objects and alternatives, not in list items or map values.
    private static func directReferences(_ node: [String: Any]) -> Set<String> {
        var result: Set<String> = []
        if let reference = node["$ref"] as? String, reference.hasPrefix("#/definitions/") {
            result.insert(String(reference.dropFirst("#/definitions/".count)))
        }
        for (_, child) in node["properties"] as? [String: Any] ?? [:] {
            if let child = child as? [String: Any] { result.formUnion(directReferences(child)) }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for branch in node[key] as? [[String: Any]] ?? [] { result.formUnion(directReferences(branch)) }
        }
        return result
    }
}
