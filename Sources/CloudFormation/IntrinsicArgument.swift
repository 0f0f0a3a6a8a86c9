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
    /// The argument a YAML short form tags: the long form's, except
    /// `!GetAtt Resource.Attribute`, which is one scalar.
    public var shortFormArgument: Value {
        if case .getAtt(let resource, let attribute) = self { return .string("\(resource).\(attribute)") }
        return longFormArgument
    }
}

extension Intrinsic {
    /// The values `Fn::If` chooses between, each with its index in the long
    /// form's argument list (a path runs `Fn::If[1]`); empty for every other function.
    public var branches: [(value: Value, index: Int)] {
        guard case .if = self, let items = longFormArgument.listItems else { return [] }
        return items.indices.dropFirst().map { (items[$0], $0) }
    }
}

extension Intrinsic {
    /// Why a long name and argument are not a typed function.
    public enum Refusal: Error, Equatable {
        /// The name is no function CloudFormation documents.
        case unknownName
        /// A function the model does not type (the rule functions of the
        /// `Rules` section), or an argument with no typed place: a layout
        /// the model has no case for, or text or a list that a function
        /// gives when CloudFormation processes the template. It is kept as
        /// the one-entry mapping it is written as.
        case untyped
        /// The argument does not fit the function: `message` says how, of the
        /// argument's list item `item` or, when `nil`, of the whole argument.
        case malformed(_ message: String, item: Int?)
    }

    /// The function named `longName` (`Ref`, `Fn::GetAtt`, `Condition`,
    /// `Fn::ForEach::Name`) with `argument` laid out as `longFormArgument`
    /// or `shortFormArgument` lays it out: the one description, with
    /// `longFormArgument`, of every function's arguments.
    public init(reading longName: String, argument: Value) throws(Refusal) {
        let layout = ArgumentLayout(function: longName, argument: argument)
        if ForEachLoop.isLoop(longName) {
            self = try layout.loop()
            return
        }
        switch longName {
        case "Ref":
            self = .ref(try layout.text())
        case "Condition":
            self = .condition(try layout.text())
        case "Fn::GetAtt":
            if case .string(let dotted) = argument {
                // The short form's `Resource.Attribute`; the attribute keeps any further dots.
                guard let dot = dotted.firstIndex(of: ".") else { throw layout.malformed("takes 'Resource.Attribute'") }
                self = .getAtt(resource: String(dotted[..<dot]), attribute: String(dotted[dotted.index(after: dot)...]))
                return
            }
            let items = try layout.list(2...2)
            self = .getAtt(
                resource: try layout.text(items, 0, "resource", orFunction: true),
                attribute: try layout.text(items, 1, "attribute", orFunction: true))
        case "Fn::Sub":
            if case .string(let text) = argument {
                self = .sub(text)
                return
            }
            let shape = "takes a string, or a string and a map of variables"
            guard !argument.isFunctionCall else { throw .untyped }
            guard let items = argument.listItems, items.count == 2 else { throw layout.malformed(shape) }
            guard !items[0].isFunctionCall else { throw .untyped }
            guard let text = items[0].literalString, let variables = items[1].objectValue else { throw layout.malformed(shape) }
            self = .sub(text, variables: variables)
        case "Fn::Join":
            let items = try layout.list(2...2)
            self = .join(delimiter: try layout.text(items, 0, "delimiter", orFunction: true), values: items[1])
        case "Fn::Select":
            let items = try layout.list(2...2)
            self = .select(index: items[0], list: items[1])
        case "Fn::Split":
            let items = try layout.list(2...2)
            self = .split(delimiter: try layout.text(items, 0, "delimiter", orFunction: true), source: items[1])
        case "Fn::If":
            let items = try layout.list(3...3)
            self = .if(condition: try layout.text(items, 0, "condition name", orFunction: false), then: items[1], else: items[2])
        case "Fn::FindInMap":
            // A fourth item (`DefaultValue`, with the language extensions) has no typed place.
            if argument.listItems?.count == 4 { throw .untyped }
            let items = try layout.list(3...3)
            self = .findInMap(map: items[0], topLevelKey: items[1], secondLevelKey: items[2])
        case "Fn::GetAZs":
            // No argument means the stack's Region, as "" does.
            self = .getAZs(region: argument == .null ? "" : argument)
        case "Fn::ImportValue": self = .importValue(argument)
        case "Fn::Base64": self = .base64(argument)
        case "Fn::Length": self = .length(argument)
        case "Fn::ToJsonString": self = .toJsonString(argument)
        case "Fn::Cidr":
            let items = try layout.list(3...3)
            self = .cidr(ipBlock: items[0], count: items[1], cidrBits: items[2])
        case "Fn::Transform":
            // A list of transforms has no typed place.
            guard !argument.isFunctionCall, argument.listItems == nil else { throw .untyped }
            guard let fields = argument.objectValue else { throw layout.malformed("takes a map with Name and Parameters") }
            guard let name = fields["Name"]?.literalString else { throw layout.malformed("needs a Name") }
            // Without Parameters, or with other keys, it is kept as written.
            guard fields.keys.sorted() == ["Name", "Parameters"], let parameters = fields["Parameters"]?.objectValue else { throw .untyped }
            self = .transform(name: name, parameters: parameters)
        case "Fn::Equals":
            let items = try layout.list(2...2)
            self = .equals(items[0], items[1])
        case "Fn::Not":
            let items = try layout.list(1...1)
            self = .not(items[0])
        case "Fn::And":
            self = .and(try layout.list(2...10))
        case "Fn::Or":
            self = .or(try layout.list(2...10))
        case "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll":
            throw .untyped
        default:
            throw .unknownName
        }
    }

    /// The function named `longName` with `argument` laid out as
    /// `longFormArgument` lays it out; `nil` when `init(reading:argument:)` refuses it.
    public init?(longName: String, argument: Value) {
        guard let function = try? Intrinsic(reading: longName, argument: argument) else { return nil }
        self = function
    }
}

/// The shapes a function's argument takes, each refusing what does not fit
/// with the function's name in its message.
private struct ArgumentLayout {
    let function: String
    let argument: Value

    func malformed(_ problem: String, item: Int? = nil) -> Intrinsic.Refusal {
        .malformed("\(Intrinsic.shortName(ofLongName: function)) \(problem)", item: item)
    }

    /// The argument as text.
    func text() throws(Intrinsic.Refusal) -> String {
        guard !argument.isFunctionCall else { throw .untyped }
        guard let text = argument.literalString else { throw malformed("takes a string") }
        return text
    }

    /// The argument as a list of `count` items.
    func list(_ count: ClosedRange<Int>) throws(Intrinsic.Refusal) -> [Value] {
        guard !argument.isFunctionCall else { throw .untyped }
        guard let items = argument.listItems, count.contains(items.count) else {
            let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw malformed("takes a list of \(expected) items")
        }
        return items
    }

    /// The list item at `index` as text; `orFunction` when CloudFormation
    /// accepts a function there, which has no typed place.
    func text(_ items: [Value], _ index: Int, _ what: String, orFunction: Bool) throws(Intrinsic.Refusal) -> String {
        if orFunction, items[index].isFunctionCall { throw .untyped }
        guard let text = items[index].literalString else {
            throw .malformed("\(Intrinsic.shortName(ofLongName: function))'s \(what) must be a string", item: index)
        }
        return text
    }

    /// `Fn::ForEach::Name: [identifier, collection, fragment]`.
    func loop() throws(Intrinsic.Refusal) -> Intrinsic {
        let loop = String(function.dropFirst(ForEachLoop.keyPrefix.count))
        guard !loop.isEmpty else { throw .malformed("\(function) needs a loop name after '\(ForEachLoop.keyPrefix)'", item: nil) }
        guard let items = argument.listItems, items.count == 3, let identifier = items[0].literalString, items[2].isLoopFragment else {
            throw .malformed("\(function) takes a list of the identifier, the collection and the fragment (a mapping)", item: nil)
        }
        return .forEach(loop: loop, identifier: identifier, collection: items[1], fragment: items[2])
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

    /// Whether the value is a function: a typed one, or the one-entry
    /// mapping of one the model keeps as written (`{"Fn::Contains": …}`).
    var isFunctionCall: Bool {
        switch self {
        case .intrinsic: true
        case .object(let object): object.isUntypedFunction
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
            // The rewritten argument has the layout it came in; a function built
            // outside that layout (`.and` of one condition) stays as written.
            guard let rewritten = Intrinsic(longName: function.longName, argument: argument) else {
                return .object(Object([Object.Entry(function.longName, argument)]))
            }
            return .intrinsic(rewritten)
        }
    }
}
