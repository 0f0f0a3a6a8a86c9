import TemplateRendering
import CloudFormation

/// Values as failure messages show them: compact JSON on one line, keys in the
/// value's own order, intrinsics in their long form (`{"Ref": "Bucket"}`).
///
/// One line per value keeps a message readable as a list of `path: expected …,
/// found …` lines; very long values are cut, since the path already says where
/// to look in the template.
enum ValueText {
    /// Longer renderings end in `…` after this many characters.
    static let limit = 200

    static func render(_ value: Value) -> String {
        truncated(full(value))
    }

    static func truncated(_ text: String) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static func full(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let elements): "[" + elements.map(full).joined(separator: ", ") + "]"
        case .object(let object): objectText(object.entries.map { ($0.key, full($0.value)) })
        case .intrinsic(let function): full(.object(LongFormIntrinsic.object(of: function)))
        }
    }

    /// `{"key": value, …}` from already rendered values.
    static func objectText(_ entries: [(key: String, text: String)]) -> String {
        "{" + entries.map { quoted($0.key) + ": " + $0.text }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
