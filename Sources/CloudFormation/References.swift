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
    public var isValueReference: Bool {
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

    public mutating func collect(_ value: Value, at path: TemplatePath) {
        switch value {
        case .string, .integer, .bool, .null:
            break
        case .double(let number):
            if !number.isFinite {
                problems.append(MalformedValue(path: path, message: "\(number) is not a number CloudFormation or JSON can hold"))
            }
        case .list(let items):
            for (index, item) in items.enumerated() { collect(item, at: path.appending(index: index)) }
        case .object(let object):
            for entry in object.entries { collect(entry.value, at: path.appending(entry.key)) }
        case .intrinsic(let function):
            if function.needsLanguageExtensions { languageExtensionUses.append(path.appending(function.longName)) }
            collect(function, at: path.appending(function.longName))
        }
    }

    private mutating func collect(_ function: Intrinsic, at path: TemplatePath) {
        switch function {
        case .ref(let name):
            references.append(TemplateReference(target: name, kind: .ref, path: path))
        case .getAtt(let resource, let attribute):
            references.append(TemplateReference(target: resource, kind: .getAtt(attribute: attribute), path: path))
        case .sub(let text, let variables):
            collectSub(text, variables: variables, at: path)
        case .join(_, let values):
            collect(values, at: path.appending(index: 1))
        case .select(let index, let list):
            collect(index, at: path.appending(index: 0))
            collect(list, at: path.appending(index: 1))
        case .split(_, let source):
            collect(source, at: path.appending(index: 1))
        case .if(let condition, let then, let otherwise):
            references.append(TemplateReference(target: condition, kind: .condition, path: path.appending(index: 0)))
            collect(then, at: path.appending(index: 1))
            collect(otherwise, at: path.appending(index: 2))
        case .findInMap(let map, let top, let second):
            if case .string(let name) = map {
                references.append(TemplateReference(
                    target: name, kind: .mapping(topLevelKey: top.literalString, secondLevelKey: second.literalString),
                    path: path))
            } else {
                collect(map, at: path.appending(index: 0))
            }
            collect(top, at: path.appending(index: 1))
            collect(second, at: path.appending(index: 2))
        case .getAZs(let argument), .importValue(let argument), .base64(let argument), .not(let argument),
            .length(let argument), .toJsonString(let argument):
            collect(argument, at: path)
        case .transform(_, let parameters):
            collect(.object(parameters), at: path.appending("Parameters"))
        case .cidr(let block, let count, let bits):
            collect(block, at: path.appending(index: 0))
            collect(count, at: path.appending(index: 1))
            collect(bits, at: path.appending(index: 2))
        case .equals(let lhs, let rhs):
            collect(lhs, at: path.appending(index: 0))
            collect(rhs, at: path.appending(index: 1))
        case .and(let items), .or(let items):
            for (index, item) in items.enumerated() { collect(item, at: path.appending(index: index)) }
        case .condition(let name):
            references.append(TemplateReference(target: name, kind: .condition, path: path))
        }
    }

    private mutating func collectSub(_ text: String, variables: Object, at path: TemplatePath) {
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
            collect(entry.value, at: path.appending(index: 1).appending(entry.key))
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
