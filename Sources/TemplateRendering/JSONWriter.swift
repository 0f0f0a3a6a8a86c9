import YAML
import CloudFormation

/// Writes an untagged document as JSON: 2-space indent, keys in the order
/// given, UTF-8 text unescaped except where JSON requires.
///
/// String scalars become JSON strings; `.plain` scalars (numbers, `true`,
/// `false`, `null`) are written as they are. Nodes arrive one at a time
/// (`NodeWriter`), so a template is written without building its node tree.
struct JSONWriter: NodeWriter {
    struct TaggedNodeError: Error, CustomStringConvertible {
        var tag: String
        var description: String { "JSON cannot hold the YAML tag \(tag); render the long form" }
    }

    struct KeyError: Error, CustomStringConvertible {
        var description: String { "a JSON object's keys are strings; a key here is a list or an object" }
    }

    /// One array or object being written: how many members it has so far,
    /// and, in an object, whether the next node is a key.
    private struct OpenCollection {
        var isObject: Bool
        var members = 0
        var expectsKey: Bool
    }

    // Written as UTF-8 bytes into one buffer: no String is made for a piece,
    // an indent or a quoted string.
    private var output: [UInt8] = []
    private var open: [OpenCollection] = []

    static func write(_ node: Node) throws -> String {
        try write { try node.write(to: &$0) }
    }

    /// The JSON text of the document `body` writes, with a final newline.
    static func write(_ body: (inout JSONWriter) throws -> Void) throws -> String {
        var writer = JSONWriter()
        try body(&writer)
        writer.output.append(UInt8(ascii: "\n"))
        return String(decoding: writer.output, as: UTF8.self)
    }

    mutating func scalar(_ scalar: Scalar, tag: String?) throws {
        if let tag { throw TaggedNodeError(tag: tag) }
        if let last = open.last, last.isObject, last.expectsKey {
            startMember()
            JSONString.append(scalar.text, to: &output)
            output.append(contentsOf: ": ".utf8)
            open[open.count - 1].expectsKey = false
            return
        }
        startValue()
        if scalar.style == .plain {
            output.append(contentsOf: scalar.text.utf8)
        } else {
            JSONString.append(scalar.text, to: &output)
        }
        finishValue()
    }

    mutating func beginSequence(tag: String?) throws {
        try begin(isObject: false, bracket: "[", tag: tag)
    }

    mutating func endSequence() throws {
        end(bracket: "]")
    }

    mutating func beginMapping(tag: String?) throws {
        try begin(isObject: true, bracket: "{", tag: tag)
    }

    mutating func endMapping() throws {
        end(bracket: "}")
    }

    private mutating func begin(isObject: Bool, bracket: Unicode.Scalar, tag: String?) throws {
        if let tag { throw TaggedNodeError(tag: tag) }
        if let last = open.last, last.isObject, last.expectsKey { throw KeyError() }
        startValue()
        output.append(UInt8(ascii: bracket))
        open.append(OpenCollection(isObject: isObject, expectsKey: isObject))
    }

    /// `[]` or `{}` when empty; otherwise the closing bracket on its own line.
    private mutating func end(bracket: Unicode.Scalar) {
        let closed = open.removeLast()
        if closed.members > 0 {
            output.append(UInt8(ascii: "\n"))
            appendIndent(open.count * 2)
        }
        output.append(UInt8(ascii: bracket))
        finishValue()
    }

    /// Before a value: in an array, the line break (and comma) and indent that
    /// start a member; in an object the key has done that already.
    private mutating func startValue() {
        guard let last = open.last, !last.isObject else { return }
        startMember()
    }

    private mutating func startMember() {
        output.append(contentsOf: open[open.count - 1].members == 0 ? "\n".utf8 : ",\n".utf8)
        appendIndent(open.count * 2)
    }

    /// After a value: its array or object has one more member, and an object
    /// expects a key next.
    private mutating func finishValue() {
        guard !open.isEmpty else { return }
        open[open.count - 1].members += 1
        open[open.count - 1].expectsKey = open[open.count - 1].isObject
    }

    private mutating func appendIndent(_ width: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
    }
}
