import CloudFormation
import YAML

/// The template model as the ordered node tree YAML and JSON are written
/// from, for callers that want the tree itself. Rendering does not build it:
/// `TemplateRenderer` hands the same nodes straight to the emitter.
public struct TemplateNodeBuilder {
    public var form: IntrinsicForm

    public init(form: IntrinsicForm) {
        self.form = form
    }

    public func node(for template: Template) -> Node {
        build { try TemplateWriter(form: form).write(template, to: &$0) }
    }

    public func node(for value: Value) -> Node {
        build { try TemplateWriter(form: form).write(value, to: &$0) }
    }

    private func build(_ write: (inout NodeTreeBuilder) throws -> Void) -> Node {
        var builder = NodeTreeBuilder()
        // The walk opens and closes every collection it writes, which is all
        // the tree builder can fail on.
        do {
            try write(&builder)
        } catch {
            preconditionFailure("the template walk wrote an unbalanced document: \(error)")
        }
        return builder.root!
    }
}
