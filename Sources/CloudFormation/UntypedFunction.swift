extension Object {
    /// Whether the object is a function the model does not type, kept as the
    /// one-entry mapping of its long form (`{"Fn::FindInMap": [m, a, b,
    /// {"DefaultValue": c}]}`, the rule functions): its value is known only
    /// when CloudFormation processes the template.
    public var isUntypedFunction: Bool {
        guard entries.count == 1 else { return false }
        let key = entries[0].key
        return key == "Ref" || (key.hasPrefix("Fn::") && !ForEachLoop.isLoop(key))
    }

    /// Whether a transform rewrites the object before CloudFormation reads
    /// it: it holds an `Fn::ForEach` loop or an `Fn::Transform` entry.
    public var isRewrittenByTransform: Bool {
        entries.contains { ForEachLoop.isLoop($0.key) || $0.key == "Fn::Transform" }
    }
}
