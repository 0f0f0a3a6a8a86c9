/// A stack written as a root stack and nested stacks (`AWS::CloudFormation::Stack`),
/// for a template past CloudFormation's limits on one template, or whose
/// author asked for parts by name.
///
/// The meaning stays the template's: a reference from one part to a resource
/// of another becomes an output of the producing part and a parameter of the
/// consuming one, passed by the root (`!GetAtt Part1.Outputs.BucketArn`); a
/// resource that stays in the root is passed as itself (`!GetAtt Key.Arn`);
/// the root's parameters are passed to the parts that use them (list types
/// joined with commas, SSM types as their resolved values); `AWS::StackName`
/// and `AWS::StackId` in a part mean the root stack's, as they did before the
/// split; a `DependsOn` across parts becomes a `DependsOn` between the
/// nested stacks; each part carries the conditions and mappings it uses.
public struct NestedStackSplit: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        /// The logical ID of its `AWS::CloudFormation::Stack` in the root.
        public var name: String
        public var template: Template

        public init(name: String, template: Template) {
            self.name = name
            self.template = template
        }
    }

    public var root: Template
    public var parts: [Part]

    /// A split as written: the root and the parts it names (read back from files, say).
    public init(root: Template, parts: [Part]) {
        self.root = root
        self.parts = parts
    }

    /// The split of `template`, or `nil` when it fits in one template and no
    /// part is requested.
    ///
    /// - Parameters:
    ///   - template: the stack's template, validated.
    ///   - stack: the stack's name, for diagnostics.
    ///   - requestedParts: resource → the part it goes to (a logical ID).
    ///   - templateURL: a part's name → its `TemplateURL` (a local file name
    ///     that `aws cloudformation package` uploads, say).
    ///   - limits: the limits of one template; past them the stack splits.
    /// - Throws: `SynthesisError` when parts would refer to each other in a circle.
    public static func split(
        _ template: Template, stack: String, requestedParts: [String: String] = [:],
        limits: QuotaLimits = .cloudFormation, templateURL: (String) -> String
    ) throws(SynthesisError) -> NestedStackSplit? {
        guard splits(template, requestedParts: requestedParts, limits: limits) else { return nil }
        return try split(template, stack: stack, requestedParts: requestedParts, dependencies: ResourceDependencies(template),
                         limits: limits, templateURL: templateURL)
    }

    /// The split of a synthesized stack, or `nil` when it fits in one
    /// template and asks for no part: as `split(_:stack:requestedParts:limits:templateURL:)`,
    /// with the dependencies synthesis found.
    public static func split(
        _ synthesis: Synthesis, limits: QuotaLimits = .cloudFormation, templateURL: (String) -> String
    ) throws(SynthesisError) -> NestedStackSplit? {
        guard splits(synthesis.template, requestedParts: synthesis.requestedParts, limits: limits) else { return nil }
        return try split(synthesis.template, stack: synthesis.stack, requestedParts: synthesis.requestedParts,
                         dependencies: synthesis.dependencies, limits: limits, templateURL: templateURL)
    }

    /// Whether `template` is written as a root and nested stacks: when it is
    /// past the limits a split lifts (resources, outputs), or asks for parts.
    public static func splits(_ template: Template, requestedParts: [String: String], limits: QuotaLimits = .cloudFormation) -> Bool {
        exceedsOneTemplate(template, limits: limits) || !requestedParts.isEmpty
    }

    private static func exceedsOneTemplate(_ template: Template, limits: QuotaLimits) -> Bool {
        template.resources.count > limits.resources || template.outputs.count > limits.outputs
    }

    /// The split of `template`, which `splits(_:requestedParts:limits:)`
    /// says is split, with the dependencies synthesis found.
    static func split(
        _ template: Template, stack: String, requestedParts: [String: String], dependencies: ResourceDependencies,
        limits: QuotaLimits = .cloudFormation, templateURL: (String) -> String
    ) throws(SynthesisError) -> NestedStackSplit {
        let exceeds = exceedsOneTemplate(template, limits: limits)
        let declared = Set(template.parameters.map(\.logicalID) + template.resources.map(\.logicalID))
        let clashes = Set(requestedParts.values).intersection(declared).sorted()
        guard clashes.isEmpty else {
            throw SynthesisError(clashes.map { name in
                Diagnostic(.error, stack: stack, path: ["Resources", name],
                           "'\(name)' is asked for as a nested stack's name, but the stack declares it already; choose another part name")
            })
        }
        let assignment = PartAssignment(
            dependencies: dependencies, requested: requestedParts, splitsTheRest: exceeds,
            target: max(1, limits.resources * 7 / 10), capacity: limits.resources, isTaken: declared.contains)
        var builder = SplitBuilder(template: template, stack: stack, assignment: assignment, dependencies: dependencies)
        return try builder.build(templateURL: templateURL)
    }
}

/// Builds the root and part templates of one split.
private struct SplitBuilder {
    let template: Template
    let stack: String
    let assignment: PartAssignment
    let dependencies: ResourceDependencies
    private let resourceIDs: Set<String>
    private var names: UniqueNames
    /// A value a part takes from elsewhere, under the name of its parameter.
    private var imports: [String: [(name: String, source: Value)]] = [:]
    /// Part → the names of its imports, for looking up.
    private var importNames: [String: Set<String>] = [:]
    /// Outputs each part adds for others, in order of first use.
    private var exports: [String: [(name: String, value: Value)]] = [:]
    /// Part → the names of its outputs, for looking up.
    private var exportNames: [String: Set<String>] = [:]
    /// (resource, attribute) → the name it travels under.
    private var travelNames: [String: String] = [:]
    /// Part or root resource → the nested stacks and root resources it must wait for.
    private var waitsFor: [String: [String]] = [:]
    /// The pairs of `waitsFor`, for looking up.
    private var waits: Set<[String]> = []

    init(template: Template, stack: String, assignment: PartAssignment, dependencies: ResourceDependencies) {
        self.template = template
        self.stack = stack
        self.assignment = assignment
        self.dependencies = dependencies
        resourceIDs = Set(template.resources.map(\.logicalID))
        names = UniqueNames(taken: template.parameters.map(\.logicalID) + template.resources.map(\.logicalID)
            + assignment.parts.map(\.name))
    }

    private static let rootStackName = "RootStackName"
    private static let rootStackID = "RootStackId"

    mutating func build(templateURL: (String) -> String) throws(SynthesisError) -> NestedStackSplit {
        var partResources: [String: [Resource]] = [:]
        var rootResources: [Resource] = []
        for resource in template.resources {
            let home = assignment.partOf[resource.logicalID]
            // A part waits as a whole; a resource of the root waits by itself.
            let waiter = home ?? resource.logicalID
            var rewritten = resource
            rewritten.properties = rewrite(.object(resource.properties), in: home, waiter: waiter).objectValue!
            rewritten.metadata = resource.metadata.map { rewrite(.object($0), in: home, waiter: waiter).objectValue! }
            rewritten.creationPolicy = resource.creationPolicy.map { rewrite($0, in: home, waiter: waiter) }
            rewritten.updatePolicy = resource.updatePolicy.map { rewrite($0, in: home, waiter: waiter) }
            var dependsOn: [String] = []
            for dependency in resource.dependsOn {
                let dependencyHome = assignment.partOf[dependency]
                let stackWaitedFor = dependencyHome ?? dependency
                if dependencyHome == home {
                    dependsOn.append(dependency)
                } else if home == nil {
                    if !dependsOn.contains(stackWaitedFor) { dependsOn.append(stackWaitedFor) }
                    wait(waiter, for: stackWaitedFor)
                } else {
                    wait(waiter, for: stackWaitedFor)
                }
            }
            rewritten.dependsOn = dependsOn
            if home == nil {
                for dependency in dependencies.all(of: resource.logicalID) where assignment.partOf[dependency] == nil {
                    wait(waiter, for: dependency)
                }
            }
            if let home { partResources[home, default: []].append(rewritten) } else { rootResources.append(rewritten) }
        }
        let rootOutputs = template.outputs.map { output in
            var rewritten = output
            rewritten.value = rewrite(output.value, in: nil, waiter: nil)
            rewritten.exportName = output.exportName.map { rewrite($0, in: nil, waiter: nil) }
            return rewritten
        }
        try checkNoCircle()

        // Each part's template reads only what the rewriting above settled: they are built side by side.
        let builder = self
        let partNames = assignment.parts.map(\.name)
        let parts = concurrentResults(partNames.count) { [partResources] index in
            NestedStackSplit.Part(
                name: partNames[index], template: builder.partTemplate(partNames[index], resources: partResources[partNames[index]] ?? []))
        }
        let stackResources = parts.map { stackResource($0.name, template: $0.template, url: templateURL($0.name)) }
        var root = template
        root.resources = rootResources + stackResources
        root.outputs = rootOutputs
        let used = usedDeclarations(by: root)
        root.conditions = used.conditions
        root.mappings = used.mappings
        return NestedStackSplit(root: root, parts: parts)
    }

    // MARK: References across stacks

    /// `value` as it is written in `home` (a part, or the root for `nil`);
    /// `waiter` is the part or root resource that waits for what it uses
    /// (`nil` for an output).
    private mutating func rewrite(_ value: Value, in home: String?, waiter: String?) -> Value {
        value.rewritingIntrinsics { function in
            switch function {
            case .ref(let target):
                return crossing(target, attribute: nil, into: home, waiter: waiter)
            case .getAtt(let target, let attribute):
                return crossing(target, attribute: attribute, into: home, waiter: waiter)
            case .sub(let text, let variables):
                var added: [Object.Entry] = []
                var replaced = false
                let rewrittenText = SubPlaceholders.rewrite(text) { placeholder in
                    guard variables[placeholder.name] == nil,
                          let replacement = crossing(placeholder.name, attribute: placeholder.attribute, into: home, waiter: waiter)
                    else { return nil }
                    replaced = true
                    if case .intrinsic(.ref(let parameter)) = replacement { return parameter }
                    // In the root, a part's output is bound as a variable of the Sub, named as the output.
                    guard case .intrinsic(.getAtt(_, let output)) = replacement else { return nil }
                    let variable = String(output.dropFirst("Outputs.".count))
                    if !added.contains(where: { $0.key == variable }) { added.append(Object.Entry(variable, replacement)) }
                    return variable
                } ?? text
                let rewrittenVariables = rewrite(.object(variables), in: home, waiter: waiter).objectValue!
                // A Sub that crosses no stack is kept as it is.
                guard replaced || !added.isEmpty || rewrittenVariables != variables else { return nil }
                return .intrinsic(.sub(rewrittenText, variables: Object(rewrittenVariables.entries + added)))
            default:
                return nil
            }
        }
    }

    /// What a reference to `target` becomes in `home`, or `nil` when it stays as it is.
    private mutating func crossing(_ target: String, attribute: String?, into home: String?, waiter: String?) -> Value? {
        if let home, attribute == nil, target == "AWS::StackName" || target == "AWS::StackId" {
            let parameter = target == "AWS::StackName" ? Self.rootStackName : Self.rootStackID
            addImport(parameter, source: .ref(target), to: home)
            return .ref(parameter)
        }
        guard resourceIDs.contains(target) else { return nil }
        let producer = assignment.partOf[target]
        guard producer != home else { return nil }
        // A reference travels under the resource's own name, which nothing
        // else in a template may have; an attribute under a new name.
        let key = "\(target).\(attribute ?? "")"
        let name = travelNames[key] ?? attribute.map { names.name(for: target + $0) } ?? target
        travelNames[key] = name
        let value: Value = attribute.map { .getAtt(target, $0) } ?? .ref(target)
        var source = value
        if let producer {
            if exportNames[producer, default: []].insert(name).inserted {
                exports[producer, default: []].append((name, value))
            }
            source = .getAtt(producer, "Outputs.\(name)")
        }
        if let waiter { wait(waiter, for: producer ?? target) }
        guard let home else { return source }
        addImport(name, source: source, to: home)
        return .ref(name)
    }

    private mutating func addImport(_ name: String, source: Value, to part: String) {
        guard importNames[part, default: []].insert(name).inserted else { return }
        imports[part, default: []].append((name, source))
    }

    private mutating func wait(_ part: String, for other: String) {
        guard other != part, waits.insert([part, other]).inserted else { return }
        waitsFor[part, default: []].append(other)
    }

    /// Parts and root resources must not wait for each other in a circle
    /// (circles among root resources alone are the template's own, and
    /// validation reports them).
    private func checkNoCircle() throws(SynthesisError) {
        let partNames = Set(assignment.parts.map(\.name))
        var state: [String: Bool] = [:]  // false: on the path; true: done
        var circles: [[String]] = []
        var path: [String] = []
        func visit(_ node: String) {
            if state[node] == true { return }
            if state[node] == false {
                let circle = Array(path.drop { $0 != node }) + [node]
                if circle.contains(where: partNames.contains) { circles.append(circle) }
                return
            }
            state[node] = false
            path.append(node)
            for next in waitsFor[node] ?? [] { visit(next) }
            path.removeLast()
            state[node] = true
        }
        for node in assignment.parts.map(\.name) + assignment.shared { visit(node) }
        guard circles.isEmpty else {
            throw SynthesisError(circles.map { circle in
                Diagnostic(.error, stack: stack, path: ["Resources", circle[0]], """
                    nested stacks would wait for each other in a circle: \(circle.joined(separator: " → ")); \
                    put the resources that refer to each other in the same part
                    """)
            })
        }
    }

    // MARK: Templates

    private func partTemplate(_ name: String, resources: [Resource]) -> Template {
        let imported = imports[name] ?? []
        var part = Template(
            formatVersion: template.formatVersion,
            description: "\(stack): nested stack \(name)",
            transforms: template.transforms,
            resources: resources,
            outputs: (exports[name] ?? []).map { Output($0.name, value: $0.value) })
        let used = usedDeclarations(by: part)
        part.conditions = used.conditions
        part.mappings = used.mappings
        part.parameters = template.parameters.filter { used.parameters.contains($0.logicalID) }.map(Self.asPassed)
            + imported.map { Parameter($0.name, type: .string) }
        return part
    }

    /// The root's `AWS::CloudFormation::Stack` for a part.
    private func stackResource(_ name: String, template part: Template, url: String) -> Resource {
        var parameters = Object()
        let imported = imports[name] ?? []
        for parameter in part.parameters {
            if let source = imported.first(where: { $0.name == parameter.logicalID })?.source {
                parameters[parameter.logicalID] = source
            } else {
                let original = template.parameter(parameter.logicalID)!
                parameters[parameter.logicalID] = original.type.isList ? .join(",", .ref(original.logicalID)) : .ref(original.logicalID)
            }
        }
        var properties: Object = ["TemplateURL": .string(url)]
        if !parameters.isEmpty { properties["Parameters"] = .object(parameters) }
        let implied = Set(parameters.entries.flatMap { ReferenceCollector.uses(in: $0.value).map(\.target) })
        // cfn-lint's W3002 says a local TemplateURL needs `aws cloudformation package`: that is the design.
        // Deleting a part deletes what it holds, but for the resources that retain themselves.
        return Resource(
            name, type: "AWS::CloudFormation::Stack", properties: properties,
            dependsOn: (waitsFor[name] ?? []).filter { !implied.contains($0) },
            metadata: ["cfn-lint": ["config": ["ignore_checks": ["W3002"]]]],
            deletionPolicy: .delete, updateReplacePolicy: .delete)
    }

    /// A root parameter as a part declares it: the root passes the value it
    /// resolved, so an SSM parameter arrives as its value.
    private static func asPassed(_ parameter: Parameter) -> Parameter {
        guard parameter.type.rawValue.hasPrefix("AWS::SSM::Parameter::Value<") else { return parameter }
        return Parameter(parameter.logicalID, type: parameter.type.isList ? .commaDelimitedList : .string,
                         description: parameter.description, noEcho: parameter.noEcho)
    }

    /// What `part` takes from the template's sections, read off one walk
    /// over its resources and outputs: the conditions they use and the
    /// conditions those use (seeded too by the conditions `part` holds
    /// already), in the template's order; the mappings all of these use
    /// (every mapping where a mapping's name is computed); the parameters
    /// they refer to.
    private func usedDeclarations(by part: Template) -> (conditions: [Condition], mappings: [Mapping], parameters: Set<String>) {
        // A template that declares none of these has nothing to look for.
        guard !template.conditions.isEmpty || !template.mappings.isEmpty || !template.parameters.isEmpty else { return ([], [], []) }
        let conditionsByName = Dictionary(template.conditions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var references = uses(inResourcesAndOutputsOf: part)
        var needed = Set(references.filter { $0.kind == .condition }.map(\.target))
        for condition in part.conditions {
            for reference in ReferenceCollector.references(in: condition.expression, at: .untracked) where reference.kind == .condition {
                needed.insert(reference.target)
            }
        }
        var pending = Array(needed)
        while let name = pending.popLast() {
            guard let condition = conditionsByName[name] else { continue }
            for reference in ReferenceCollector.references(in: condition.expression, at: .untracked)
            where reference.kind == .condition && needed.insert(reference.target).inserted {
                pending.append(reference.target)
            }
        }
        let conditions = template.conditions.filter { needed.contains($0.name) }
        for condition in conditions {
            references += ReferenceCollector.references(in: condition.expression, at: .untracked)
        }
        let mappingNames = Set(references.compactMap { reference -> String? in
            if case .mapping = reference.kind { return reference.target }
            return nil
        })
        let computesMappingName = !template.mappings.isEmpty
            && (part.resources.contains { Self.computesMappingName(.object($0.properties)) }
                || part.outputs.contains { Self.computesMappingName($0.value) }
                || conditions.contains { Self.computesMappingName($0.expression) })
        let mappings = computesMappingName ? template.mappings : template.mappings.filter { mappingNames.contains($0.name) }
        let parameters = Set(references.filter(\.isValueReference).map(\.target))
        return (conditions, mappings, parameters)
    }

    /// Every reference of `part`'s resources and outputs.
    private func uses(inResourcesAndOutputsOf part: Template) -> [TemplateReference] {
        var values: [Value] = part.outputs.map(\.value)
        for resource in part.resources {
            values.append(.object(resource.properties))
            if let metadata = resource.metadata { values.append(.object(metadata)) }
            if let policy = resource.creationPolicy { values.append(policy) }
            if let policy = resource.updatePolicy { values.append(policy) }
            if let condition = resource.condition { values.append(.condition(condition)) }
        }
        for output in part.outputs {
            if let name = output.exportName { values.append(name) }
            if let condition = output.condition { values.append(.condition(condition)) }
        }
        return values.flatMap { ReferenceCollector.references(in: $0, at: .untracked) }
    }

    /// Whether `value` holds an `Fn::FindInMap` whose mapping's name is computed.
    private static func computesMappingName(_ value: Value) -> Bool {
        switch value {
        case .string, .integer, .double, .bool, .null:
            return false
        case .list(let items):
            return items.contains(where: computesMappingName)
        case .object(let object):
            return object.entries.contains { computesMappingName($0.value) }
        case .intrinsic(let function):
            switch function {
            case .findInMap(let map, _, _) where map.literalString == nil: return true
            // The most common functions, read without spelling out their arguments.
            case .ref, .getAtt: return false
            case .sub(_, let variables): return variables.entries.contains { computesMappingName($0.value) }
            default: return computesMappingName(function.longFormArgument)
            }
        }
    }
}

/// Names for parameters and outputs that clash with nothing declared.
private struct UniqueNames {
    private var taken: Set<String>

    init(taken: [String]) {
        self.taken = Set(taken)
    }

    /// `base`, or `base2`, `base3`, … when taken; alphanumeric, as logical IDs are.
    mutating func name(for base: String) -> String {
        let clean = String(base.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(240))
        var candidate = clean
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(clean)\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
