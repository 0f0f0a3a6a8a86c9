/// A value in a template: a JSON-like literal or an intrinsic function.
///
/// Objects keep the order they were written in (`Object` is an array of
/// entries), so nothing about a `Dictionary`'s order can reach a template.
public indirect enum Value: Hashable, Sendable {
    case string(String)
    case integer(Int)
    /// A finite number; synthesis rejects infinities and NaN, which neither
    /// CloudFormation nor JSON can carry.
    case double(Double)
    case bool(Bool)
    case null
    case list([Value])
    case object(Object)
    case intrinsic(Intrinsic)
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(Object(elements.map { Object.Entry($0.0, $0.1) }))
    }
}

/// An ordered JSON object: entries stay in the order they were added.
public struct Object: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: Value

        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        entries = elements.map { Entry($0.0, $0.1) }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// The value under `key`. Setting replaces it in place, or appends a new
    /// entry at the end; setting `nil` removes it.
    public subscript(key: String) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key, value))
            case (nil, nil): break
            }
        }
    }
}
