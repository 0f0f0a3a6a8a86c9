/// Checks a template before it is written, and reports every problem at once.
///
/// Each rule lives in its own file as an extension; all of them run, so a
/// stack with five mistakes shows five messages in one synthesis.
public struct TemplateValidator {
    public let stack: String
    public let template: Template
    let names: DeclaredNames
    let limits: QuotaLimits
    /// The template's dependencies, when the caller has already computed them.
    let dependencies: ResourceDependencies?
    private(set) var diagnostics: [Diagnostic] = []

    public init(stack: String, template: Template, limits: QuotaLimits = .cloudFormation) {
        self.init(stack: stack, template: template, limits: limits, dependencies: nil)
    }

    init(stack: String, template: Template, limits: QuotaLimits, dependencies: ResourceDependencies?) {
        self.stack = stack
        self.template = template
        self.names = DeclaredNames(template)
        self.limits = limits
        self.dependencies = dependencies
    }

    /// Every problem of the template, in template order.
    public static func validate(_ template: Template, stack: String, limits: QuotaLimits = .cloudFormation) -> [Diagnostic] {
        validate(template, stack: stack, limits: limits, dependencies: nil)
    }

    static func validate(
        _ template: Template, stack: String, limits: QuotaLimits, dependencies: ResourceDependencies?
    ) -> [Diagnostic] {
        var validator = TemplateValidator(stack: stack, template: template, limits: limits, dependencies: dependencies)
        validator.checkLogicalIDs()
        validator.checkReferences()
        validator.checkDependencyCycles()
        validator.checkQuotas()
        validator.checkSwiftDescriptions()
        return validator.diagnostics
    }

    /// The rules a template of a split (its root or a nested stack) can
    /// break where the stack's template, validated whole, did not: the names
    /// the split gives, the references it rewires, the limits of one
    /// template. Its values are the whole template's, whose dependency
    /// cycles and Swift descriptions were checked before the split.
    public static func validatePartOfSplit(_ template: Template, stack: String) -> [Diagnostic] {
        var validator = TemplateValidator(stack: stack, template: template, limits: .cloudFormation, dependencies: nil)
        validator.checkLogicalIDs()
        validator.checkReferences()
        validator.checkQuotas()
        return validator.diagnostics
    }

    mutating func error(_ path: TemplatePath, _ message: String) {
        diagnostics.append(Diagnostic(.error, stack: stack, path: path, message))
    }

    mutating func warning(_ path: TemplatePath, _ message: String) {
        diagnostics.append(Diagnostic(.warning, stack: stack, path: path, message))
    }
}

/// The names each section of a template declares.
struct DeclaredNames {
    let parameters: Set<String>
    let resources: Set<String>
    let conditions: Set<String>
    let mappings: [String: Mapping]

    init(_ template: Template) {
        parameters = Set(template.parameters.map(\.logicalID))
        resources = Set(template.resources.map(\.logicalID))
        conditions = Set(template.conditions.map(\.name))
        mappings = Dictionary(template.mappings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let pseudoParameters = Set(PseudoParameter.allCases.map(\.rawValue))
}
