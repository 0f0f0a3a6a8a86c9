/// How CloudFormation reads a literal where a schema expects a type.
///
/// CloudFormation passes every scalar to a resource provider as text and
/// converts it back, so `"5"` is a fine integer, `5` is a fine string and
/// `"true"` is a fine boolean. cfn-lint follows the same rules when it is not
/// in strict mode; a synthesis-time check that was stricter would reject
/// templates both of them accept.
extension Value {
    /// Whether the value passes `"type": type`, leniently:
    /// - string: a string, or a number or boolean (CloudFormation turns them into text);
    /// - integer: an integer, a double with no fractional part, or a string such as `"-5"`;
    /// - number: an integer, a double, or a string such as `"2.5"` or `"1e3"`;
    /// - boolean: a boolean, or one of `true`, `false`, `True`, `False`, `TRUE`, `FALSE`;
    /// - object, array, null: only that.
    func schemaAccepts(_ type: JSONSchema.ValueType) -> Bool {
        switch (type, self) {
        case (.string, .string), (.string, .integer), (.string, .double), (.string, .bool): true
        case (.integer, .integer): true
        case (.integer, .double(let number)): number.isFinite && number.rounded(.towardZero) == number
        case (.integer, .string(let text)): LenientScalars.isIntegerText(text)
        case (.number, .integer), (.number, .double): true
        case (.number, .string(let text)): LenientScalars.number(fromText: text) != nil
        case (.boolean, .bool): true
        case (.boolean, .string(let text)): LenientScalars.booleanTexts.contains(text)
        case (.object, .object), (.array, .list), (.null, .null): true
        default: false
        }
    }

    /// The value as a number, for `minimum` and `maximum`: integers, doubles,
    /// and strings that read as numbers. Anything else is not compared.
    var schemaNumber: Double? {
        switch self {
        case .integer(let integer): Double(integer)
        case .double(let number): number
        case .string(let text): LenientScalars.number(fromText: text)
        default: nil
        }
    }

    /// The text CloudFormation would pass for a scalar, which is what
    /// `pattern` is matched against (as cfn-lint does: `5` must match a
    /// pattern for digits). `nil` for null, lists, objects and intrinsics.
    var schemaText: String? {
        switch self {
        case .string(let text): text
        case .integer(let integer): String(integer)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A key that is equal for two values exactly when `enum`, `const` and
    /// `uniqueItems` should treat them as the same value:
    /// - numbers and strings compare by text, so `5`, `5.0` and `"5"` are one
    ///   value, but `"5.0"` and `5` are not (cfn-lint compares `str()` forms);
    /// - booleans equal the strings `true`/`false` in any case;
    /// - objects compare regardless of key order;
    /// - an intrinsic equals only the same intrinsic (both evaluate alike).
    /// Strings are length-prefixed so no two different values share a key.
    var schemaComparisonKey: String {
        switch self {
        case .string(let text):
            let lowered = text.lowercased()
            if lowered == "true" || lowered == "false" { return "b" + lowered }
            return LenientScalars.lengthPrefixed(text)
        case .integer(let integer): return LenientScalars.lengthPrefixed(String(integer))
        case .double(let number): return LenientScalars.lengthPrefixed(LenientScalars.canonicalText(of: number))
        case .bool(let flag): return flag ? "btrue" : "bfalse"
        case .null: return "n"
        case .list(let items): return "[" + items.map(\.schemaComparisonKey).joined() + "]"
        case .object(let object):
            let entries = object.entries.sorted { $0.key < $1.key }
            return "{" + entries.map { LenientScalars.lengthPrefixed($0.key) + $0.value.schemaComparisonKey }.joined() + "}"
        case .intrinsic(let intrinsic): return intrinsic.schemaComparisonKey
        }
    }

    /// Whether this is `Ref AWS::NoValue`, which removes the property (or
    /// list item) it is the value of.
    var refersToNoValue: Bool {
        if case .intrinsic(.ref(let name)) = self { return name == PseudoParameter.noValue.rawValue }
        return false
    }
}

extension Intrinsic {
    /// `Value.schemaComparisonKey` for an intrinsic: its function and the key
    /// of its argument as the long form lays it out, so only the same function
    /// of the same arguments is the same value.
    var schemaComparisonKey: String {
        "f" + LenientScalars.lengthPrefixed(longName) + "(" + longFormArgument.schemaComparisonKey + ")"
    }
}

/// Reading scalars' text the way CloudFormation does.
enum LenientScalars {
    /// The strings cfn-lint (and CloudFormation) read as booleans.
    static let booleanTexts: Set<String> = ["true", "false", "True", "False", "TRUE", "FALSE"]

    /// An optional sign and one or more ASCII digits, of any size (a 20-digit
    /// account number is still an integer).
    static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(text)
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A finite decimal number written with digits, a point, a sign and an
    /// exponent only: Swift's parser would also take `nan`, `inf` and hex.
    static func number(fromText text: String) -> Double? {
        guard !text.isEmpty,
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 }),
              let number = Double(text), number.isFinite
        else { return nil }
        return number
    }

    /// `5` for 5.0 (so it compares equal to the integer 5), `5.5` otherwise.
    static func canonicalText(of number: Double) -> String {
        if number.rounded(.towardZero) == number, abs(number) < 9.0e18 { return String(Int(number)) }
        return String(number)
    }

    /// Text that cannot run into the text after it in a comparison key.
    static func lengthPrefixed(_ text: String) -> String {
        "s\(text.utf8.count):\(text)"
    }
}
