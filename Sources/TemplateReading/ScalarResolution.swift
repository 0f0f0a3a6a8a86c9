import CloudFormation
import YAML

/// What a plain (unquoted, untagged) scalar means, resolved the way
/// CloudFormation's own tools read templates: the YAML 1.1 rules of PyYAML's
/// safe loader, which the AWS CLI, SAM and cfn-lint use.
///
/// | plain scalar                                   | value            |
/// |------------------------------------------------|------------------|
/// | `true` `yes` `on` (`True`, `YES`, …)           | true             |
/// | `false` `no` `off` (`False`, `NO`, …)          | false            |
/// | `y` `Y` `n` `N`                                | the string       |
/// | empty, `~`, `null`, `Null`, `NULL`             | null             |
/// | `12`, `+1_000`, `0b101`, `0x1F`, `017` (octal), `1:30` (base 60) | an integer |
/// | `1.5`, `1.`, `.5`, `1.0e+3`, `1:30.5`          | a number         |
/// | `1e3`, `1.0e3` (no sign), `0o17`, `08`         | the string       |
/// | `2010-09-09`, `2001-12-14T21:59:43Z`           | the string (CloudFormation has no timestamp type) |
///
/// Quoted scalars are always strings. A number that no template value can
/// hold (`.inf`, `.nan`, an integer beyond 64 bits) is a problem, not a guess.
enum ScalarResolution {
    enum Resolved: Equatable {
        case value(Value)
        case unrepresentable(String)
    }

    static func resolve(_ scalar: Scalar) -> Resolved {
        guard scalar.style == .plain else { return .value(.string(scalar.text)) }
        let text = scalar.text
        // Most scalars are names and text: what cannot start a keyword or a number is a string.
        guard let first = text.utf8.first else { return .value(.null) }
        guard Self.startsKeywordOrNumber[Int(first)] else { return .value(.string(text)) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .value(.bool(true))
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .value(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .unrepresentable("\(text) is an infinite or undefined number to a YAML 1.1 reader, which no template can hold; quote it for the text")
        default: break
        }
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return .value(.string(text)) }
        let bytes = Array(text.utf8)
        if YAML11Number.isFloat(bytes) {
            guard let number = YAML11Number.float(bytes), number.isFinite else {
                return .unrepresentable("\(text) is a number too large for a template to hold; quote it for the text")
            }
            return .value(.double(number))
        }
        if YAML11Number.isInteger(bytes) {
            guard let number = YAML11Number.integer(bytes) else {
                return .unrepresentable("\(text) is an integer beyond 64 bits, which no template value holds; quote it for the text")
            }
            return .value(.integer(number))
        }
        return .value(.string(text))
    }

    /// The first bytes of `true`, `yes`, `on`, `false`, `no`, `off`, `null`,
    /// `~`, `.inf`, `.nan` (any case) and of numbers.
    private static let startsKeywordOrNumber: [Bool] = (0..<256).map { byte in
        byte < 128 && "tTyYoOfFnN~.+-0123456789".utf8.contains(UInt8(byte))
    }
}
