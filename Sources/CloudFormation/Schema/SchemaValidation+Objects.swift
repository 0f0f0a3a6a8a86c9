extension SchemaValidation {
    /// The object keywords, in this order:
    /// 1. `required` (in the schema's order), then `requiredOr`, reported at
    ///    the object's path;
    /// 2. each entry in the order the value has them: `properties`, every
    ///    matching `patternProperties`, else `additionalProperties` (a
    ///    forbidden name is reported at its own path, with a suggestion when
    ///    it is a small edit away from an allowed name);
    /// 3. for each entry again, in order: `dependentRequired` and the list form
    ///    of `dependencies` (at the entry's path), the schema form of
    ///    `dependencies` (against the whole object), and `dependentExcluded`
    ///    (at the excluded entry's path, once per pair).
    ///
    /// An entry whose value is `Ref AWS::NoValue` does not exist for any of
    /// them: CloudFormation removes it before the resource sees it. Entries
    /// whose values are other intrinsics are present, and their names are
    /// checked, but not their values.
    mutating func checkObject(_ object: Object, _ node: JSONSchema.Node, enclosing: [Int]) {
        let entries = object.entries.contains(where: \.value.refersToNoValue)
            ? object.entries.filter { !$0.value.refersToNoValue } : object.entries
        // Objects are small: a search costs less than hashing every key of
        // every object into a set.
        func isPresent(_ name: String) -> Bool { entries.contains { $0.key == name } }

        for name in node.required where !isPresent(name) {
            report("required property '\(name)' is missing")
        }
        if !node.requiredOneOf.isEmpty, !node.requiredOneOf.contains(where: isPresent) {
            report("one of \(node.requiredOneOf.joined(separator: ", ")) is required")
        }

        for entry in entries {
            inside(.key(entry.key)) { $0.checkEntry(entry, node) }
        }

        guard !node.dependentRequired.isEmpty || !node.dependentSchemas.isEmpty || !node.dependentExcluded.isEmpty else {
            return
        }
        var checkedNames: Set<String> = []
        var reportedExclusions: Set<[String]> = []
        for entry in entries where checkedNames.insert(entry.key).inserted {
            let name = entry.key
            for needed in node.dependentRequired[name] ?? [] where !isPresent(needed) {
                report(below: .key(name), "'\(name)' requires '\(needed)'")
            }
            if let schema = node.dependentSchemas[name] {
                check(.object(object), schema, enclosing: enclosing)
            }
            for excluded in node.dependentExcluded[name] ?? [] where isPresent(excluded) {
                // Schemas usually exclude both ways (A excludes B, B excludes A);
                // one message per pair says it all.
                if reportedExclusions.insert([name, excluded].sorted()).inserted {
                    report(below: .key(excluded), "'\(name)' cannot be used together with '\(excluded)'")
                }
            }
        }
    }

    private mutating func checkEntry(_ entry: Object.Entry, _ node: JSONSchema.Node) {
        var named = false
        if let schema = node.properties[entry.key] {
            check(entry.value, schema)
            named = true
        }
        for patternProperty in node.patternProperties where patternProperty.pattern.isFound(in: entry.key) {
            check(entry.value, patternProperty.schema)
            named = true
        }
        guard !named else { return }
        switch node.additionalProperties {
        case .allowed:
            break
        case .forbidden:
            let suggestion = SchemaMessageText.suggestion(for: entry.key, among: node.propertyNames)
            report("'\(entry.key)' is not a property here\(suggestion)")
        case .schema(let schema):
            check(entry.value, schema)
        }
    }
}
