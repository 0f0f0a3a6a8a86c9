/// A JSON value as a schema document holds it.
///
/// Typed rather than `Any`: reading a schema asks "is this an object, a list,
/// a boolean?" of every node, and on `Any` each such question is a runtime
/// cast, which on Linux may bridge a whole dictionary through Foundation just
/// to answer no. A `switch` on this enum answers in a few instructions.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let list) = self { return list }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A JSON `true`/`false` (never a number: `1` is not a boolean here).
    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The value as the template model's `Value`, for `enum` and `const`;
    /// object keys sorted, so the result does not depend on hashing.
    var templateValue: Value {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .integer(let integer): .integer(integer)
        case .double(let double): .double(double)
        case .string(let text): .string(text)
        case .array(let list): .list(list.map(\.templateValue))
        case .object(let object): .object(Object(object.keys.sorted().map { Object.Entry($0, object[$0]!.templateValue) }))
        }
    }

    /// A non-negative integer keyword (`minLength`, `maxItems`).
    var count: Int? {
        switch self {
        case .integer(let integer) where integer >= 0: integer
        case .double(let double) where double >= 0 && double < 9.0e18: Int(double.rounded(.up))
        default: nil
        }
    }

    /// A numeric bound (`minimum`, `exclusiveMaximum`), with the text a
    /// message shows for it.
    var limit: JSONSchema.NumericLimit? {
        switch self {
        case .integer(let integer): JSONSchema.NumericLimit(value: Double(integer), text: String(integer))
        case .double(let double): JSONSchema.NumericLimit(value: double, text: LenientScalars.canonicalText(of: double))
        default: nil
        }
    }

    /// The strings of a list of strings (`required`); anything else in it is skipped.
    var strings: [String] {
        arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// A JSON object's members in document order.
///
/// A list rather than a dictionary: schema objects are small, and reading
/// thousands of them without hashing every key is much of what makes a schema
/// cheap to read. A lookup searches from the end, so a repeated key's last
/// value wins, as it would in a dictionary.
struct JSONObject: Sendable {
    var members: [(key: String, value: JSONValue)]

    init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    subscript(key: String) -> JSONValue? {
        get { members.last(where: { $0.key == key })?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append((key, newValue)) }
        }
    }

    /// The keys in document order (a repeated key more than once).
    var keys: [String] { members.map(\.key) }
}
