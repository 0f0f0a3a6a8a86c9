extension Intrinsic {
    /// The function's argument as a template's long form writes it
    /// (`Fn::GetAtt: [Bucket, Arn]`): the one layout of every function's
    /// arguments, for everything that shows, matches or walks intrinsics
    /// without a rule of its own for each function.
    public var longFormArgument: Value {
        switch self {
        case .ref(let name): .string(name)
        case .getAtt(let resource, let attribute): [.string(resource), .string(attribute)]
        case .sub(let text, let variables): variables.isEmpty ? .string(text) : [.string(text), .object(variables)]
        case .join(let delimiter, let values): [.string(delimiter), values]
        case .select(let index, let list): [index, list]
        case .split(let delimiter, let source): [.string(delimiter), source]
        case .if(let condition, let then, let otherwise): [.string(condition), then, otherwise]
        case .findInMap(let map, let top, let second): [map, top, second]
        case .getAZs(let region): region
        case .importValue(let name): name
        case .base64(let value): value
        case .cidr(let block, let count, let bits): [block, count, bits]
        case .transform(let name, let parameters): ["Name": .string(name), "Parameters": .object(parameters)]
        case .length(let value): value
        case .toJsonString(let value): value
        case .forEach(_, let identifier, let collection, let fragment): [.string(identifier), collection, fragment]
        case .equals(let lhs, let rhs): [lhs, rhs]
        case .not(let condition): [condition]
        case .and(let conditions): .list(conditions)
        case .or(let conditions): .list(conditions)
        case .condition(let name): .string(name)
        }
    }
}

extension Intrinsic {
    /// The function named `longName` (`Ref`, `Fn::GetAtt`, `Condition`) with
    /// `argument` laid out as `longFormArgument` lays it out; `nil` when the
    /// name is not an intrinsic function or the argument does not fit it.
    public init?(longName: String, argument: Value) {
        let items = argument.listItems
        func string(_ index: Int) -> String? { items.flatMap { index < $0.count ? $0[index].literalString : nil } }
        func count(_ expected: Int) -> Bool { items?.count == expected }
        if longName.hasPrefix(ForEachLoop.keyPrefix) {
            let loop = String(longName.dropFirst(ForEachLoop.keyPrefix.count))
            guard !loop.isEmpty, count(3), let identifier = string(0), items![2].isLoopFragment else { return nil }
            self = .forEach(loop: loop, identifier: identifier, collection: items![1], fragment: items![2])
            return
        }
        switch longName {
        case "Ref":
            guard let name = argument.literalString else { return nil }
            self = .ref(name)
        case "Condition":
            guard let name = argument.literalString else { return nil }
            self = .condition(name)
        case "Fn::GetAtt":
            guard count(2), let resource = string(0), let attribute = string(1) else { return nil }
            self = .getAtt(resource: resource, attribute: attribute)
        case "Fn::Sub":
            if let text = argument.literalString {
                self = .sub(text)
            } else {
                guard count(2), let text = string(0), let variables = items?[1].objectValue else { return nil }
                self = .sub(text, variables: variables)
            }
        case "Fn::Join":
            guard count(2), let delimiter = string(0) else { return nil }
            self = .join(delimiter: delimiter, values: items![1])
        case "Fn::Select":
            guard count(2) else { return nil }
            self = .select(index: items![0], list: items![1])
        case "Fn::Split":
            guard count(2), let delimiter = string(0) else { return nil }
            self = .split(delimiter: delimiter, source: items![1])
        case "Fn::If":
            guard count(3), let condition = string(0) else { return nil }
            self = .if(condition: condition, then: items![1], else: items![2])
        case "Fn::FindInMap":
            guard count(3) else { return nil }
            self = .findInMap(map: items![0], topLevelKey: items![1], secondLevelKey: items![2])
        case "Fn::GetAZs": self = .getAZs(region: argument)
        case "Fn::ImportValue": self = .importValue(argument)
        case "Fn::Base64": self = .base64(argument)
        case "Fn::Length": self = .length(argument)
        case "Fn::ToJsonString": self = .toJsonString(argument)
        case "Fn::Cidr":
            guard count(3) else { return nil }
            self = .cidr(ipBlock: items![0], count: items![1], cidrBits: items![2])
        case "Fn::Transform":
            guard let fields = argument.objectValue, let name = fields["Name"]?.literalString else { return nil }
            self = .transform(name: name, parameters: fields["Parameters"]?.objectValue ?? [:])
        case "Fn::Equals":
            guard count(2) else { return nil }
            self = .equals(items![0], items![1])
        case "Fn::Not":
            guard count(1) else { return nil }
            self = .not(items![0])
        case "Fn::And", "Fn::Or":
            guard let items else { return nil }
            self = longName == "Fn::And" ? .and(items) : .or(items)
        default:
            return nil
        }
    }
}

extension Value {
    /// Whether the value can be what a loop repeats: a mapping, or a loop.
    var isLoopFragment: Bool {
        switch self {
        case .object: true
        case .intrinsic(.forEach): true
        default: false
        }
    }

    /// The items of a list, or `nil` for anything else.
    public var listItems: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The value with every intrinsic function that `rewrite` answers for
    /// replaced by its answer; the arguments of the others are rewritten in
    /// turn. Walks each function's arguments through their one layout
    /// (`Intrinsic.longFormArgument`), so it knows no function by name.
    /// What `rewrite` leaves alone is kept as it is, not copied.
    public func rewritingIntrinsics(_ rewrite: (Intrinsic) -> Value?) -> Value {
        rewrittenIntrinsics(rewrite) ?? self
    }

    /// As `rewritingIntrinsics(_:)`, or `nil` when `rewrite` answers for no
    /// function in the value.
    private func rewrittenIntrinsics(_ rewrite: (Intrinsic) -> Value?) -> Value? {
        switch self {
        case .string, .integer, .double, .bool, .null:
            return nil
        case .list(let items):
            var rewritten: [Value]?
            for (index, item) in items.enumerated() {
                guard let changed = item.rewrittenIntrinsics(rewrite) else { continue }
                if rewritten == nil { rewritten = items }
                rewritten![index] = changed
            }
            return rewritten.map(Value.list)
        case .object(let object):
            var rewritten: [Object.Entry]?
            for (index, entry) in object.entries.enumerated() {
                guard let changed = entry.value.rewrittenIntrinsics(rewrite) else { continue }
                if rewritten == nil { rewritten = object.entries }
                rewritten![index].value = changed
            }
            return rewritten.map { .object(Object($0)) }
        case .intrinsic(let function):
            if let replacement = rewrite(function) { return replacement }
            guard let argument = function.longFormArgument.rewrittenIntrinsics(rewrite) else { return nil }
            // The layout of the rewritten argument is the layout it came in.
            return .intrinsic(Intrinsic(longName: function.longName, argument: argument)!)
        }
    }
}
