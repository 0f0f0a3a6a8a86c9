/// A template value on one line, for messages and reports: strings always
/// quoted (JSON escapes), so `"5"` and `5`, or `""` and nothing, can be told
/// apart; mappings in their written order.
///
/// | style   | mapping keys | intrinsics                                  | used by                      |
/// |---------|--------------|---------------------------------------------|------------------------------|
/// | `.json` | quoted       | long form, `{"Fn::GetAtt": ["Queue", "Arn"]}` | the test kit, whose paths run through the long form |
/// | `.flow` | plain        | short form, `!GetAtt Queue.Arn`             | `synth diff`, which reads like the YAML template |
public enum ValueText {
    public enum Style: Sendable {
        case json
        case flow
    }

    /// Lines longer than this are cut by `truncated`.
    public static let limit = 200

    public static func line(_ value: Value, style: Style) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map { line($0, style: style) }.joined(separator: ", ") + "]"
        case .object(let object): mapping(object.entries.map { ($0.key, line($0.value, style: style)) }, style: style)
        case .intrinsic(let function): line(function, style: style)
        }
    }

    /// `line`, cut by `truncated`.
    public static func truncatedLine(_ value: Value, style: Style) -> String {
        truncated(line(value, style: style))
    }

    /// `{key: value, …}` from values already on one line.
    public static func mapping(_ entries: [(key: String, text: String)], style: Style) -> String {
        let members = entries.map { entry -> String in
            let key = style == .json ? quoted(entry.key) : entry.key
            return key + ": " + entry.text
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// A string as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        JSONString.quoted(text)
    }

    /// At most `limit` characters, cut with the count of what was left out,
    /// so a whole policy document does not fill a screen; the path beside a
    /// value says where to read it in full.
    public static func truncated(_ text: String, limit: Int = limit) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count - limit) more characters)"
    }

    private static func line(_ function: Intrinsic, style: Style) -> String {
        switch (style, function) {
        case (.json, _): mapping([(function.longName, line(function.longFormArgument, style: .json))], style: .json)
        // Names of parameters, resources and conditions are written plain.
        case (.flow, .ref), (.flow, .getAtt), (.flow, .condition):
            "\(function.shortTag) \(function.shortFormArgument.literalString ?? "")"
        case (.flow, _): "\(function.shortTag) \(line(function.shortFormArgument, style: .flow))"
        }
    }
}
