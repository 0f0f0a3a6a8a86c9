import CloudFormation
import YAML

/// What a plain (unquoted, untagged) scalar means, as CloudFormation's YAML
/// 1.1 reader resolves it: booleans (`true`, `yes`, `on` …), null, integers,
/// floats; anything else, and every quoted scalar, is a string.
enum ScalarResolution {
    static func value(of scalar: Scalar) -> Value {
        guard scalar.style == .plain else { return .string(scalar.text) }
        let text = scalar.text
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return .bool(false)
        default: break
        }
        if let integer = integer(text) { return .integer(integer) }
        if let double = double(text) { return .double(double) }
        return .string(text)
    }

    /// Decimal integers with an optional sign; a leading zero reads as text,
    /// since CloudFormation IDs (`012345678901`) are never meant as octal.
    private static func integer(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits == "0" || !digits.hasPrefix("0") else { return nil }
        return Int(text)
    }

    private static func double(_ text: String) -> Double? {
        guard text.contains("."), text.allSatisfy({ $0.isASCIIDigit || "+-.eE".contains($0) }),
            text.contains(where: \.isASCIIDigit), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
