import CloudFormation
import YAML

/// Walks the template model and hands its nodes, in order, to a `NodeWriter`:
/// libyaml's emitter, the JSON writer, or `NodeTreeBuilder` when a caller
/// wants the tree.
///
/// Sections come in CloudFormation's canonical order; inside a resource:
/// Type, Condition, DependsOn, Metadata, CreationPolicy, UpdatePolicy,
/// DeletionPolicy, UpdateReplacePolicy, Properties. Everything else keeps the
/// order of the model, which keeps the order the stack was written in.
struct TemplateWriter {
    var form: IntrinsicForm

    func write<W: NodeWriter>(_ template: Template, to writer: inout W) throws {
        try writer.beginMapping(tag: nil)
        try write("AWSTemplateFormatVersion", string: template.formatVersion, to: &writer)
        try write("Description", string: template.description, to: &writer)
        try write("Metadata", value: template.metadata.isEmpty ? nil : .object(template.metadata), to: &writer)
        if !template.parameters.isEmpty {
            try writer.string("Parameters")
            try writeMapping(template.parameters, key: \.logicalID, to: &writer) { try write($0, to: &$1) }
        }
        try write("Rules", value: template.rules.isEmpty ? nil : .object(template.rules), to: &writer)
        if !template.mappings.isEmpty {
            try writer.string("Mappings")
            try writeMapping(template.mappings, key: \.name, to: &writer) { mapping, writer in
                try writeMapping(mapping.entries, key: \.key, to: &writer) { try write(.object($0.values), to: &$1) }
            }
        }
        if !template.conditions.isEmpty {
            try writer.string("Conditions")
            try writeMapping(template.conditions, key: \.name, to: &writer) { try write($0.expression, to: &$1) }
        }
        if !template.transforms.isEmpty {
            try writer.string("Transform")
            if template.transforms.count == 1 {
                try writer.string(template.transforms[0])
            } else {
                try writer.beginSequence(tag: nil)
                for transform in template.transforms { try writer.string(transform) }
                try writer.endSequence()
            }
        }
        try write("Globals", value: template.globals.isEmpty ? nil : .object(template.globals), to: &writer)
        try writer.string("Resources")
        try writeMapping(template.resources, key: \.logicalID, loops: template.resourceLoops, to: &writer) { try write($0, to: &$1) }
        if !template.outputs.isEmpty || !template.outputLoops.isEmpty {
            try writer.string("Outputs")
            try writeMapping(template.outputs, key: \.logicalID, loops: template.outputLoops, to: &writer) { try write($0, to: &$1) }
        }
        try write("Hooks", value: template.hooks.isEmpty ? nil : .object(template.hooks), to: &writer)
        try writer.endMapping()
    }

    /// A mapping of `items` in their order, each under its `key`, written by
    /// `value`, then the `Fn::ForEach` loops that make more of them.
    private func writeMapping<W: NodeWriter, Item>(
        _ items: [Item], key: (Item) -> String, loops: Object = [:], to writer: inout W, value: (Item, inout W) throws -> Void
    ) throws {
        try writer.beginMapping(tag: nil)
        for item in items {
            try writer.string(key(item))
            try value(item, &writer)
        }
        for loop in loops.entries {
            try writer.string(loop.key)
            try write(loop.value, to: &writer)
        }
        try writer.endMapping()
    }

    private func write<W: NodeWriter>(_ parameter: Parameter, to writer: inout W) throws {
        try writer.beginMapping(tag: nil)
        try write("Type", string: parameter.type.rawValue, to: &writer)
        try write("Description", string: parameter.description, to: &writer)
        try write("Default", value: parameter.defaultValue, to: &writer)
        try write("AllowedValues", value: parameter.allowedValues.map { .list($0) }, to: &writer)
        try write("AllowedPattern", string: parameter.allowedPattern, to: &writer)
        try write("ConstraintDescription", string: parameter.constraintDescription, to: &writer)
        try write("MinLength", plain: parameter.minLength.map { String($0) }, to: &writer)
        try write("MaxLength", plain: parameter.maxLength.map { String($0) }, to: &writer)
        try write("MinValue", plain: parameter.minValue.map(NumberText.parameterBound), to: &writer)
        try write("MaxValue", plain: parameter.maxValue.map(NumberText.parameterBound), to: &writer)
        try write("NoEcho", plain: parameter.noEcho ? "true" : nil, to: &writer)
        try writer.endMapping()
    }

    private func write<W: NodeWriter>(_ resource: Resource, to writer: inout W) throws {
        try writer.beginMapping(tag: nil)
        try write("Type", string: resource.type, to: &writer)
        try write("Condition", string: resource.condition, to: &writer)
        // One dependency is written as a name, several as a list.
        let dependsOn: Value? = switch resource.dependsOn.count {
        case 0: nil
        case 1: .string(resource.dependsOn[0])
        default: .list(resource.dependsOn.map { .string($0) })
        }
        try write("DependsOn", value: dependsOn, to: &writer)
        try write("Metadata", value: resource.metadata.map { .object($0) }, to: &writer)
        try write("CreationPolicy", value: resource.creationPolicy, to: &writer)
        try write("UpdatePolicy", value: resource.updatePolicy, to: &writer)
        try write("DeletionPolicy", string: resource.deletionPolicy?.rawValue, to: &writer)
        try write("UpdateReplacePolicy", string: resource.updateReplacePolicy?.rawValue, to: &writer)
        for attribute in resource.otherAttributes.entries {
            try write(attribute.key, value: attribute.value, to: &writer)
        }
        try write("Properties", value: resource.properties.isEmpty ? nil : .object(resource.properties), to: &writer)
        try writer.endMapping()
    }

    private func write<W: NodeWriter>(_ output: Output, to writer: inout W) throws {
        try writer.beginMapping(tag: nil)
        try write("Description", string: output.description, to: &writer)
        try write("Condition", string: output.condition, to: &writer)
        try write("Value", value: output.value, to: &writer)
        try write("Export", value: output.exportName.map { .object(["Name": $0]) }, to: &writer)
        try writer.endMapping()
    }

    /// `key: text`, when there is a text.
    private func write<W: NodeWriter>(_ key: String, string text: String?, to writer: inout W) throws {
        guard let text else { return }
        try writer.string(key)
        try writer.string(text)
    }

    /// `key: text` for the reader to resolve (a number, `true`), when there is a text.
    private func write<W: NodeWriter>(_ key: String, plain text: String?, to writer: inout W) throws {
        guard let text else { return }
        try writer.string(key)
        try writer.plain(text)
    }

    /// `key: value`, when there is a value.
    private func write<W: NodeWriter>(_ key: String, value: Value?, to writer: inout W) throws {
        guard let value else { return }
        try writer.string(key)
        try write(value, to: &writer)
    }

    /// `value`'s node, tagged `tag` when one is given (the tag of a short-form
    /// function whose argument this is).
    func write<W: NodeWriter>(_ value: Value, tag: String? = nil, to writer: inout W) throws {
        switch value {
        case .string(let text): try writer.string(text, tag: tag)
        case .integer(let number): try writer.plain(String(number), tag: tag)
        case .double(let number): try writer.plain(NumberText.double(number), tag: tag)
        case .bool(let flag): try writer.plain(flag ? "true" : "false", tag: tag)
        case .null: try writer.plain("null", tag: tag)
        case .list(let items):
            try writer.beginSequence(tag: tag)
            for item in items { try write(item, to: &writer) }
            try writer.endSequence()
        case .object(let object):
            try writer.beginMapping(tag: tag)
            for entry in object.entries {
                try writer.string(entry.key)
                try write(entry.value, to: &writer)
            }
            try writer.endMapping()
        case .intrinsic(let function):
            try write(function, tag: tag, to: &writer)
        }
    }

    // MARK: Intrinsic functions

    /// YAML allows one tag per node: an argument that carries a short-form tag
    /// of its own forces the long form on the function around it. Functions
    /// without a documented short form are always written long.
    private func usesShortForm(_ function: Intrinsic) -> Bool {
        form == .short && function.hasShortForm && !argumentCarriesTag(function)
    }

    /// Whether the node written for `value` carries a tag: a function in the short form.
    private func carriesTag(_ value: Value) -> Bool {
        guard case .intrinsic(let function) = value else { return false }
        return usesShortForm(function)
    }

    /// Whether the short form's argument node carries a tag: only an argument
    /// that is the value itself can; names, lists and mappings cannot.
    private func argumentCarriesTag(_ function: Intrinsic) -> Bool {
        carriesTag(function.shortFormArgument)
    }

    /// `tag` is the tag of an enclosing short form; a short form itself is
    /// never given one, since its own tag would make the enclosing function long.
    private func write<W: NodeWriter>(_ function: Intrinsic, tag: String?, to writer: inout W) throws {
        if usesShortForm(function) {
            assert(tag == nil, "a node carries one tag")
            try write(function.shortFormArgument, tag: function.shortTag, to: &writer)
            return
        }
        try writer.beginMapping(tag: tag)
        try writer.string(function.longName)
        try write(function.longFormArgument, tag: nil, to: &writer)
        try writer.endMapping()
    }
}
