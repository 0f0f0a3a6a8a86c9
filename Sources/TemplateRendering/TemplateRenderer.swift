import CloudFormation
import YAML

/// The formats a template is written in.
public enum TemplateFormat: String, CaseIterable, Sendable {
    case yaml
    case json

    public var fileExtension: String { rawValue }
}

/// Writes a template as text.
public enum TemplateRenderer {
    /// YAML through libyaml, intrinsics in the given form.
    public static func yaml(_ template: Template, form: IntrinsicForm = .short) throws -> String {
        try Emitter.emit { try TemplateWriter(form: form).write(template, to: &$0) }
    }

    /// JSON; intrinsics are always in the long form, the only one JSON has.
    public static func json(_ template: Template) throws -> String {
        try JSONWriter.write { try TemplateWriter(form: .long).write(template, to: &$0) }
    }

    /// A standalone JSON document (2-space indent, keys in their order).
    public static func json(value: Value) throws -> String {
        try JSONWriter.write { try TemplateWriter(form: .long).write(value, to: &$0) }
    }

    public static func render(_ template: Template, format: TemplateFormat, form: IntrinsicForm = .short) throws -> String {
        switch format {
        case .yaml: try yaml(template, form: form)
        case .json: try json(template)
        }
    }
}
