import CloudFormation

/// The sections that are neither resources, parameters nor outputs: the
/// format version, description, metadata, mappings, conditions, transforms,
/// rules, SAM's globals, hooks, and the `Fn::ForEach` loops of resources and outputs.
/// A changed mapping value or condition changes what resources get, so it is
/// reported, by path from the template's root.
enum SectionComparison {
    static func changes(old: Template, new: Template) -> [ValueChange] {
        ValueDiff.changes(from: sections(of: old), to: sections(of: new), at: [])
    }

    private static func sections(of template: Template) -> Object {
        var object = Object()
        object["AWSTemplateFormatVersion"] = template.formatVersion.map(Value.string)
        object["Description"] = template.description.map(Value.string)
        object["Metadata"] = template.metadata.isEmpty ? nil : .object(template.metadata)
        object["Mappings"] = template.mappings.isEmpty ? nil : .object(Object(template.mappings.map { mapping in
            Object.Entry(mapping.name, .object(Object(mapping.entries.map { Object.Entry($0.key, .object($0.values)) })))
        }))
        object["Conditions"] = template.conditions.isEmpty ? nil : .object(Object(template.conditions.map {
            Object.Entry($0.name, $0.expression)
        }))
        // The order of macros matters: each processes the output of the one before.
        object["Transform"] = template.transforms.isEmpty ? nil : .list(template.transforms.map(Value.string))
        object["Rules"] = template.rules.isEmpty ? nil : .object(template.rules)
        object["Globals"] = template.globals.isEmpty ? nil : .object(template.globals)
        object["Hooks"] = template.hooks.isEmpty ? nil : .object(template.hooks)
        // Loops are compared as written: what they expand to is the transform's business.
        object["Resources"] = template.resourceLoops.isEmpty ? nil : .object(template.resourceLoops)
        object["Outputs"] = template.outputLoops.isEmpty ? nil : .object(template.outputLoops)
        return object
    }
}
