import CloudFormation

/// The template a stack of `catalog` stands for, checked as synthesis checks
/// it: its references to the catalog's other stacks wired as imports, and
/// not split into nested stacks, however large. What `synth diff`, `graph`
/// and `identifiers` read a stack as.
public func stackTemplate(
    of definition: any StackDefinition, in catalog: [any StackDefinition]
) throws(SynthesisError) -> Template {
    let resolved = try CatalogReferences(catalog: catalog).templates[definition.name]
    return try synthesize(definition, checks: everyCheck, limits: .splittable, preparing: { resolved ?? $0 }).template
}
