import CloudFormation

/// Works out a template's values for one `EvaluationContext`: pseudo
/// parameters, parameters, `Ref` and `Fn::GetAtt` of the template's resources
/// (see `ResourceIdentities.swift`), and the functions that build strings and
/// lists from them (`Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`,
/// `Fn::FindInMap`, `Fn::If`).
struct SymbolicResolver: Sendable {
    let template: Template
    let context: EvaluationContext
    /// Lookup only; nothing iterates it, so its order cannot reach an answer.
    private let resourcesByID: [String: Resource]

    /// How deep references may chain (a name built from another resource's
    /// name, …) before the resolver gives up: a guard against cycles in a
    /// template nobody checked.
    private static let depthLimit = 24

    init(template: Template, context: EvaluationContext) {
        self.template = template
        self.context = context
        var byID: [String: Resource] = [:]
        for resource in template.resources where byID[resource.logicalID] == nil {
            byID[resource.logicalID] = resource
        }
        resourcesByID = byID
    }

    func resource(_ logicalID: String) -> Resource? { resourcesByID[logicalID] }

    func resolve(_ value: Value) -> SymbolicValue { resolve(value, depth: 0) }

    func resolve(_ value: Value, depth: Int) -> SymbolicValue {
        guard depth < Self.depthLimit else { return .unresolved("references nested too deeply (a cycle?)") }
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .integer(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .list(let items): return .list(items.map { resolve($0, depth: depth) })
        case .object(let object):
            return .object(object.entries.map { SymbolicValue.Entry($0.key, resolve($0.value, depth: depth)) })
        case .intrinsic(let function): return resolve(function, depth: depth + 1)
        }
    }

    private func resolve(_ function: Intrinsic, depth: Int) -> SymbolicValue {
        switch function {
        case .ref(let name):
            return ref(name, depth: depth)
        case .getAtt(let resource, let attribute):
            return getAtt(resource, attribute, depth: depth)
        case .sub(let text, let variables):
            return sub(text, variables: variables, depth: depth)
        case .join(let delimiter, let values):
            let list = resolve(values, depth: depth)
            guard let alternatives = list.alternatives() else { return .unresolved("Fn::Join: too many alternatives") }
            let joined = alternatives.map { alternative -> SymbolicValue in
                switch alternative {
                case .list(let items): SymbolicValue.concatenating(items, separator: delimiter)
                case .unresolved: alternative
                default: .unresolved("Fn::Join of something that is not a list")
                }
            }
            return Self.either(joined)
        case .select(let index, let list):
            return select(resolve(index, depth: depth), from: resolve(list, depth: depth))
        case .split(let delimiter, let source):
            return resolve(source, depth: depth).mapStrings { text in
                .list(text.split(separator: delimiter, omittingEmptySubsequences: false).map { .string(String($0)) })
            }
        case .if(let condition, let then, let otherwise):
            switch context.conditionValues[condition] {
            case true?: return resolve(then, depth: depth)
            case false?: return resolve(otherwise, depth: depth)
            case nil: return Self.either([resolve(then, depth: depth), resolve(otherwise, depth: depth)])
            }
        case .findInMap(let map, let top, let second):
            return findInMap(map, top, second, depth: depth)
        case .length(let list):
            guard case .list(let items) = resolve(list, depth: depth) else { return .unresolved("Fn::Length of something that is not a list") }
            return .integer(items.count)
        case .importValue(let name):
            return .unresolved("Fn::ImportValue \(resolve(name, depth: depth)): another stack's export")
        default:
            return .unresolved("\(function.longName) is not evaluated")
        }
    }

    // MARK: Ref

    func ref(_ name: String, depth: Int) -> SymbolicValue {
        if let pseudo = PseudoParameter(rawValue: name) { return pseudoParameter(pseudo) }
        if let parameter = template.parameter(name) {
            if let chosen = context.parameterValues[name] {
                return parameter.type.isList ? .list(chosen.split(separator: ",").map { .string(String($0)) }) : .string(chosen)
            }
            guard let defaultValue = parameter.defaultValue else {
                return .unresolved("parameter \(name) has no default and the evaluation context gives it no value")
            }
            let resolved = resolve(defaultValue, depth: depth)
            if parameter.type.isList, case .string(let text) = resolved {
                return .list(text.split(separator: ",").map { .string(String($0)) })
            }
            return resolved
        }
        if let resource = resourcesByID[name] { return refValue(of: resource, depth: depth) }
        return .unresolved("Ref to \(name), which the template does not declare")
    }

    private func pseudoParameter(_ pseudo: PseudoParameter) -> SymbolicValue {
        switch pseudo {
        case .accountID: .string(context.accountID)
        case .partition: .string(context.partition)
        case .region: .string(context.region)
        case .stackName: .string(context.stackName)
        case .stackID:
            .string("arn:\(context.partition):cloudformation:\(context.region):\(context.accountID):stack/\(context.stackName)/00000000-0000-0000-0000-000000000000")
        case .urlSuffix: .string(context.urlSuffix)
        case .noValue: .absent
        case .notificationARNs: .unresolved("AWS::NotificationARNs is chosen at deployment")
        }
    }

    // MARK: Fn::Sub

    func sub(_ text: String, variables: Object, depth: Int) -> SymbolicValue {
        var parts: [SymbolicValue] = []
        for piece in Self.subPieces(text) {
            switch piece {
            case .text(let literal):
                parts.append(.string(literal))
            case .placeholder(let name):
                if let variable = variables[name] {
                    parts.append(resolve(variable, depth: depth))
                } else if let dot = name.firstIndex(of: "."), PseudoParameter(rawValue: name) == nil {
                    let resource = String(name[..<dot]), attribute = String(name[name.index(after: dot)...])
                    parts.append(getAtt(resource, attribute, depth: depth))
                } else {
                    parts.append(ref(name, depth: depth))
                }
            }
        }
        return SymbolicValue.concatenating(parts)
    }

    enum SubPiece: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// The text of an `Fn::Sub` string cut into literal text and `${…}`
    /// placeholders; `${!Literal}` is the text `${Literal}`. An unclosed `${`
    /// is kept as text: synthesis rejects it before it gets here.
    static func subPieces(_ text: String) -> [SubPiece] {
        var pieces: [SubPiece] = []
        var literal = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            literal += rest[..<start.lowerBound]
            let afterOpening = rest[start.upperBound...]
            guard let end = afterOpening.firstIndex(of: "}") else {
                literal += rest[start.lowerBound...]
                rest = ""
                break
            }
            let content = afterOpening[..<end]
            if content.hasPrefix("!") {
                literal += "${" + content.dropFirst() + "}"
            } else {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.placeholder(String(content)))
            }
            rest = afterOpening[afterOpening.index(after: end)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    // MARK: Fn::Select, Fn::FindInMap

    private func select(_ index: SymbolicValue, from list: SymbolicValue) -> SymbolicValue {
        guard let indices = index.alternatives(), let lists = list.alternatives() else {
            return .unresolved("Fn::Select: too many alternatives")
        }
        var results: [SymbolicValue] = []
        for index in indices {
            for list in lists {
                guard let text = index.scalarText, let position = Int(text) else {
                    results.append(.unresolved("Fn::Select with an index that is not a number"))
                    continue
                }
                guard case .list(let items) = list else {
                    results.append(list.isUnresolved ? list : .unresolved("Fn::Select from something that is not a list"))
                    continue
                }
                results.append(items.indices.contains(position)
                    ? items[position] : .unresolved("Fn::Select index \(position) is out of range"))
            }
        }
        return Self.either(results)
    }

    private func findInMap(_ map: Value, _ top: Value, _ second: Value, depth: Int) -> SymbolicValue {
        let names = resolve(map, depth: depth), tops = resolve(top, depth: depth), seconds = resolve(second, depth: depth)
        guard let names = names.alternatives(), let tops = tops.alternatives(), let seconds = seconds.alternatives() else {
            return .unresolved("Fn::FindInMap: too many alternatives")
        }
        var results: [SymbolicValue] = []
        for name in names {
            for top in tops {
                for second in seconds {
                    guard let name = name.scalarText, let top = top.scalarText, let second = second.scalarText else {
                        results.append(.unresolved("Fn::FindInMap with keys that cannot be resolved"))
                        continue
                    }
                    guard let mapping = template.mappings.first(where: { $0.name == name }),
                        let level = mapping.entries.first(where: { $0.key == top }),
                        let value = level.values[second]
                    else {
                        results.append(.unresolved("Fn::FindInMap \(name).\(top).\(second) is not in the template"))
                        continue
                    }
                    results.append(resolve(value, depth: depth))
                }
            }
        }
        return Self.either(results)
    }

    /// One value, or `either` of several different ones.
    static func either(_ values: [SymbolicValue]) -> SymbolicValue {
        var unique: [SymbolicValue] = []
        for value in values where !unique.contains(value) { unique.append(value) }
        return unique.count == 1 ? unique[0] : .either(unique)
    }
}

extension SymbolicValue {
    var isUnresolved: Bool {
        if case .unresolved = self { return true }
        return false
    }
}
