/// References from one stack of a catalog to a resource of another, written
/// so that CloudFormation resolves them: by default an `Export` of the
/// producing stack and `Fn::ImportValue` in the consuming one; as a weak
/// reference, an SSM parameter that the producer writes and the consumer
/// reads at deployment.
///
/// A reference crosses stacks when it names a resource that the stack does
/// not declare and exactly one other stack of the catalog does. Export names
/// are the producer's stack name, the logical ID and the attribute
/// (`Storage-Data-Arn`), so they stay the same from one synthesis to the next.
public enum CrossStackReferences {
    /// How a value travels from its stack to another.
    public enum Style: Hashable, Sendable {
        /// `Outputs.X.Export` and `Fn::ImportValue`: CloudFormation refuses to
        /// delete or change an export while a stack imports it.
        case export
        /// An `AWS::SSM::Parameter` written by the producer and read by the
        /// consumer as an `AWS::SSM::Parameter::Value<String>` parameter: no
        /// lock between the stacks; the consumer sees a new value when it is
        /// next deployed.
        case ssmParameter
    }

    /// One value used across stacks.
    public struct Use: Hashable, Sendable {
        public var producer: String
        public var consumer: String
        public var resource: String
        public var attribute: String?
        /// The export's name, or the SSM parameter's.
        public var name: String
    }

    /// The stacks with every reference across them wired, and the uses found.
    ///
    /// - Parameters:
    ///   - stacks: the catalog's stacks, each with its name.
    ///   - style: how each consuming stack takes its values.
    /// - Throws: `SynthesisError` when a name is declared by several other
    ///   stacks, or when stacks would use each other's values in a circle.
    public static func resolve(
        _ stacks: [(name: String, template: Template)], style: (String) -> Style = { _ in .export }
    ) throws(SynthesisError) -> (stacks: [(name: String, template: Template)], uses: [Use]) {
        var owners: [String: [String]] = [:]
        for stack in stacks {
            for resource in stack.template.resources { owners[resource.logicalID, default: []].append(stack.name) }
        }
        var resolved = stacks
        var uses: [Use] = []
        var problems: [Diagnostic] = []
        for index in stacks.indices {
            let consumer = stacks[index]
            var wiring = ConsumerWiring(consumer: consumer.name, template: consumer.template, owners: owners, style: style(consumer.name))
            resolved[index].template = wiring.rewritten()
            uses += wiring.uses
            problems += wiring.problems
        }
        guard problems.isEmpty else { throw SynthesisError(problems) }
        for use in uses {
            let producer = resolved.firstIndex { $0.name == use.producer }!
            ProducerWiring.add(use, style: style(use.consumer), to: &resolved[producer].template)
        }
        try checkNoCircle(uses, order: stacks.map(\.name))
        return (resolved, uses)
    }

    /// The stacks in an order that deploys every producer before its
    /// consumers; otherwise the catalog's order.
    public static func deploymentOrder(of names: [String], uses: [Use]) -> [String] {
        var remaining = names
        var result: [String] = []
        while !remaining.isEmpty {
            let ready = remaining.firstIndex { name in
                !uses.contains { $0.consumer == name && $0.producer != name && !result.contains($0.producer) }
            } ?? 0
            result.append(remaining.remove(at: ready))
        }
        return result
    }

    private static func checkNoCircle(_ uses: [Use], order: [String]) throws(SynthesisError) {
        var waitsFor: [String: [Use]] = [:]
        for use in uses { waitsFor[use.consumer, default: []].append(use) }
        var state: [String: Bool] = [:]
        var circles: [[Use]] = []
        func visit(_ stack: String, path: [Use]) {
            if state[stack] == true { return }
            if state[stack] == false {
                circles.append(Array(path.drop { $0.consumer != stack }))
                return
            }
            state[stack] = false
            var seen: Set<String> = []
            for use in waitsFor[stack] ?? [] where seen.insert(use.producer).inserted {
                visit(use.producer, path: path + [use])
            }
            state[stack] = true
        }
        for stack in order { visit(stack, path: []) }
        guard circles.isEmpty else {
            throw SynthesisError(circles.map { circle in
                let steps = circle.map { "\($0.consumer) uses \($0.producer)'s \($0.resource)\($0.attribute.map { ".\($0)" } ?? "")" }
                return Diagnostic(.error, stack: circle[0].consumer, path: [], """
                    stacks would use each other's values in a circle: \(steps.joined(separator: ", ")); \
                    move one of the resources, or pass one value as a weak reference (an SSM parameter)
                    """)
            })
        }
    }

    /// The export or SSM parameter name of a value.
    static func name(producer: String, resource: String, attribute: String?, style: Style) -> String {
        switch style {
        case .export:
            ([producer, resource] + (attribute.map { [$0.replacingDots(with: "-")] } ?? [])).joined(separator: "-")
        case .ssmParameter:
            "/" + ([producer, resource] + (attribute.map { [$0.replacingDots(with: "/")] } ?? [])).joined(separator: "/")
        }
    }
}

extension String {
    fileprivate func replacingDots(with separator: String) -> String {
        split(separator: ".", omittingEmptySubsequences: false).joined(separator: separator)
    }
}

/// The references of one consuming stack to other stacks' resources, rewritten.
private struct ConsumerWiring {
    let consumer: String
    let template: Template
    let owners: [String: [String]]
    let style: CrossStackReferences.Style
    private let declared: Set<String>
    private(set) var uses: [CrossStackReferences.Use] = []
    private(set) var problems: [Diagnostic] = []
    /// SSM-read parameters the consumer adds, by name.
    private var addedParameters: [Parameter] = []

    init(consumer: String, template: Template, owners: [String: [String]], style: CrossStackReferences.Style) {
        self.consumer = consumer
        self.template = template
        self.owners = owners
        self.style = style
        declared = Set(template.parameters.map(\.logicalID) + template.resources.map(\.logicalID)
            + PseudoParameter.allCases.map(\.rawValue))
    }

    mutating func rewritten() -> Template {
        var result = template
        for index in result.resources.indices {
            let id = result.resources[index].logicalID
            result.resources[index].properties = rewrite(.object(result.resources[index].properties), at: ["Resources", id, "Properties"]).objectValue!
            if let metadata = result.resources[index].metadata {
                result.resources[index].metadata = rewrite(.object(metadata), at: ["Resources", id, "Metadata"]).objectValue!
            }
        }
        for index in result.outputs.indices {
            result.outputs[index].value = rewrite(result.outputs[index].value, at: ["Outputs", result.outputs[index].logicalID, "Value"])
        }
        result.parameters += addedParameters
        return result
    }

    private mutating func rewrite(_ value: Value, at path: TemplatePath) -> Value {
        value.rewritingIntrinsics { function in
            switch function {
            case .ref(let target):
                return crossing(target, attribute: nil, at: path)
            case .getAtt(let target, let attribute):
                return crossing(target, attribute: attribute, at: path)
            case .sub(let text, let variables):
                var bound: [Object.Entry] = []
                let rewrittenText = SubPlaceholders.rewrite(text) { placeholder in
                    guard variables[placeholder.name] == nil,
                          let value = crossing(placeholder.name, attribute: placeholder.attribute, at: path) else { return nil }
                    if case .intrinsic(.ref(let parameter)) = value { return parameter }
                    let variable = (placeholder.name + (placeholder.attribute ?? "")).filter { $0.isLetter || $0.isNumber }
                    if !bound.contains(where: { $0.key == variable }) { bound.append(Object.Entry(variable, value)) }
                    return variable
                } ?? text
                let rewrittenVariables = variables.entries.map { Object.Entry($0.key, rewrite($0.value, at: path)) }
                return .intrinsic(.sub(rewrittenText, variables: Object(rewrittenVariables + bound)))
            default:
                return nil
            }
        }
    }

    /// What a reference to `target` becomes, or `nil` when it stays.
    private mutating func crossing(_ target: String, attribute: String?, at path: TemplatePath) -> Value? {
        guard !declared.contains(target), let producers = owners[target]?.filter({ $0 != consumer }), !producers.isEmpty
        else { return nil }
        guard producers.count == 1 else {
            let message = "\(target) is declared by \(producers.joined(separator: " and ")); a reference to another stack must name a resource of one"
            if !problems.contains(where: { $0.message == message }) {
                problems.append(Diagnostic(.error, stack: consumer, path: path, message))
            }
            return nil
        }
        let name = CrossStackReferences.name(producer: producers[0], resource: target, attribute: attribute, style: style)
        if !uses.contains(where: { $0.name == name }) {
            uses.append(.init(producer: producers[0], consumer: consumer, resource: target, attribute: attribute, name: name))
        }
        switch style {
        case .export:
            return .importValue(.string(name))
        case .ssmParameter:
            let parameter = "\(producers[0])\(target)\(attribute ?? "")".filter { $0.isLetter || $0.isNumber }
            if !addedParameters.contains(where: { $0.logicalID == parameter }) {
                addedParameters.append(Parameter(
                    parameter, type: .ssmParameterValue(.string),
                    description: "\(target)\(attribute.map { ".\($0)" } ?? "") of stack \(producers[0]), read from SSM at deployment",
                    default: .string(name)))
            }
            return .ref(parameter)
        }
    }
}

/// What the producing stack adds for a value another stack uses.
private enum ProducerWiring {
    static func add(_ use: CrossStackReferences.Use, style: CrossStackReferences.Style, to template: inout Template) {
        let value: Value = use.attribute.map { .getAtt(use.resource, $0) } ?? .ref(use.resource)
        let logicalID = (use.resource + (use.attribute ?? "")).filter { $0.isLetter || $0.isNumber }
        switch style {
        case .export:
            guard !template.outputs.contains(where: { $0.exportName == .string(use.name) }) else { return }
            template.outputs.append(Output(
                uniqueID("Export" + logicalID, in: Set(template.outputs.map(\.logicalID))), value: value,
                description: "Used by stack \(use.consumer)", exportName: .string(use.name)))
        case .ssmParameter:
            guard !template.resources.contains(where: { $0.properties["Name"] == .string(use.name) }) else { return }
            let taken = Set(template.resources.map(\.logicalID) + template.parameters.map(\.logicalID))
            template.resources.append(Resource(
                uniqueID(logicalID + "Parameter", in: taken), type: "AWS::SSM::Parameter",
                properties: ["Name": .string(use.name), "Type": "String", "Value": value,
                             "Description": .string("Used by stack \(use.consumer)")]))
        }
    }

    private static func uniqueID(_ base: String, in taken: Set<String>) -> String {
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
