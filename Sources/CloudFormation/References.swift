/// One use of a name inside a template value: the edges of the resource graph.
public struct TemplateReference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `Ref`.
        case ref
        /// `Fn::GetAtt` of the attribute.
        case getAtt(attribute: String)
        /// A `${Name}` or `${Name.Attribute}` placeholder of `Fn::Sub`.
        case sub(attribute: String?)
        /// A condition named by `Fn::If` or `Condition`.
        case condition
        /// A mapping named by `Fn::FindInMap`, with its literal keys.
        case mapping(topLevelKey: String?, secondLevelKey: String?)
    }

    public var target: String
    public var kind: Kind
    /// Where the reference is written.
    public var path: TemplatePath

    /// Whether the reference names a resource, parameter or pseudo parameter
    /// (as opposed to a condition or a mapping).
    public var isValueReference: Bool { Self.isValueReference(kind) }

    /// Whether a reference of this kind names a resource, parameter or pseudo parameter.
    public static func isValueReference(_ kind: Kind) -> Bool {
        switch kind {
        case .ref, .getAtt, .sub: true
        case .condition, .mapping: false
        }
    }
}

/// A problem with how a value is written, found while collecting references.
public struct MalformedValue: Hashable, Sendable {
    public var path: TemplatePath
    public var message: String
}

/// Walks a value and lists every name it uses, with its path.
public struct ReferenceCollector {
    public private(set) var references: [TemplateReference] = []
    public private(set) var problems: [MalformedValue] = []
    /// Where `Fn::Length` or `Fn::ToJsonString` is used.
    public private(set) var languageExtensionUses: [TemplatePath] = []

    public init() {}

    public static func references(in value: Value, at path: TemplatePath) -> [TemplateReference] {
        var collector = ReferenceCollector()
        collector.collect(value, at: path)
        return collector.references
    }

    /// The names `value` uses and how, without where: for callers that need
    /// only targets (a resource's dependencies) or look for paths only once
    /// they have found a problem. Tracking paths is most of a walk's cost.
    public static func uses(in value: Value) -> [(target: String, kind: TemplateReference.Kind)] {
        references(in: value, at: .untracked).map { ($0.target, $0.kind) }
    }

    public mutating func collect(_ value: Value, at path: TemplatePath) {
        self.path = path
        walk(value)
    }

    /// Where the walk is.
    private var path = TemplatePath()

    private mutating func inside(_ component: TemplatePath.Component, _ body: (inout ReferenceCollector) -> Void) {
        let outer = path
        path = outer.appending(component)
        body(&self)
        path = outer
    }

    private mutating func walk(_ value: Value) {
        switch value {
        case .string, .integer, .bool, .null:
            break
        case .double(let number):
            if !number.isFinite {
                problems.append(MalformedValue(path: path, message: "\(number) is not a number CloudFormation or JSON can hold"))
            }
        case .list(let items):
            for (index, item) in items.enumerated() where item.mayHoldReferences {
                inside(.index(index)) { $0.walk(item) }
            }
        case .object(let object):
            for entry in object.entries where ForEachLoop.isLoop(entry.key) {
                languageExtensionUses.append(path.appending(.key(entry.key)))
            }
            // A loop's fragment names its identifier, which only its expansion declares.
            for entry in object.entries where entry.value.mayHoldReferences && !ForEachLoop.isLoop(entry.key) {
                inside(.key(entry.key)) { $0.walk(entry.value) }
            }
        case .intrinsic(let function):
            inside(.key(function.longName)) { collector in
                if function.needsLanguageExtensions { collector.languageExtensionUses.append(collector.path) }
                collector.walk(function)
            }
        }
    }

    /// The names a function uses itself; what its arguments use is found
    /// walking them as `Intrinsic.longFormArgument` lays them out, at the
    /// paths a JSON template shows.
    private mutating func walk(_ function: Intrinsic) {
        switch function {
        case .ref(let name):
            references.append(TemplateReference(target: name, kind: .ref, path: path))
        case .getAtt(let resource, let attribute):
            references.append(TemplateReference(target: resource, kind: .getAtt(attribute: attribute), path: path))
        case .sub(let text, let variables):
            walkSub(text, variables: variables)
        case .condition(let name):
            references.append(TemplateReference(target: name, kind: .condition, path: path))
        case .forEach(_, _, let collection, _):
            // The fragment names the loop's identifier, which only its expansion declares.
            inside(.index(1)) { $0.walk(collection) }
        case .if(let condition, _, _):
            inside(.index(0)) { $0.references.append(TemplateReference(target: condition, kind: .condition, path: $0.path)) }
            walk(function.longFormArgument)
        case .findInMap(.string(let name), let top, let second):
            references.append(TemplateReference(
                target: name, kind: .mapping(topLevelKey: top.literalString, secondLevelKey: second.literalString), path: path))
            walk(function.longFormArgument)
        default:
            walk(function.longFormArgument)
        }
    }

    private mutating func walkSub(_ text: String, variables: Object) {
        let textPath = variables.isEmpty ? path : path.appending(index: 0)
        switch SubPlaceholders.parse(text) {
        case .failure(let problem):
            problems.append(MalformedValue(path: textPath, message: problem.message))
        case .success(let placeholders):
            let declared = Set(variables.keys)
            for placeholder in placeholders where !declared.contains(placeholder.name) {
                references.append(TemplateReference(
                    target: placeholder.name, kind: .sub(attribute: placeholder.attribute), path: textPath))
            }
        }
        for entry in variables.entries {
            inside(.index(1)) { collector in collector.inside(.key(entry.key)) { $0.walk(entry.value) } }
        }
    }
}

extension Value {
    /// Whether walking into the value can find anything: strings, numbers,
    /// booleans and null are leaves with nothing to report (but a non-finite
    /// double is a problem to report).
    fileprivate var mayHoldReferences: Bool {
        switch self {
        case .string, .integer, .bool, .null: false
        case .double(let number): !number.isFinite
        case .list, .object, .intrinsic: true
        }
    }
}

extension Value {
    /// The object, or `nil` for anything else.
    public var objectValue: Object? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The text of a string literal, or `nil` for anything else.
    public var literalString: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
