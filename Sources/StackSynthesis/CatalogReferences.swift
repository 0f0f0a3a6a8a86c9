import CloudFormation

/// The references between the stacks of a catalog
/// (`StackDefinition.referencedStacks`), resolved once for every stack that
/// takes part: each stack's template as synthesis should see it.
public struct CatalogReferences {
    /// Stack name → its template with imports and exports wired in.
    public private(set) var templates: [String: Template] = [:]
    public private(set) var uses: [CrossStackReferences.Use] = []

    /// Builds the stacks that refer to others, and the ones they refer to.
    ///
    /// - Throws: `SynthesisError` for a stack that fails to build, a stack
    ///   named that the catalog lacks, or references in a circle.
    public init(catalog: [any StackDefinition]) throws(SynthesisError) {
        let names = Set(catalog.map(\.name))
        let consumers = catalog.filter { !$0.referencedStacks.isEmpty }
        guard !consumers.isEmpty else { return }
        var problems: [Diagnostic] = []
        for consumer in consumers {
            for source in consumer.referencedStacks where !names.contains(source) {
                problems.append(Diagnostic(.error, stack: consumer.name, path: [], "refers to stack '\(source)', which the catalog does not have"))
            }
        }
        guard problems.isEmpty else { throw SynthesisError(problems) }
        let involved = Set(consumers.map(\.name) + consumers.flatMap(\.referencedStacks))
        var built: [(name: String, template: Template)] = []
        for definition in catalog where involved.contains(definition.name) {
            let stack = Stack(name: definition.name)
            do {
                try definition.build(stack)
            } catch {
                problems.append(Diagnostic(.error, stack: definition.name, path: [], "building the stack failed: \(error)"))
                continue
            }
            built.append((definition.name, stack.template))
        }
        guard problems.isEmpty else { throw SynthesisError(problems) }
        let byName = Dictionary(uniqueKeysWithValues: catalog.map { ($0.name, $0) })
        let resolved = try CrossStackReferences.resolve(
            built, sources: { byName[$0]?.referencedStacks ?? [] }, style: { byName[$0]?.crossStackReferenceStyle ?? .export })
        templates = Dictionary(uniqueKeysWithValues: resolved.stacks.map { ($0.name, $0.template) })
        uses = resolved.uses
    }

    /// The catalog's stacks in an order that deploys every stack after the ones it takes values from.
    public static func deploymentOrder(of catalog: [any StackDefinition], uses: [CrossStackReferences.Use]) -> [String] {
        CrossStackReferences.deploymentOrder(of: catalog.map(\.name), uses: uses)
    }
}
