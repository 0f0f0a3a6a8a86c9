import YAML

/// Writes an untagged node tree as JSON: 2-space indent, keys in the tree's
/// order, UTF-8 text unescaped except where JSON requires.
///
/// `.string` scalars become JSON strings; `.plain` scalars (numbers, `true`,
/// `false`, `null`) are written as they are.
enum JSONWriter {
    struct TaggedNodeError: Error, CustomStringConvertible {
        var tag: String
        var description: String { "JSON cannot hold the YAML tag \(tag); render the long form" }
    }

    static func write(_ node: Node) throws -> String {
        var output = ""
        try write(node, indent: 0, into: &output)
        output += "\n"
        return output
    }

    private static func write(_ node: Node, indent: Int, into output: inout String) throws {
        if let tag = node.tag { throw TaggedNodeError(tag: tag) }
        switch node.content {
        case .scalar(let scalar):
            if scalar.style == .plain {
                output += scalar.text
            } else {
                appendString(scalar.text, to: &output)
            }
        case .sequence(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                try write(item, indent: indent + 2, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .mapping(let pairs):
            guard !pairs.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, pair) in pairs.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                appendString(pair.key.scalarText ?? "", to: &output)
                output += ": "
                try write(pair.value, indent: indent + 2, into: &output)
                output += index == pairs.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func appendString(_ text: String, to output: inout String) {
        output += JSONString.quoted(text)
    }
}
