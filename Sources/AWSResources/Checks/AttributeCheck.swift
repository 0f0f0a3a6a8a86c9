import CloudFormation

/// `Fn::GetAtt` and `${Resource.Attribute}` placeholders must name an
/// attribute the resource's type has, for every type in the resource registry. The typed members (`bucket.arn`) cannot
/// get this wrong; this catches `getAtt("…")` by name and raw resources.
public struct AttributeCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        let typesByID = Dictionary(template.resources.map { ($0.logicalID, $0.type) }, uniquingKeysWith: { first, _ in first })
        /// The attribute a use names, with its resource's type, when that type does not have it.
        func unknownAttribute(_ target: String, _ kind: TemplateReference.Kind) -> (attribute: String, type: String, known: [String])? {
            switch kind {
            case .getAtt(let attribute), .sub(attribute: let attribute?):
                guard let typeName = typesByID[target], let known = ResourceRegistry.attributeNames(of: typeName),
                    !ResourceRegistry.attributeNames(known, contain: attribute)
                else { return nil }
                return (attribute, typeName, known)
            default:
                return nil
            }
        }
        var diagnostics: [Diagnostic] = []
        // A first look without paths; the paths are worked out only for a
        // value that has a problem.
        for (value, path) in TemplateValues.all(in: template)
        where ReferenceCollector.uses(in: value).contains(where: { unknownAttribute($0.target, $0.kind) != nil }) {
            for reference in ReferenceCollector.references(in: value, at: path) {
                guard let (attribute, type, names) = unknownAttribute(reference.target, reference.kind) else { continue }
                let known = names.isEmpty ? "it has none" : "it has \(names.joined(separator: ", "))"
                diagnostics.append(Diagnostic(
                    .error, stack: stack, path: reference.path,
                    "\(type) has no attribute '\(attribute)' for Fn::GetAtt \(reference.target).\(attribute); \(known)"))
            }
        }
        return diagnostics
    }
}

extension GeneratedResourceTypes {
    /// The generated types by CloudFormation type name. A constant of
    /// stateless metatypes, so sharing it between threads is safe.
    nonisolated(unsafe) static let byName: [String: any TypedResource.Type] = Dictionary(
        all.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
}
