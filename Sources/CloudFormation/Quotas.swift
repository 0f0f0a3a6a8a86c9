/// CloudFormation's limits on one template.
public enum Quotas {
    public static let resources = 500
    public static let parameters = 200
    public static let outputs = 200
    public static let mappings = 200
    /// Largest body `CreateStack` accepts inline (`--template-body`).
    public static let inlineBodyBytes = 51_200
    /// Largest body accepted from S3 (`--template-url`).
    public static let bodyBytes = 1_000_000

    /// The size rule, which needs the rendered text: a warning above the inline
    /// limit, an error above the S3 limit.
    public static func checkBodySize(_ bytes: Int, stack: String) -> [Diagnostic] {
        if bytes > bodyBytes {
            return [Diagnostic(.error, stack: stack, path: [], "the template is \(bytes) bytes; CloudFormation accepts at most \(bodyBytes)")]
        }
        if bytes > inlineBodyBytes {
            return [Diagnostic(.warning, stack: stack, path: [], "the template is \(bytes) bytes, over the \(inlineBodyBytes) that can be deployed inline: upload it to S3 and deploy with --template-url (or `aws cloudformation deploy --s3-bucket`)")]
        }
        return []
    }
}

extension TemplateValidator {
    mutating func checkQuotas() {
        let counts: [(String, Int, Int)] = [
            ("Resources", template.resources.count, Quotas.resources),
            ("Parameters", template.parameters.count, Quotas.parameters),
            ("Outputs", template.outputs.count, Quotas.outputs),
            ("Mappings", template.mappings.count, Quotas.mappings),
        ]
        for (section, count, limit) in counts where count > limit {
            error([section], "\(count) \(section.lowercased()); CloudFormation allows at most \(limit) in one template")
        }
    }
}
