extension TemplateValidator {
    /// CloudFormation cannot order resources that wait on each other.
    mutating func checkDependencyCycles() {
        for cycle in (dependencies ?? ResourceDependencies(template)).cycles() {
            error(["Resources", cycle[0]], "dependency cycle: \(cycle.joined(separator: " → "))")
        }
    }
}
