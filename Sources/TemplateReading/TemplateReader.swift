import CloudFormation
import YAML

/// Reads a CloudFormation template, YAML or JSON (JSON is YAML to libyaml),
/// short- or long-form intrinsics, any quoting, into the template model.
///
/// Malformed input is an error with file, line and column: bad YAML, an
/// unknown tag, a tag on the wrong kind of node, duplicate keys, a section or
/// attribute of the wrong shape. Every problem is reported at once.
public enum TemplateReader {
    /// Reads the template file at `path`, within `TemplateFile`'s and
    /// `ParserLimits`' bounds.
    public static func read(contentsOf path: String) throws(TemplateReadError) -> Template {
        try read(bytes: try TemplateFile.bytes(path), file: path)
    }

    public static func read(_ text: String, file: String) throws(TemplateReadError) -> Template {
        try read(bytes: Array(text.utf8), file: file)
    }

    /// How many comments the template has: reading keeps none of them.
    public static func comments(in bytes: [UInt8]) -> Int {
        CommentCount.comments(in: bytes)
    }

    /// `bytes` are UTF-8 (libyaml reports the first byte that is not).
    public static func read(bytes: [UInt8], file: String) throws(TemplateReadError) -> Template {
        let root: Node
        do {
            root = try Parser.parse(bytes: bytes)
        } catch let error as YAMLError {
            let mark = error.mark ?? Mark(line: 1, column: 1)
            throw TemplateReadError(problems: [.init(file: file, line: mark.line, column: mark.column, message: error.problem)])
        } catch {
            throw TemplateReadError(problems: [.init(file: file, line: 1, column: 1, message: "\(error)")])
        }
        var reader = SectionReader(values: ValueReader(file: file))
        let template = reader.template(root)
        if !reader.values.problems.isEmpty {
            // In document order, whichever pass found them.
            let sorted = reader.values.problems.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }.map(\.element)
            throw TemplateReadError(problems: sorted)
        }
        return template
    }
}

/// Reads the sections of a template into the model.
struct SectionReader {
    var values: ValueReader

    mutating func template(_ root: Node) -> Template {
        var template = Template(formatVersion: nil)
        guard case .mapping(let sections) = root.content else {
            values.problem("a template is a mapping of sections", at: root)
            return template
        }
        var seen: Set<String> = []
        for section in sections {
            guard let name = section.key.scalarText, section.key.isTextKey else {
                values.problem("a section name must be a plain string", at: section.key)
                continue
            }
            guard seen.insert(name).inserted else {
                values.problem("duplicate section '\(name)'", at: section.key)
                continue
            }
            let node = section.value
            switch name {
            case "AWSTemplateFormatVersion": template.formatVersion = string(node, "AWSTemplateFormatVersion")
            case "Description": template.description = string(node, "Description")
            case "Metadata": template.metadata = object(node) ?? [:]
            case "Parameters": template.parameters = entries(node).compactMap { parameter($0.0, $0.1) }
            case "Mappings":
                template.mappings = entries(node).map { name, levels in
                    Mapping(name, entries: entries(levels).map { ($0.0, object($0.1) ?? [:]) })
                }
            case "Conditions": template.conditions = entries(node).map { Condition($0.0, values.value($0.1)) }
            case "Transform":
                switch values.value(node) {
                case .string(let macro): template.transforms = [macro]
                case .list(let items): template.transforms = items.compactMap(\.literalString)
                default: values.problem("Transform is a macro name or a list of them", at: node)
                }
            case "Resources":
                let (plain, loops) = splitLoops(entries(node))
                template.resources = plain.compactMap { resource($0.0, $0.1) }
                template.resourceLoops = loops
            case "Outputs":
                let (plain, loops) = splitLoops(entries(node))
                template.outputs = plain.compactMap { output($0.0, $0.1) }
                template.outputLoops = loops
            case "Rules": template.rules = object(node) ?? [:]
            case "Globals": template.globals = object(node) ?? [:]
            case "Hooks": template.hooks = object(node) ?? [:]
            default:
                values.problem("unknown section '\(name)'", at: section.key)
            }
        }
        return template
    }

    private mutating func entries(_ node: Node) -> [(String, Node)] {
        guard case .mapping(let pairs) = node.content, node.tag == nil else {
            values.problem("expected a mapping", at: node)
            return []
        }
        var seen: Set<String> = []
        var result: [(String, Node)] = []
        for pair in pairs {
            guard let key = pair.key.scalarText, pair.key.isTextKey else {
                values.problem("a mapping key must be a plain string", at: pair.key)
                continue
            }
            guard seen.insert(key).inserted else {
                values.problem("duplicate key '\(key)'", at: pair.key)
                continue
            }
            result.append((key, pair.value))
        }
        return result
    }

    /// Entries apart from the `Fn::ForEach::Name` loops among them.
    private mutating func splitLoops(_ entries: [(String, Node)]) -> ([(String, Node)], Object) {
        var loops = Object()
        var plain: [(String, Node)] = []
        for (key, node) in entries {
            if ForEachLoop.isLoop(key) {
                let argument = values.value(node)
                do {
                    _ = try Intrinsic(reading: key, argument: argument)
                } catch {
                    if case .malformed(let message, _) = error { values.problem(message, at: node) }
                }
                loops.entries.append(Object.Entry(key, argument))
            } else {
                plain.append((key, node))
            }
        }
        return (plain, loops)
    }

    private mutating func object(_ node: Node) -> Object? {
        guard case .object(let object) = values.value(node) else {
            values.problem("expected a mapping", at: node)
            return nil
        }
        return object
    }

    private mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .string(let text) = values.value(node) else {
            values.problem("\(what) must be a string", at: node)
            return nil
        }
        return text
    }

    private mutating func parameter(_ id: String, _ node: Node) -> Parameter? {
        guard let fields = object(node) else { return nil }
        guard case .string(let type)? = fields["Type"] else {
            values.problem("parameter '\(id)' needs a Type", at: node)
            return nil
        }
        unknownKeys(of: fields, allowed: Self.parameterAttributes, in: "parameter '\(id)'", at: node)
        func number(_ key: String) -> Double? {
            switch fields[key] {
            case .integer(let value)?: Double(value)
            case .double(let value)?: value
            case .string(let text)?: Double(text).flatMap { $0.isFinite ? $0 : nil }
            default: nil
            }
        }
        func integer(_ key: String) -> Int? { number(key).flatMap { Int(exactly: $0.rounded(.towardZero)) } }
        for key in ["MinLength", "MaxLength"] where fields[key] != nil && integer(key) == nil {
            values.problem("the \(key) of parameter '\(id)' must be an integer", at: node)
        }
        for key in ["MinValue", "MaxValue"] where fields[key] != nil && number(key) == nil {
            values.problem("the \(key) of parameter '\(id)' must be a number", at: node)
        }
        if let allowed = fields["AllowedValues"], case .list = allowed {} else if fields["AllowedValues"] != nil {
            values.problem("the AllowedValues of parameter '\(id)' must be a list", at: node)
        }
        var noEcho = false
        if case .bool(let flag)? = fields["NoEcho"] { noEcho = flag }
        if case .string(let text)? = fields["NoEcho"] { noEcho = text.lowercased() == "true" }
        return Parameter(
            id, type: ParameterType(rawValue: type),
            description: fields["Description"].flatMap { text($0, "the Description of parameter '\(id)'", at: node) },
            default: fields["Default"], allowedValues: fields["AllowedValues"].flatMap { if case .list(let items) = $0 { items } else { nil } },
            allowedPattern: fields["AllowedPattern"].flatMap { text($0, "the AllowedPattern of parameter '\(id)'", at: node) },
            constraintDescription: fields["ConstraintDescription"].flatMap { text($0, "the ConstraintDescription of parameter '\(id)'", at: node) },
            minLength: integer("MinLength"), maxLength: integer("MaxLength"), minValue: number("MinValue"), maxValue: number("MaxValue"),
            noEcho: noEcho)
    }

    private mutating func resource(_ id: String, _ node: Node) -> Resource? {
        guard let fields = object(node) else { return nil }
        guard case .string(let type)? = fields["Type"] else {
            values.problem("resource '\(id)' needs a Type", at: node)
            return nil
        }
        var resource = Resource(id, type: type)
        for entry in fields.entries {
            switch entry.key {
            case "Type": break
            case "Properties":
                if case .object(let properties) = entry.value {
                    resource.properties = properties
                } else if case .intrinsic = entry.value, let written = propertiesNode(node) {
                    // Properties chosen by a function (`Fn::If`): kept as the one-entry mapping it is written as.
                    resource.properties = values.writtenObject(written)
                } else if entry.value != .null {
                    values.problem("Properties of '\(id)' must be a mapping", at: node)
                }
            case "Version", "IgnoreGlobals":
                resource.otherAttributes[entry.key] = entry.value
            case "Condition": resource.condition = text(entry.value, "the Condition of '\(id)'", at: node)
            case "DependsOn":
                switch entry.value {
                case .string(let one): resource.dependsOn = [one]
                case .list(let many): resource.dependsOn = many.compactMap(\.literalString)
                default: values.problem("DependsOn of '\(id)' must be a name or a list of names", at: node)
                }
            case "Metadata":
                resource.metadata = entry.value.objectValue
                if resource.metadata == nil { values.problem("the Metadata of '\(id)' must be a mapping", at: node) }
            case "CreationPolicy": resource.creationPolicy = entry.value
            case "UpdatePolicy": resource.updatePolicy = entry.value
            case "DeletionPolicy", "UpdateReplacePolicy":
                if case .intrinsic = entry.value {
                    resource.otherAttributes[entry.key] = entry.value
                    continue
                }
                guard let text = entry.value.literalString, let policy = DeletionPolicy(rawValue: text) else {
                    values.problem("\(entry.key) of '\(id)' must be Delete, Retain, RetainExceptOnDelete or Snapshot", at: node)
                    continue
                }
                if entry.key == "DeletionPolicy" { resource.deletionPolicy = policy } else { resource.updateReplacePolicy = policy }
            default:
                values.problem("unknown attribute '\(entry.key)' of resource '\(id)'", at: node)
            }
        }
        return resource
    }

    static let parameterAttributes: Set<String> = [
        "Type", "Description", "Default", "AllowedValues", "AllowedPattern", "ConstraintDescription",
        "MinLength", "MaxLength", "MinValue", "MaxValue", "NoEcho",
    ]

    /// A value that must be text, or a problem naming `what` (never dropped in silence).
    private mutating func text(_ value: Value, _ what: String, at node: Node) -> String? {
        guard let text = value.literalString else {
            values.problem("\(what) must be a string", at: node)
            return nil
        }
        return text
    }

    /// CloudFormation refuses what it does not know; so does the reader, rather than drop it.
    private mutating func unknownKeys(of fields: Object, allowed: Set<String>, in owner: String, at node: Node) {
        for key in fields.keys where !allowed.contains(key) {
            values.problem("unknown attribute '\(key)' of \(owner)", at: node)
        }
    }

    /// The node under `Properties` in a resource's mapping.
    private func propertiesNode(_ resource: Node) -> Node? {
        guard case .mapping(let pairs) = resource.content else { return nil }
        return pairs.first { $0.key.scalarText == "Properties" }?.value
    }

    private mutating func output(_ id: String, _ node: Node) -> Output? {
        guard let fields = object(node) else { return nil }
        guard let value = fields["Value"] else {
            values.problem("output '\(id)' needs a Value", at: node)
            return nil
        }
        unknownKeys(of: fields, allowed: ["Description", "Value", "Export", "Condition"], in: "output '\(id)'", at: node)
        if let export = fields["Export"] {
            if case .object(let entries) = export {
                unknownKeys(of: entries, allowed: ["Name"], in: "the Export of output '\(id)'", at: node)
            } else {
                values.problem("the Export of output '\(id)' must be a mapping with a Name", at: node)
            }
        }
        return Output(
            id, value: value, description: fields["Description"].flatMap { text($0, "the Description of output '\(id)'", at: node) },
            exportName: fields["Export"]?.objectValue?["Name"],
            condition: fields["Condition"].flatMap { text($0, "the Condition of output '\(id)'", at: node) })
    }
}
