import CloudFormation

/// Resources, outputs, parameters and mappings as the template shows them, so
/// a pattern for a whole entry is written against what a reader of the
/// YAML or JSON sees: `Type`, `Condition`, `DependsOn`, `DeletionPolicy`,
/// `Properties`, … with absent attributes absent.
///
/// The keys and their spelling follow `TemplateRendering`'s writer; in
/// particular a single `DependsOn` is a string, several are a list, and an
/// empty `Properties` is left out.
enum TemplateEntryValues {
    static func resource(_ resource: Resource) -> Value {
        var object: Object = ["Type": .string(resource.type)]
        if let condition = resource.condition { object["Condition"] = .string(condition) }
        switch resource.dependsOn.count {
        case 0: break
        case 1: object["DependsOn"] = .string(resource.dependsOn[0])
        default: object["DependsOn"] = .list(resource.dependsOn.map(Value.string))
        }
        if let metadata = resource.metadata { object["Metadata"] = .object(metadata) }
        if let policy = resource.creationPolicy { object["CreationPolicy"] = policy }
        if let policy = resource.updatePolicy { object["UpdatePolicy"] = policy }
        if let policy = resource.deletionPolicy { object["DeletionPolicy"] = .string(policy.rawValue) }
        if let policy = resource.updateReplacePolicy { object["UpdateReplacePolicy"] = .string(policy.rawValue) }
        if !resource.properties.isEmpty { object["Properties"] = .object(resource.properties) }
        return .object(object)
    }

    static func output(_ output: Output) -> Value {
        var object = Object()
        if let description = output.description { object["Description"] = .string(description) }
        if let condition = output.condition { object["Condition"] = .string(condition) }
        object["Value"] = output.value
        if let name = output.exportName { object["Export"] = ["Name": name] }
        return .object(object)
    }

    static func parameter(_ parameter: Parameter) -> Value {
        var object: Object = ["Type": .string(parameter.type.rawValue)]
        if let description = parameter.description { object["Description"] = .string(description) }
        if let value = parameter.defaultValue { object["Default"] = value }
        if let values = parameter.allowedValues { object["AllowedValues"] = .list(values) }
        if let pattern = parameter.allowedPattern { object["AllowedPattern"] = .string(pattern) }
        if let text = parameter.constraintDescription { object["ConstraintDescription"] = .string(text) }
        if let length = parameter.minLength { object["MinLength"] = .integer(length) }
        if let length = parameter.maxLength { object["MaxLength"] = .integer(length) }
        if let bound = parameter.minValue { object["MinValue"] = number(bound) }
        if let bound = parameter.maxValue { object["MaxValue"] = number(bound) }
        if parameter.noEcho { object["NoEcho"] = true }
        return .object(object)
    }

    static func mapping(_ mapping: Mapping) -> Value {
        .object(Object(mapping.entries.map { Object.Entry($0.key, .object($0.values)) }))
    }

    /// Bounds read as integers when they are whole, as the template writes them.
    private static func number(_ bound: Double) -> Value {
        bound == bound.rounded() && abs(bound) < 1e15 ? .integer(Int(bound)) : .double(bound)
    }
}
