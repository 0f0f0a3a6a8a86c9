extension TemplateValidator {
    /// Every `Ref`, `Fn::GetAtt`, `Fn::Sub` placeholder, condition name,
    /// mapping name and `DependsOn` entry must name something declared, of a
    /// kind allowed where it is written.
    mutating func checkReferences() {
        // A condition loop's fragment names its identifier, which only its expansion declares.
        for condition in template.conditions where !ForEachLoop.isLoop(condition.name) {
            check(condition.expression, at: ["Conditions", condition.name], inConditions: true)
        }
        for resource in template.resources {
            let base: TemplatePath = ["Resources", resource.logicalID]
            checkConditionName(resource.condition, at: base.appending("Condition"))
            for (index, dependency) in resource.dependsOn.enumerated() {
                let path = base.appending("DependsOn").appending(index: index)
                if dependency == resource.logicalID {
                    error(path, "'\(dependency)' cannot depend on itself")
                } else if !names.resources.contains(dependency) {
                    error(path, "DependsOn names '\(dependency)', which is not a resource of the stack\(suggestion(for: dependency, among: names.resources))")
                }
            }
            if let metadata = resource.metadata { check(.object(metadata), at: base.appending("Metadata")) }
            if let policy = resource.creationPolicy { check(policy, at: base.appending("CreationPolicy")) }
            if let policy = resource.updatePolicy { check(policy, at: base.appending("UpdatePolicy")) }
            check(.object(resource.properties), at: base.appending("Properties"))
        }
        if !template.transforms.contains(LanguageExtensions.transform) {
            for (section, loops) in [("Resources", template.resourceLoops), ("Outputs", template.outputLoops)] {
                for loop in loops.entries {
                    error([section, loop.key], "Fn::ForEach needs the \(LanguageExtensions.transform) transform; add it to the template's Transform")
                }
            }
        }
        for output in template.outputs {
            let base: TemplatePath = ["Outputs", output.logicalID]
            checkConditionName(output.condition, at: base.appending("Condition"))
            check(output.value, at: base.appending("Value"))
            if let name = output.exportName { check(name, at: base.appending("Export").appending("Name")) }
        }
    }

    private mutating func checkConditionName(_ name: String?, at path: TemplatePath) {
        guard let name, !names.conditions.contains(name) else { return }
        error(path, "condition '\(name)' is not declared in Conditions\(suggestion(for: name, among: names.conditions))")
    }

    private mutating func check(_ value: Value, at path: TemplatePath, inConditions: Bool = false) {
        let allowsLanguageExtensions = template.transforms.contains(LanguageExtensions.transform)
        // A first look without paths: most values have nothing to report,
        // and working out where every reference is would cost more than
        // the rest of the check.
        var firstLook = ReferenceCollector()
        firstLook.collect(value, at: .untracked)
        guard !firstLook.problems.isEmpty || !allowsLanguageExtensions && !firstLook.languageExtensionUses.isEmpty
            || firstLook.references.contains(where: { problem(with: $0, inConditions: inConditions) != nil })
        else { return }

        var collector = ReferenceCollector()
        collector.collect(value, at: path)
        for problem in collector.problems {
            error(problem.path, problem.message)
        }
        if !allowsLanguageExtensions {
            for use in collector.languageExtensionUses {
                error(use, "\(use.lastKey ?? "this function") needs the AWS::LanguageExtensions transform; add it to the stack's transforms")
            }
        }
        for reference in collector.references {
            if let message = problem(with: reference, inConditions: inConditions) {
                error(reference.path, message)
            }
        }
    }

    /// What is wrong with a reference, or `nil` when it names something
    /// declared, of a kind allowed where it is written.
    private func problem(with reference: TemplateReference, inConditions: Bool) -> String? {
        let name = reference.target
        switch reference.kind {
        case .ref, .sub(attribute: nil):
            // Spelt out only for a problem: most references have none.
            var what: String { reference.kind == .ref ? "Ref to" : "Fn::Sub placeholder ${\(name)} names" }
            if inConditions {
                guard names.parameters.contains(name) || DeclaredNames.pseudoParameters.contains(name) else {
                    return "\(what) '\(name)', but conditions may only refer to parameters and pseudo parameters\(suggestion(for: name, among: names.parameters))"
                }
            } else if !(names.parameters.contains(name) || names.resources.contains(name)
                || DeclaredNames.pseudoParameters.contains(name))
            {
                return "\(what) '\(name)', which is not a parameter, resource or pseudo parameter of the stack\(suggestion(for: name, among: names.parameters.union(names.resources)))"
            }
        case .getAtt(let attribute), .sub(attribute: let attribute?):
            var what: String {
                reference.kind == .getAtt(attribute: attribute)
                    ? "Fn::GetAtt \(name).\(attribute)" : "Fn::Sub placeholder ${\(name).\(attribute)}"
            }
            if inConditions {
                return "\(what) in a condition; conditions may only refer to parameters and pseudo parameters"
            } else if !names.resources.contains(name) {
                return "\(what) names '\(name)', which is not a resource of the stack\(suggestion(for: name, among: names.resources))"
            } else if attribute.isEmpty {
                return "\(what) names no attribute"
            }
        case .condition:
            if !names.conditions.contains(name) {
                return "condition '\(name)' is not declared in Conditions\(suggestion(for: name, among: names.conditions))"
            }
        case .mapping(let top, let second):
            guard let mapping = names.mappings[name] else {
                return "Fn::FindInMap names mapping '\(name)', which is not declared in Mappings\(suggestion(for: name, among: Set(names.mappings.keys)))"
            }
            guard let top else { return nil }
            guard let level = mapping.entries.first(where: { $0.key == top }) else {
                return "mapping '\(name)' has no top-level key '\(top)'"
            }
            if let second, level.values[second] == nil {
                return "mapping '\(name)' has no key '\(second)' under '\(top)'"
            }
        }
        return nil
    }

    /// ", did you mean 'X'?" when a declared name is one or two edits away.
    func suggestion(for name: String, among candidates: Set<String>) -> String {
        SpellingSuggestion.nearest(to: name, among: Array(candidates)).map { "; did you mean '\($0)'?" } ?? ""
    }
}
