/// Every value of a template that can hold intrinsic functions, with its path,
/// in template order: what a check walks when it looks for references.
public enum TemplateValues {
    public static func all(in template: Template) -> [(Value, TemplatePath)] {
        var values: [(Value, TemplatePath)] = []
        for condition in template.conditions {
            values.append((condition.expression, ["Conditions", condition.name]))
        }
        for resource in template.resources {
            values += all(in: resource)
        }
        for output in template.outputs {
            let base: TemplatePath = ["Outputs", output.logicalID]
            values.append((output.value, base.appending("Value")))
            if let name = output.exportName { values.append((name, base.appending("Export").appending("Name"))) }
        }
        return values
    }

    /// One resource's values, in the order the template writes them.
    public static func all(in resource: Resource) -> [(Value, TemplatePath)] {
        let base: TemplatePath = ["Resources", resource.logicalID]
        var values: [(Value, TemplatePath)] = []
        if let metadata = resource.metadata { values.append((.object(metadata), base.appending("Metadata"))) }
        if let policy = resource.creationPolicy { values.append((policy, base.appending("CreationPolicy"))) }
        if let policy = resource.updatePolicy { values.append((policy, base.appending("UpdatePolicy"))) }
        values.append((.object(resource.properties), base.appending("Properties")))
        return values
    }
}
