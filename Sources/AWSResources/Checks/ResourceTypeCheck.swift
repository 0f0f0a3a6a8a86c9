import CloudFormation

/// A resource type in AWS's namespace must be one the resource registry
/// has: `AWS::EC2::SecurityGroupp` is a typo, reported with the closest type.
/// Other namespaces (`Custom::…`, third-party and private types) are not
/// checked, nor is SAM's `AWS::Serverless::…`, which a transform replaces.
public struct ResourceTypeCheck: ResourceCheck {
    public init() {}

    public func diagnostics(forResourceAt index: Int, in template: Template, stack: String) -> [Diagnostic] {
        let type = template.resources[index].type
        guard type.hasPrefix("AWS::"), !type.hasPrefix("AWS::Serverless::"), !ResourceRegistry.contains(type) else { return [] }
        let suggestion = SchemaMessageText.suggestion(for: type, among: ResourceRegistry.typeNames)
        return [Diagnostic(
            .error, stack: stack, path: ["Resources", template.resources[index].logicalID, "Type"],
            "'\(type)' is not a CloudFormation resource type\(suggestion)")]
    }
}
