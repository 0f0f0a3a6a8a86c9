extension TemplateValidator {
    /// No string of the template may hold the Swift description of a template
    /// value (`SwiftDescriptionMarker`): such text comes from turning an
    /// expression into a Swift `String`, and would reach the template as
    /// nonsense that CloudFormation accepts.
    mutating func checkSwiftDescriptions() {
        checkText(template.description, at: ["Description"])
        checkValue(.object(template.metadata), at: ["Metadata"])
        for parameter in template.parameters {
            let base: TemplatePath = ["Parameters", parameter.logicalID]
            checkText(parameter.logicalID, at: base)
            checkText(parameter.description, at: base.appending("Description"))
            checkText(parameter.allowedPattern, at: base.appending("AllowedPattern"))
            checkText(parameter.constraintDescription, at: base.appending("ConstraintDescription"))
            if let value = parameter.defaultValue { checkValue(value, at: base.appending("Default")) }
            if let values = parameter.allowedValues { checkValue(.list(values), at: base.appending("AllowedValues")) }
        }
        for mapping in template.mappings {
            let base: TemplatePath = ["Mappings", mapping.name]
            checkText(mapping.name, at: base)
            for entry in mapping.entries { checkValue(.object(entry.values), at: base.appending(entry.key)) }
        }
        for condition in template.conditions {
            let base: TemplatePath = ["Conditions", condition.name]
            checkText(condition.name, at: base)
            checkValue(condition.expression, at: base)
        }
        for resource in template.resources {
            let base: TemplatePath = ["Resources", resource.logicalID]
            checkText(resource.logicalID, at: base)
            for (index, dependency) in resource.dependsOn.enumerated() {
                checkText(dependency, at: base.appending("DependsOn").appending(index: index))
            }
            if let metadata = resource.metadata { checkValue(.object(metadata), at: base.appending("Metadata")) }
            if let policy = resource.creationPolicy { checkValue(policy, at: base.appending("CreationPolicy")) }
            if let policy = resource.updatePolicy { checkValue(policy, at: base.appending("UpdatePolicy")) }
            checkValue(.object(resource.properties), at: base.appending("Properties"))
        }
        for output in template.outputs {
            let base: TemplatePath = ["Outputs", output.logicalID]
            checkText(output.logicalID, at: base)
            checkText(output.description, at: base.appending("Description"))
            checkValue(output.value, at: base.appending("Value"))
            if let name = output.exportName { checkValue(name, at: base.appending("Export").appending("Name")) }
        }
    }

    private mutating func checkText(_ text: String?, at path: TemplatePath) {
        guard let text, SwiftDescriptionMarker.isContained(in: text) else { return }
        error(path, """
            holds a template value turned into Swift text (string interpolation or String(describing:)): \
            '\(SwiftDescriptionMarker.readable(text))'; build the string with .sub("…\\(value)…") instead
            """)
    }

    private mutating func checkValue(_ value: Value, at path: TemplatePath) {
        // Paths are worked out only for a value that holds a marker: almost none does.
        guard Self.holdsMarker(value) else { return }
        switch value {
        case .string(let text):
            checkText(text, at: path)
        case .integer, .double, .bool, .null:
            break
        case .list(let items):
            for (index, item) in items.enumerated() { checkValue(item, at: path.appending(index: index)) }
        case .object(let object):
            for entry in object.entries {
                let entryPath = path.appending(entry.key)
                checkText(entry.key, at: entryPath)
                checkValue(entry.value, at: entryPath)
            }
        case .intrinsic(let function):
            checkValue(function.longFormArgument, at: path.appending(function.longName))
        }
    }

    private static func holdsMarker(_ value: Value) -> Bool {
        switch value {
        case .string(let text): SwiftDescriptionMarker.isContained(in: text)
        case .integer, .double, .bool, .null: false
        case .list(let items): items.contains(where: holdsMarker)
        case .object(let object):
            object.entries.contains { SwiftDescriptionMarker.isContained(in: $0.key) || holdsMarker($0.value) }
        case .intrinsic(let function):
            switch function {
            // The most common functions, read without spelling out their arguments.
            case .ref(let name): SwiftDescriptionMarker.isContained(in: name)
            case .getAtt(let resource, let attribute):
                SwiftDescriptionMarker.isContained(in: resource) || SwiftDescriptionMarker.isContained(in: attribute)
            case .sub(let text, let variables): SwiftDescriptionMarker.isContained(in: text) || holdsMarker(.object(variables))
            default: holdsMarker(function.longFormArgument)
            }
        }
    }
}
