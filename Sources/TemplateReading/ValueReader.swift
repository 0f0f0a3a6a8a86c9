import CloudFormation
import YAML

/// Turns YAML nodes into template values: intrinsics in either form, ordered
/// objects, resolved scalars. Problems are collected, not thrown, so a file
/// with several mistakes reports all of them.
struct ValueReader {
    let file: String
    private(set) var problems: [TemplateReadError.Problem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ message: String, at node: Node) {
        let mark = node.mark ?? Mark(line: 0, column: 0)
        problems.append(.init(file: file, line: mark.line, column: mark.column, message: message))
    }

    mutating func value(_ node: Node) -> Value {
        if let tag = node.tag {
            return tagged(tag, node)
        }
        switch node.content {
        case .scalar(let scalar):
            switch ScalarResolution.resolve(scalar) {
            case .value(let value): return value
            case .unrepresentable(let reason):
                problem(reason, at: node)
                return .null
            }
        case .sequence(let items):
            return .list(items.map { value($0) })
        case .mapping(let pairs):
            if pairs.count == 1, pairs[0].key.isTextKey, let key = pairs[0].key.scalarText, IntrinsicNames.long.contains(key) {
                let name = key == "Ref" || key == "Condition" ? key : String(key.dropFirst(4))
                return intrinsic(name, pairs[0].value, at: node)
            }
            if pairs.count == 1, pairs[0].key.isTextKey, let key = pairs[0].key.scalarText, ForEachLoop.isLoop(key) {
                return loop(key, pairs[0].value)
            }
            return .object(object(pairs))
        }
    }

    mutating func object(_ pairs: [Pair]) -> Object {
        var object = Object()
        object.entries.reserveCapacity(pairs.count)
        // Most mappings are small: comparing with the keys so far costs less than hashing them.
        var seen: Set<String> = []
        let hashes = pairs.count > 16
        for pair in pairs {
            guard let key = pair.key.scalarText, pair.key.isTextKey else {
                problem("a mapping key must be a plain string", at: pair.key)
                continue
            }
            let isNew = hashes ? seen.insert(key).inserted : !object.entries.contains { $0.key == key }
            guard isNew else {
                problem("duplicate key '\(key)'", at: pair.key)
                continue
            }
            object.entries.append(Object.Entry(key, value(pair.value)))
        }
        return object
    }

    /// A one-entry mapping `Fn::ForEach::Name: [identifier, collection, fragment]`.
    private mutating func loop(_ key: String, _ argument: Node) -> Value {
        guard let loop = Intrinsic(longName: key, argument: value(argument)) else {
            problem(ForEachLoop.layoutProblem(key), at: argument)
            return .null
        }
        return .intrinsic(loop)
    }

    /// A function's node as the one-entry object of its long form, without
    /// reading the function itself: `Fn::If: [...]` or `!If [...]`.
    mutating func writtenObject(_ node: Node) -> Object {
        if let tag = node.tag {
            var argument = node
            argument.tag = nil
            let name = String(tag.dropFirst())
            return Object([Object.Entry(name == "Ref" || name == "Condition" ? name : "Fn::" + name, value(argument))])
        }
        guard case .mapping(let pairs) = node.content else { return Object() }
        return object(pairs)
    }

    private mutating func tagged(_ tag: String, _ node: Node) -> Value {
        switch tag {
        case "!":
            // The non-specific tag: a scalar is text, a collection is read as if untagged.
            var untagged = node
            untagged.tag = nil
            if case .scalar(let scalar) = node.content { return .string(scalar.text) }
            return value(untagged)
        case "tag:yaml.org,2002:str":
            guard let text = node.scalarText else {
                problem("!!str tags a scalar, not a collection", at: node)
                return .null
            }
            return .string(text)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            var untagged = node
            untagged.tag = nil
            if case .scalar(var scalar) = untagged.content {
                scalar.style = .plain
                untagged.content = .scalar(scalar)
            }
            return value(untagged)
        default:
            break
        }
        let name = String(tag.dropFirst())
        guard tag.hasPrefix("!"), IntrinsicNames.short.contains(name) || IntrinsicNames.untyped.contains(name) else {
            problem("unknown tag \(tag)", at: node)
            return .null
        }
        var argument = node
        argument.tag = nil
        return intrinsic(name, argument, at: node)
    }

    /// A function the model does not type, or whose argument a function
    /// decides (which CloudFormation works out when it processes the
    /// template): kept as the one-entry object its long form is, so it is
    /// written back as it was read.
    private mutating func untyped(_ name: String, _ argument: Node) -> Value {
        .object(Object([Object.Entry(name == "Ref" || name == "Condition" ? name : "Fn::" + name, value(argument))]))
    }

    /// Whether `node` is a function: a short-form tag, or a one-entry
    /// mapping under a function's long name.
    private func isFunction(_ node: Node) -> Bool {
        if let tag = node.tag { return tag.hasPrefix("!") }
        guard case .mapping(let pairs) = node.content, pairs.count == 1, let key = pairs[0].key.scalarText else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }

    /// `name` is the short name (`Ref`, `GetAtt`, `Sub`, …).
    private mutating func intrinsic(_ name: String, _ argument: Node, at node: Node) -> Value {
        if IntrinsicNames.untyped.contains(name) || isFunction(argument) && !IntrinsicNames.takingAnyValue.contains(name) {
            return untyped(name, argument)
        }
        // A name the model holds as text, given by a function (`!GetAtt [R, !Ref P]`).
        if let positions = IntrinsicNames.textPositions[name], case .sequence(let items) = argument.content,
            positions.contains(where: { $0 < items.count && isFunction(items[$0]) })
        {
            return untyped(name, argument)
        }
        func text(_ node: Node, _ what: String) -> String? {
            guard case .scalar(let scalar) = node.content, node.tag == nil else {
                problem("\(name)'s \(what) must be a string", at: node)
                return nil
            }
            return scalar.text
        }
        func scalar() -> String? {
            guard case .scalar(let scalar) = argument.content, argument.tag == nil else {
                problem("\(name) takes a string", at: argument)
                return nil
            }
            return scalar.text
        }
        func list(_ count: ClosedRange<Int>) -> [Node]? {
            guard case .sequence(let items) = argument.content, count.contains(items.count) else {
                let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
                problem("\(name) takes a list of \(expected) items", at: argument)
                return nil
            }
            return items
        }
        switch name {
        case "Ref":
            return scalar().map { .ref($0) } ?? .null
        case "Condition":
            return scalar().map { .condition($0) } ?? .null
        case "GetAtt":
            if case .scalar(let scalar) = argument.content, argument.tag == nil {
                guard let dot = scalar.text.firstIndex(of: ".") else {
                    problem("GetAtt takes 'Resource.Attribute'", at: argument)
                    return .null
                }
                return .getAtt(String(scalar.text[..<dot]), String(scalar.text[scalar.text.index(after: dot)...]))
            }
            guard let items = list(2...2), let resource = text(items[0], "resource"), let attribute = text(items[1], "attribute") else {
                return .null
            }
            return .getAtt(resource, attribute)
        case "Sub":
            if case .scalar(let scalar) = argument.content, argument.tag == nil {
                return .intrinsic(.sub(scalar.text, variables: [:]))
            }
            guard let items = list(2...2), let text = items[0].scalarText, case .mapping(let pairs) = items[1].content else {
                problem("Sub takes a string, or a string and a map of variables", at: argument)
                return .null
            }
            return .intrinsic(.sub(text, variables: object(pairs)))
        case "Join":
            guard let items = list(2...2), let delimiter = text(items[0], "delimiter") else { return .null }
            return .join(delimiter, value(items[1]))
        case "Select":
            guard let items = list(2...2) else { return .null }
            return .select(value(items[0]), value(items[1]))
        case "Split":
            guard let items = list(2...2), let delimiter = text(items[0], "delimiter") else { return .null }
            return .split(delimiter, value(items[1]))
        case "If":
            guard let items = list(3...3), let condition = text(items[0], "condition name") else { return .null }
            return .if(condition, value(items[1]), else: value(items[2]))
        case "FindInMap":
            // A fourth item (`DefaultValue`, with the language extensions) has no typed place.
            if case .sequence(let items) = argument.content, items.count == 4 { return untyped(name, argument) }
            guard let items = list(3...3) else { return .null }
            return .intrinsic(.findInMap(map: value(items[0]), topLevelKey: value(items[1]), secondLevelKey: value(items[2])))
        case "GetAZs":
            // No argument (`!GetAZs`, `Fn::GetAZs:`) means the stack's Region, as "" does.
            let region = value(argument)
            return .getAZs(region == .null ? .string("") : region)
        case "ImportValue":
            return .importValue(value(argument))
        case "Base64":
            return .base64(value(argument))
        case "Cidr":
            guard let items = list(3...3) else { return .null }
            return .cidr(value(items[0]), value(items[1]), value(items[2]))
        case "Transform":
            // A list of transforms, each a map, has no typed place.
            if case .sequence = argument.content { return untyped(name, argument) }
            guard case .mapping(let pairs) = argument.content else {
                problem("Transform takes a map with Name and Parameters", at: argument)
                return .null
            }
            let fields = object(pairs)
            guard case .string(let macro)? = fields["Name"] else {
                problem("Transform needs a Name", at: argument)
                return .null
            }
            // Without Parameters (or with other keys) it is kept as written.
            guard fields.keys.sorted() == ["Name", "Parameters"], case .object? = fields["Parameters"] else {
                return .object(["Fn::Transform": .object(fields)])
            }
            return .transform(macro, fields["Parameters"]?.objectValue ?? [:])
        case "Length":
            return .length(value(argument))
        case "ToJsonString":
            return .toJsonString(value(argument))
        case "Equals":
            guard let items = list(2...2) else { return .null }
            return .equals(value(items[0]), value(items[1]))
        case "Not":
            guard let items = list(1...1) else { return .null }
            return .not(value(items[0]))
        case "And", "Or":
            guard let items = list(2...10) else { return .null }
            let conditions = items.map { value($0) }
            return name == "And" ? .and(conditions) : .or(conditions)
        default:
            problem("unknown intrinsic function \(name)", at: node)
            return .null
        }
    }
}

enum IntrinsicNames {
    static let short: Set<String> = [
        "Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "Split", "If", "FindInMap", "GetAZs", "ImportValue",
        "Base64", "Cidr", "Transform", "Length", "ToJsonString", "Equals", "Not", "And", "Or",
    ]
    /// Functions read and written as their one-entry long form: the rule
    /// functions of the `Rules` section.
    static let untyped: Set<String> = ["Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"]
    /// The items of a function's list that the model holds as text.
    static let textPositions: [String: [Int]] = ["GetAtt": [0, 1], "Join": [0], "Split": [0], "Sub": [0]]
    /// Functions whose argument is any value, a function included.
    static let takingAnyValue: Set<String> = ["GetAZs", "ImportValue", "Base64", "Length", "ToJsonString"]
    static let long: Set<String> = Set((short.union(untyped)).map { $0 == "Ref" || $0 == "Condition" ? $0 : "Fn::" + $0 })
}

extension Node {
    /// A mapping key that is text: a scalar, untagged or with the non-specific tag `!`.
    var isTextKey: Bool {
        guard case .scalar = content else { return false }
        return tag == nil || tag == "!" || tag == "tag:yaml.org,2002:str"
    }
}
