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

/// The section limits synthesis enforces: CloudFormation's by default. A
/// benchmark that builds 5,000 resources on purpose lifts them; nothing
/// deployable should.
public struct QuotaLimits: Hashable, Sendable {
    public var resources = Quotas.resources
    public var parameters = Quotas.parameters
    public var outputs = Quotas.outputs
    public var mappings = Quotas.mappings

    public init() {}

    public static let cloudFormation = QuotaLimits()

    /// CloudFormation's limits, less the ones a split into nested stacks
    /// lifts (resources and outputs per template); each part is held to all.
    public static var splittable: QuotaLimits {
        var limits = QuotaLimits.cloudFormation
        limits.resources = .max
        limits.outputs = .max
        return limits
    }

    /// No section limit at all.
    public static var unlimited: QuotaLimits {
        var limits = QuotaLimits()
        limits.resources = .max
        limits.parameters = .max
        limits.outputs = .max
        limits.mappings = .max
        return limits
    }
}

extension TemplateValidator {
    mutating func checkQuotas() {
        let counts: [(String, Int, Int)] = [
            ("Resources", template.resources.count, limits.resources),
            ("Parameters", template.parameters.count, limits.parameters),
            ("Outputs", template.outputs.count, limits.outputs),
            ("Mappings", template.mappings.count, limits.mappings),
        ]
        for (section, count, limit) in counts where count > limit {
            error([section], "\(count) \(section.lowercased()); CloudFormation allows at most \(limit) in one template")
        }
    }
}
