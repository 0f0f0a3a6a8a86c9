import Foundation

/// Reading the `Any` that JSONSerialization produces.
enum SchemaJSON {
    /// A JSON `true`/`false`. JSONSerialization returns booleans as NSNumber,
    /// and `1 as? Bool` succeeds, so the boxed boolean's class is what tells
    /// `true` from `1`.
    static func bool(_ json: Any) -> Bool? {
        // Native values (NativeJSONReader's) first: no bridging cast needed.
        if let flag = json as? Bool, !(json is Int), !(json is Double) { return flag }
        if json is Int || json is Double || json is String || json is NativeJSONReader.Null { return nil }
        if let number = json as? NSNumber {
            return type(of: number) == booleanClass ? number.boolValue : nil
        }
        return json as? Bool
    }

    private static let booleanClass: AnyClass = type(of: NSNumber(value: true))

    /// A JSON number, as `Value.integer` when it is written without a
    /// fraction and fits, as `Value.double` otherwise.
    static func number(_ json: Any) -> Value? {
        if let integer = json as? Int, !(json is Bool) { return .integer(integer) }
        if let double = json as? Double, !(json is Bool) { return .double(double) }
        guard bool(json) == nil else { return nil }
        if let number = json as? NSNumber {
            let kind = String(cString: number.objCType)
            if kind == "d" || kind == "f" || kind == "Q" && number.uint64Value > UInt64(Int.max) {
                return .double(number.doubleValue)
            }
            return .integer(number.intValue)
        }
        if let integer = json as? Int { return .integer(integer) }
        if let number = json as? Double { return .double(number) }
        return nil
    }

    /// A JSON value as a `Value`, for `enum` and `const`.
    static func value(_ json: Any) -> Value {
        if let flag = bool(json) { return .bool(flag) }
        if let number = number(json) { return number }
        if let text = json as? String { return .string(text) }
        if let list = json as? [Any] { return .list(list.map(value)) }
        if let object = json as? [String: Any] {
            return .object(Object(object.keys.sorted().map { Object.Entry($0, value(object[$0]!)) }))
        }
        return .null
    }

    /// A non-negative integer keyword (`minLength`, `maxItems`).
    static func count(_ json: Any?) -> Int? {
        guard let json, let number = number(json) else { return nil }
        switch number {
        case .integer(let integer) where integer >= 0: return integer
        case .double(let double) where double >= 0 && double < 9.0e18: return Int(double.rounded(.up))
        default: return nil
        }
    }

    static func limit(_ json: Any?) -> JSONSchema.NumericLimit? {
        guard let json, let number = number(json) else { return nil }
        switch number {
        case .integer(let integer): return JSONSchema.NumericLimit(value: Double(integer), text: String(integer))
        case .double(let double): return JSONSchema.NumericLimit(value: double, text: LenientScalars.canonicalText(of: double))
        default: return nil
        }
    }

    static func strings(_ json: Any?) -> [String] {
        (json as? [Any])?.compactMap { $0 as? String } ?? []
    }
}
