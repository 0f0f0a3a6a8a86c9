import CloudFormation

/// An export that a change removes or changes while another stack still
/// imports it: CloudFormation refuses such an update ("cannot delete export
/// … as it is in use by …"), so the producer's deployment fails halfway.
public struct ImportedExportChange: Hashable, Sendable, CustomStringConvertible {
    public var exportName: String
    /// Whether the export is gone (removed or renamed) or only its value changed.
    public var isRemoved: Bool
    /// The stacks (or files) that import it.
    public var importers: [String]

    public init(exportName: String, isRemoved: Bool, importers: [String]) {
        self.exportName = exportName
        self.isRemoved = isRemoved
        self.importers = importers
    }

    /// Every export of `old` that `new` removes or changes and that one of
    /// `others` imports by name.
    public static func find(old: Template, new: Template, others: [(name: String, template: Template)]) -> [ImportedExportChange] {
        let before = exports(of: old)
        let after = exports(of: new)
        let imported = others.map { ($0.name, importedNames(in: $0.template)) }
        return before.keys.sorted().compactMap { name in
            guard after[name] != before[name] else { return nil }
            let importers = imported.filter { $0.1.contains(name) }.map(\.0)
            guard !importers.isEmpty else { return nil }
            return ImportedExportChange(exportName: name, isRemoved: after[name] == nil, importers: importers)
        }
    }

    public var description: String {
        let what = isRemoved ? "removes" : "changes the value of"
        return """
            the change \(what) export '\(exportName)', which \(importers.joined(separator: ", ")) still import\(importers.count == 1 ? "s" : ""): \
            CloudFormation will refuse the update. Two steps instead: keep the export as it is and deploy; \
            move \(importers.count == 1 ? "that stack" : "those stacks") off it (another value, or a weak reference \
            through an SSM parameter: crossStackReferenceStyle .ssmParameter) and deploy \(importers.count == 1 ? "it" : "them"); \
            then remove the export
            """
    }

    /// Export name → the value exported, for the outputs whose export name is literal.
    private static func exports(of template: Template) -> [String: Value] {
        var result: [String: Value] = [:]
        for output in template.outputs {
            if case .string(let name)? = output.exportName { result[name] = output.value }
        }
        return result
    }

    /// The literal names a template passes to `Fn::ImportValue`.
    private static func importedNames(in template: Template) -> Set<String> {
        var names: Set<String> = []
        let values: [Value] = template.resources.flatMap { resource in
            [.object(resource.properties)] + (resource.metadata.map { [.object($0)] } ?? [])
        } + template.outputs.map(\.value) + template.conditions.map(\.expression)
        for value in values {
            _ = value.rewritingIntrinsics { function in
                if case .importValue(.string(let name)) = function { names.insert(name) }
                return nil
            }
        }
        return names
    }
}
