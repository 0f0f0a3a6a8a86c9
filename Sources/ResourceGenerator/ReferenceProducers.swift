/// The other half of typed references: the resource whose ARN, name or ID a
/// ``Reference`` accepts gives one with `.to(resource)`, written beside the
/// resource's type, one per reference kind that accepts it.
///
/// | the target property is                   | `.to(resource)` writes     |
/// |------------------------------------------|----------------------------|
/// | the type's primary identifier (its `Ref`) | `Ref Logical`              |
/// | else a `Fn::GetAtt` attribute             | `Fn::GetAtt Logical.Prop`  |
/// | else                                      | nothing: no `.to` for it   |
extension ResourceWriter {
    /// The `.to(_:)` extensions for the kinds that accept this type.
    func referenceProducers(kinds: [String: [ReferenceTarget]]) -> String {
        var out = SourceBuilder()
        let primary = (schema["primaryIdentifier"] as? [String] ?? []).map { $0.split(separator: "/").dropFirst().joined(separator: ".") }
        for name in kinds.keys.sorted() {
            guard let target = kinds[name]!.first(where: { $0.typeName == typeName }) else { continue }
            let intrinsic: String
            let summary: String
            if primary == [target.property] {
                intrinsic = ".ref(resource.logicalID)"
                summary = "`Ref` (its `\(target.property)`)"
            } else if attributeNames.contains(target.property) {
                intrinsic = ".getAtt(resource.logicalID, \(target.property.swiftLiteral))"
                summary = "`Fn::GetAtt` of its `\(target.property)`"
            } else {
                continue
            }
            out.line()
            out.block("extension Reference where Kind == ReferenceKinds.\(name)") { out in
                out.line("/// The resource's \(summary).")
                out.block("public static func to(_ resource: \(namespace).\(resourceName)) -> Self") { out in
                    out.line("Self(unchecked: TemplateExpression(unchecked: \(intrinsic)))")
                }
            }
        }
        return out.text
    }
}

/// Where a service's types go: a module (and library product) `AWS<Service>`
/// under `Sources/Services`, its types in an enum named for the service.
enum ServiceLayout {
    static let folder = "Services"

    /// `AWSEC2` for `EC2`.
    static func module(of service: String) -> String { "AWS" + service }

    /// `EC2` for `EC2`; a service named like a module of this package gets
    /// `Service` appended (`CloudFormationService.Stack`), so that the module's
    /// name stays usable as a qualifier.
    static func namespace(of service: String) -> String {
        reservedNamespaces.contains(service) ? service + "Service" : service
    }

    private static let reservedNamespaces: Set<String> = ["CloudFormation", "YAML", "Archiving"]
}
