import TemplateRendering
import CloudFormation

/// A template value on one line, as YAML's flow style would write it with
/// short-form intrinsics: `"dev"`, `345600`, `!GetAtt Queue.Arn`,
/// `{Key: "Name", Value: !Sub "${AWS::StackName}-orders"}`.
///
/// Strings are always quoted (JSON escapes), so `"5"` and `5`, or `""` and
/// nothing, can be told apart on a terminal. Mappings keep their written order.
enum DisplayText {
    static func text(_ value: Value) -> String {
        switch value {
        case .string(let string): quoted(string)
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let object): text(object)
        case .intrinsic(let intrinsic): text(intrinsic)
        }
    }

    static func text(_ object: Object) -> String {
        "{" + object.entries.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
    }

    private static func text(_ intrinsic: Intrinsic) -> String {
        switch intrinsic {
        case .ref(let name): "!Ref \(name)"
        case .getAtt(let resource, let attribute): "!GetAtt \(resource).\(attribute)"
        case .condition(let name): "!Condition \(name)"
        default: "\(intrinsic.shortTag) \(text(intrinsic.longFormArgument))"
        }
    }

    /// A string as a JSON string literal: the same escapes, one line.
    static func quoted(_ string: String) -> String {
        JSONString.quoted(string)
    }

    /// At most `limit` characters, cut with the count of what was left out,
    /// so a whole policy document added at once does not fill a screen.
    static func truncated(_ text: String, limit: Int = 200) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count - limit) more characters)"
    }
}
