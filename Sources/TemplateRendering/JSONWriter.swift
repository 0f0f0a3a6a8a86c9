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
        // Written as UTF-8 bytes: appending to a String piece by piece, and a
        // new String for every indent and every quoted string, cost more than
        // everything else synthesis does.
        var output: [UInt8] = []
        try write(node, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ node: Node, indent: Int, into output: inout [UInt8]) throws {
        if let tag = node.tag { throw TaggedNodeError(tag: tag) }
        switch node.content {
        case .scalar(let scalar):
            if scalar.style == .plain {
                output.append(contentsOf: scalar.text.utf8)
            } else {
                JSONString.append(scalar.text, to: &output)
            }
        case .sequence(let items):
            guard !items.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                appendIndent(indent + 2, to: &output)
                try write(item, indent: indent + 2, into: &output)
                output.append(contentsOf: index == items.count - 1 ? "\n".utf8 : ",\n".utf8)
            }
            appendIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            guard !pairs.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(contentsOf: "{\n".utf8)
            for (index, pair) in pairs.enumerated() {
                appendIndent(indent + 2, to: &output)
                JSONString.append(pair.key.scalarText ?? "", to: &output)
                output.append(contentsOf: ": ".utf8)
                try write(pair.value, indent: indent + 2, into: &output)
                output.append(contentsOf: index == pairs.count - 1 ? "\n".utf8 : ",\n".utf8)
            }
            appendIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func appendIndent(_ width: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
    }
}
