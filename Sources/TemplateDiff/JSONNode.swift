import TemplateRendering
/// A JSON document built in the order its keys are given, and written with a
/// 2-space indent: the reports' keys come out in the order the report
/// declares them, never in a dictionary's order.
indirect enum JSONNode {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    /// Already spelled as JSON (`42`, `0.5`).
    case number(String)
    case bool(Bool)
    case null

    static func integer(_ value: Int) -> JSONNode { .number(String(value)) }

    /// A number JSON can hold; infinities and NaN, which it cannot, are `null`.
    static func double(_ value: Double) -> JSONNode { value.isFinite ? .number(String(value)) : .null }

    /// An object without the keys whose value is `nil`.
    static func object(omittingNil entries: [(String, JSONNode?)]) -> JSONNode {
        .object(entries.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The document, ending in a newline.
    var written: String {
        var output = ""
        write(indent: 0, into: &output)
        return output + "\n"
    }

    private func write(indent: Int, into output: inout String) {
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .object(let entries) where entries.isEmpty:
            output += "{}"
        case .object(let entries):
            output += "{\n"
            for (index, entry) in entries.enumerated() {
                output += inner + JSONString.quoted(entry.0) + ": "
                entry.1.write(indent: indent + 2, into: &output)
                output += index == entries.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .array(let items) where items.isEmpty:
            output += "[]"
        case .array(let items):
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                item.write(indent: indent + 2, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .string(let text):
            output += JSONString.quoted(text)
        case .number(let text):
            output += text
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .null:
            output += "null"
        }
    }
}
