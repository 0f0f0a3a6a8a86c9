extension NestedStackSplit {
    /// The one template this split stands for: the parts' resources back
    /// beside the root's, and every reference that crossed a stack restored
    /// (a part's parameter to what the root passes, `!GetAtt Part.Outputs.X`
    /// to the part's output). Reviews read a split stack through it: `diff`
    /// and `graph` see the stack as written, whatever its parts. A `DependsOn`
    /// that the split moved onto the nested stacks is not restored.
    public func merged() -> Template {
        let partNames = Set(parts.map(\.name))
        let outputs = Dictionary(uniqueKeysWithValues: parts.map { part in
            (part.name, Dictionary(part.template.outputs.map { ($0.logicalID, $0.value) }, uniquingKeysWith: { a, _ in a }))
        })
        /// `!GetAtt Part.Outputs.X` → the part's output X.
        func partOutput(_ function: Intrinsic) -> Value? {
            guard case .getAtt(let part, let attribute) = function, partNames.contains(part),
                  attribute.hasPrefix("Outputs.") else { return nil }
            return outputs[part]?[String(attribute.dropFirst("Outputs.".count))]
        }

        /// A root value with the parts' outputs read back as what they output.
        func restored(_ value: Value) -> Value {
            value.rewritingIntrinsics { function in
                guard case .sub(let text, let variables) = function else { return partOutput(function) }
                // The split binds a part's output as a variable of the Sub: back into the text.
                var inlined: Set<String> = []
                let restoredText = SubPlaceholders.rewrite(text) { placeholder in
                    guard placeholder.attribute == nil, case .intrinsic(let bound)? = variables[placeholder.name],
                          let output = partOutput(bound), let written = Self.placeholderText(for: output) else { return nil }
                    inlined.insert(placeholder.name)
                    return written
                } ?? text
                let kept = variables.entries.filter { !inlined.contains($0.key) }.map { Object.Entry($0.key, restored($0.value)) }
                return .intrinsic(.sub(restoredText, variables: Object(kept)))
            }
        }

        var template = root
        template.resources = root.resources.filter { !partNames.contains($0.logicalID) }.map { resource in
            var restoredResource = resource
            restoredResource.properties = restored(.object(resource.properties)).objectValue!
            restoredResource.metadata = resource.metadata.map { restored(.object($0)).objectValue! }
            restoredResource.creationPolicy = resource.creationPolicy.map(restored)
            restoredResource.updatePolicy = resource.updatePolicy.map(restored)
            restoredResource.dependsOn = resource.dependsOn.filter { !partNames.contains($0) }
            return restoredResource
        }
        for part in parts {
            let stackResource = root.resources.first { $0.logicalID == part.name }
            var passed: [String: Value] = [:]
            for entry in stackResource?.properties["Parameters"]?.objectValue?.entries ?? [] {
                passed[entry.key] = Self.restoredArgument(entry.value).rewritingIntrinsics(partOutput)
            }
            let declared = Set(root.parameters.map(\.logicalID))
            // A root parameter passed under its own name is itself again.
            passed = passed.filter { !(declared.contains($0.key) && $0.value == .ref($0.key)) }
            for var resource in part.template.resources {
                resource.properties = Self.substituting(passed, in: .object(resource.properties)).objectValue!
                resource.metadata = resource.metadata.map { Self.substituting(passed, in: .object($0)).objectValue! }
                resource.creationPolicy = resource.creationPolicy.map { Self.substituting(passed, in: $0) }
                resource.updatePolicy = resource.updatePolicy.map { Self.substituting(passed, in: $0) }
                template.resources.append(resource)
            }
            for condition in part.template.conditions where !template.conditions.contains(where: { $0.name == condition.name }) {
                template.conditions.append(condition)
            }
            for mapping in part.template.mappings where !template.mappings.contains(where: { $0.name == mapping.name }) {
                template.mappings.append(mapping)
            }
        }
        template.outputs = root.outputs.map { output in
            var restoredOutput = output
            restoredOutput.value = restored(output.value)
            restoredOutput.exportName = output.exportName.map(restored)
            return restoredOutput
        }
        return template
    }

    /// A parameter value as the root passes it, as the reference it stands for:
    /// a list parameter joined with commas is the list again.
    private static func restoredArgument(_ value: Value) -> Value {
        if case .intrinsic(.join(",", let list)) = value, case .intrinsic(.ref) = list { return list }
        return value
    }

    /// `value` with `Ref` to each passed parameter, and its `${…}`, replaced by what was passed.
    private static func substituting(_ passed: [String: Value], in value: Value) -> Value {
        guard !passed.isEmpty else { return value }
        return value.rewritingIntrinsics { function in
            switch function {
            case .ref(let name):
                return passed[name]
            case .sub(let text, let variables):
                let restored = SubPlaceholders.rewrite(text) { placeholder in
                    guard placeholder.attribute == nil, variables[placeholder.name] == nil,
                          let value = passed[placeholder.name] else { return nil }
                    return placeholderText(for: value)
                } ?? text
                return .intrinsic(.sub(restored, variables: Object(variables.entries.map {
                    Object.Entry($0.key, substituting(passed, in: $0.value))
                })))
            default:
                return nil
            }
        }
    }

    /// `Name` or `Name.Attribute`: what a placeholder says for a reference.
    static func placeholderText(for value: Value) -> String? {
        switch value {
        case .intrinsic(.ref(let name)): name
        case .intrinsic(.getAtt(let resource, let attribute)): "\(resource).\(attribute)"
        default: nil
        }
    }
}
