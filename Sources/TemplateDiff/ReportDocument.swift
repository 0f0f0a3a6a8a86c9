import CloudFormation
import TemplateRendering

/// The JSON and SARIF reports are template values, written by the template
/// renderer's JSON writer: keys in the order the report declares them,
/// template values inside with long-form intrinsics.
extension Value {
    static func fields(_ entries: [(String, Value)]) -> Value {
        .object(Object(entries.map { Object.Entry($0.0, $0.1) }))
    }

    /// An object without the keys whose value is `nil`.
    static func fields(omittingNil entries: [(String, Value?)]) -> Value {
        fields(entries.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The document as JSON, ending in a newline. The long form has no tags and
    /// every key is a string, which is all the JSON writer can refuse.
    var reportJSON: String {
        do {
            return try TemplateRenderer.json(value: self)
        } catch {
            preconditionFailure("a report is always JSON: \(error)")
        }
    }
}
