/// A template value on one line, for messages and reports. In `.json` and
/// `.flow`, strings are always quoted (JSON escapes), so `"5"` and `5`, or
/// `""` and nothing, can be told apart, and mappings keep their written order.
///
/// | style       | strings  | mapping keys      | intrinsics                                    | used by |
/// |-------------|----------|-------------------|-----------------------------------------------|---------|
/// | `.json`     | quoted   | quoted            | long form, `{"Fn::GetAtt": ["Queue", "Arn"]}` | the test kit, whose paths run through the long form |
/// | `.flow`     | quoted   | plain             | short form, `!GetAtt Queue.Arn`               | `synth diff`, which reads like the YAML template |
/// | `.resolved` | as text  | plain, in order of the keys | `${Queue.Arn}`, `${Table}`; a `Fn::Sub` filled in, a `Fn::Join` joined; others short form | `synth diff`'s policy statements, read as IAM reads an ARN |
///
/// In `.resolved`, two spellings of one ARN (`!Sub ${Bucket.Arn}/*` and
/// `!Join ['', [!GetAtt Bucket.Arn, /*]]`) give the same text, so statements
/// compare by what they grant rather than by how the template wrote it, and
/// wildcards stay wildcards, so the text can be matched as an IAM pattern.
public enum ValueText {
    public enum Style: Sendable {
        case json
        case flow
        case resolved
    }

    /// Lines longer than this are cut by `truncated`.
    public static let limit = 200

    public static func line(_ value: Value, style: Style) -> String {
        switch value {
        case .string(let text): style == .resolved ? text : quoted(text)
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map { line($0, style: style) }.joined(separator: ", ") + "]"
        case .object(let object):
            mapping((style == .resolved ? object.entries.sorted { $0.key < $1.key } : object.entries).map { ($0.key, line($0.value, style: style)) },
                    style: style)
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
        case (.resolved, .ref(let name)): "${\(name)}"
        case (.resolved, .getAtt(let resource, let attribute)): "${\(resource).\(attribute)}"
        case (.resolved, .sub(let template, let variables)): filling(template, with: variables)
        case (.resolved, .join(let delimiter, .list(let parts))): parts.map { line($0, style: .resolved) }.joined(separator: delimiter)
        // Names of parameters, resources and conditions are written plain.
        case (.flow, .ref), (.flow, .getAtt), (.flow, .condition), (.resolved, .condition):
            "\(function.shortTag) \(function.shortFormArgument.literalString ?? "")"
        case (.flow, _), (.resolved, _): "\(function.shortTag) \(line(function.shortFormArgument, style: style))"
        }
    }

    /// A `Fn::Sub` with its variables filled in; `${!Name}` is literal text and stays.
    private static func filling(_ template: String, with variables: Object) -> String {
        var result = template
        for entry in variables.entries {
            result = result.replacing("${\(entry.key)}", with: line(entry.value, style: .resolved))
        }
        return result
    }
}
