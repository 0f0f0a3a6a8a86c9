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
            if pairs.count == 1, pairs[0].key.isTextKey, let key = pairs[0].key.scalarText {
                let argument = value(pairs[0].value)
                return function(key, argument, written: pairs[0].value) ?? .object(Object([Object.Entry(key, argument)]))
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

    /// A function's node as the one-entry object of its long form, without
    /// reading the function itself: `Fn::If: [...]` or `!If [...]`.
    mutating func writtenObject(_ node: Node) -> Object {
        if let tag = node.tag {
            var argument = node
            argument.tag = nil
            return Object([Object.Entry(Intrinsic.longName(ofShortName: String(tag.dropFirst())), value(argument))])
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
        // A language extension's loop has no short form.
        let longName = Intrinsic.longName(ofShortName: String(tag.dropFirst()))
        guard tag.hasPrefix("!"), !ForEachLoop.isLoop(longName) else {
            problem("unknown tag \(tag)", at: node)
            return .null
        }
        var argument = node
        argument.tag = nil
        guard let function = function(longName, value(argument), written: argument) else {
            problem("unknown tag \(tag)", at: node)
            return .null
        }
        return function
    }

    /// The function `longName` of the argument read as `argument` from the
    /// node `written`, as `Intrinsic(reading:argument:)` lays functions out:
    /// the typed function; a function the model does not type, kept as the
    /// one-entry mapping its long form is, so it is written back as it was
    /// read; `.null` with a problem at the argument, or at its item, that
    /// does not fit; `nil` when `longName` is no function.
    private mutating func function(_ longName: String, _ argument: Value, written: Node) -> Value? {
        do {
            return .intrinsic(try Intrinsic(reading: longName, argument: argument))
        } catch {
            switch error {
            case .unknownName:
                return nil
            case .untyped:
                return .object(Object([Object.Entry(longName, argument)]))
            case .malformed(let message, let item):
                if let item, case .sequence(let items) = written.content, item < items.count {
                    problem(message, at: items[item])
                } else {
                    problem(message, at: written)
                }
            }
            return .null
        }
    }
}

extension Node {
    /// A mapping key that is text: a scalar, untagged or with the non-specific tag `!`.
    var isTextKey: Bool {
        guard case .scalar = content else { return false }
        return tag == nil || tag == "!" || tag == "tag:yaml.org,2002:str"
    }
}
