import CloudFormation
import YAML

/// Turns the template model into the ordered node tree that YAML and JSON are
/// written from.
///
/// Sections come in CloudFormation's canonical order; inside a resource:
/// Type, Condition, DependsOn, Metadata, CreationPolicy, UpdatePolicy,
/// DeletionPolicy, UpdateReplacePolicy, Properties. Everything else keeps the
/// order of the model, which keeps the order the stack was written in.
public struct TemplateNodeBuilder {
    public var form: IntrinsicForm

    public init(form: IntrinsicForm) {
        self.form = form
    }

    public func node(for template: Template) -> Node {
        var sections: [Pair] = []
        func add(_ key: String, _ value: Node) { sections.append(Pair(.string(key), value)) }

        if let version = template.formatVersion { add("AWSTemplateFormatVersion", .string(version)) }
        if let description = template.description { add("Description", .string(description)) }
        if !template.metadata.isEmpty { add("Metadata", node(for: .object(template.metadata))) }
        if !template.parameters.isEmpty {
            add("Parameters", .mapping(template.parameters.map { Pair(.string($0.logicalID), node(for: $0)) }))
        }
        if !template.mappings.isEmpty {
            add("Mappings", .mapping(template.mappings.map { mapping in
                Pair(.string(mapping.name), .mapping(mapping.entries.map { level in
                    Pair(.string(level.key), node(for: .object(level.values)))
                }))
            }))
        }
        if !template.conditions.isEmpty {
            add("Conditions", .mapping(template.conditions.map { Pair(.string($0.name), node(for: $0.expression)) }))
        }
        if !template.transforms.isEmpty {
            add("Transform", template.transforms.count == 1
                ? .string(template.transforms[0]) : .sequence(template.transforms.map { .string($0) }))
        }
        add("Resources", .mapping(template.resources.map { Pair(.string($0.logicalID), node(for: $0)) }))
        if !template.outputs.isEmpty {
            add("Outputs", .mapping(template.outputs.map { Pair(.string($0.logicalID), node(for: $0)) }))
        }
        return .mapping(sections)
    }

    func node(for parameter: Parameter) -> Node {
        var pairs: [Pair] = [Pair(.string("Type"), .string(parameter.type.rawValue))]
        func add(_ key: String, _ value: Node?) {
            if let value { pairs.append(Pair(.string(key), value)) }
        }
        add("Description", parameter.description.map { .string($0) })
        add("Default", parameter.defaultValue.map(node(for:)))
        add("AllowedValues", parameter.allowedValues.map { .sequence($0.map(node(for:))) })
        add("AllowedPattern", parameter.allowedPattern.map { .string($0) })
        add("ConstraintDescription", parameter.constraintDescription.map { .string($0) })
        add("MinLength", parameter.minLength.map { .plain(String($0)) })
        add("MaxLength", parameter.maxLength.map { .plain(String($0)) })
        add("MinValue", parameter.minValue.map { .plain(NumberText.parameterBound($0)) })
        add("MaxValue", parameter.maxValue.map { .plain(NumberText.parameterBound($0)) })
        if parameter.noEcho { add("NoEcho", .plain("true")) }
        return .mapping(pairs)
    }

    func node(for resource: Resource) -> Node {
        var pairs: [Pair] = [Pair(.string("Type"), .string(resource.type))]
        func add(_ key: String, _ value: Node?) {
            if let value { pairs.append(Pair(.string(key), value)) }
        }
        add("Condition", resource.condition.map { .string($0) })
        switch resource.dependsOn.count {
        case 0: break
        case 1: add("DependsOn", .string(resource.dependsOn[0]))
        default: add("DependsOn", .sequence(resource.dependsOn.map { .string($0) }))
        }
        add("Metadata", resource.metadata.map { node(for: .object($0)) })
        add("CreationPolicy", resource.creationPolicy.map(node(for:)))
        add("UpdatePolicy", resource.updatePolicy.map(node(for:)))
        add("DeletionPolicy", resource.deletionPolicy.map { .string($0.rawValue) })
        add("UpdateReplacePolicy", resource.updateReplacePolicy.map { .string($0.rawValue) })
        if !resource.properties.isEmpty { add("Properties", node(for: .object(resource.properties))) }
        return .mapping(pairs)
    }

    func node(for output: Output) -> Node {
        var pairs: [Pair] = []
        func add(_ key: String, _ value: Node?) {
            if let value { pairs.append(Pair(.string(key), value)) }
        }
        add("Description", output.description.map { .string($0) })
        add("Condition", output.condition.map { .string($0) })
        add("Value", node(for: output.value))
        add("Export", output.exportName.map { .mapping([Pair(.string("Name"), node(for: $0))]) })
        return .mapping(pairs)
    }

    public func node(for value: Value) -> Node {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .plain(String(number))
        case .double(let number): .plain(NumberText.double(number))
        case .bool(let flag): .plain(flag ? "true" : "false")
        case .null: .plain("null")
        case .list(let items): .sequence(items.map(node(for:)))
        case .object(let object): .mapping(object.entries.map { Pair(.string($0.key), node(for: $0.value)) })
        case .intrinsic(let function): node(for: function)
        }
    }

    func node(for function: Intrinsic) -> Node {
        let argument = argumentNode(for: function)
        // YAML allows one tag per node: an argument that already carries a
        // short-form tag forces the long form on the function around it.
        // Functions without a documented short form are always written long.
        if form == .short, function.hasShortForm, argument.tag == nil {
            var tagged = shortArgumentNode(for: function) ?? argument
            tagged.tag = function.shortTag
            return tagged
        }
        return .mapping([Pair(.string(function.longName), argument)])
    }

    /// The short form's argument where it differs from the long form's:
    /// `!GetAtt Resource.Attribute` is one scalar.
    private func shortArgumentNode(for function: Intrinsic) -> Node? {
        if case .getAtt(let resource, let attribute) = function {
            return .string("\(resource).\(attribute)")
        }
        return nil
    }

    /// The argument as the long form writes it.
    private func argumentNode(for function: Intrinsic) -> Node {
        switch function {
        case .ref(let name), .condition(let name):
            return .string(name)
        case .getAtt(let resource, let attribute):
            return .sequence([.string(resource), .string(attribute)])
        case .sub(let text, let variables):
            if variables.isEmpty { return .string(text) }
            return .sequence([.string(text), node(for: .object(variables))])
        case .join(let delimiter, let values):
            return .sequence([.string(delimiter), node(for: values)])
        case .select(let index, let list):
            return .sequence([node(for: index), node(for: list)])
        case .split(let delimiter, let source):
            return .sequence([.string(delimiter), node(for: source)])
        case .if(let condition, let then, let otherwise):
            return .sequence([.string(condition), node(for: then), node(for: otherwise)])
        case .findInMap(let map, let top, let second):
            return .sequence([node(for: map), node(for: top), node(for: second)])
        case .getAZs(let argument), .importValue(let argument), .base64(let argument),
            .length(let argument), .toJsonString(let argument):
            return node(for: argument)
        case .transform(let name, let parameters):
            return .mapping([Pair(.string("Name"), .string(name)), Pair(.string("Parameters"), node(for: .object(parameters)))])
        case .cidr(let block, let count, let bits):
            return .sequence([node(for: block), node(for: count), node(for: bits)])
        case .equals(let lhs, let rhs):
            return .sequence([node(for: lhs), node(for: rhs)])
        case .not(let condition):
            return .sequence([node(for: condition)])
        case .and(let conditions), .or(let conditions):
            return .sequence(conditions.map(node(for:)))
        }
    }
}
