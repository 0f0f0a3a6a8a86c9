import CloudFormation

/// `Fn::GetAtt` and `${Resource.Attribute}` placeholders must name an
/// attribute the resource's type has. The typed members (`bucket.arn`) cannot
/// get this wrong; this catches `getAtt("…")` by name and raw resources.
public struct AttributeCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        let typesByID = Dictionary(template.resources.map { ($0.logicalID, $0.type) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for (value, path) in TemplateValues.all(in: template) {
            for reference in ReferenceCollector.references(in: value, at: path) {
                let attribute: String
                switch reference.kind {
                case .getAtt(let name), .sub(attribute: let name?): attribute = name
                default: continue
                }
                guard let typeName = typesByID[reference.target],
                    let type = GeneratedResourceTypes.byName[typeName],
                    !type.attributeNames.contains(attribute)
                else { continue }
                let known = type.attributeNames.isEmpty ? "it has none" : "it has \(type.attributeNames.joined(separator: ", "))"
                diagnostics.append(Diagnostic(
                    .error, stack: stack, path: reference.path,
                    "\(typeName) has no attribute '\(attribute)' for Fn::GetAtt \(reference.target).\(attribute); \(known)"))
            }
        }
        return diagnostics
    }
}

extension GeneratedResourceTypes {
    /// The generated types by CloudFormation type name.
    static let byName: [String: any TypedResource.Type] = Dictionary(
        all.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
}
