/// Decides how a string may be written so that every reader reads it back as
/// that same string.
///
/// libyaml does not decide this: asked for "any" style it writes `2010-09-09`,
/// `yes`, `null`, `012345678901` and the empty string plain, and a YAML 1.1
/// reader then reads a date, a boolean, null, a number without its leading
/// zero, and null. The rule here: a string is plain only if neither a YAML 1.1
/// reader (PyYAML, cfn-lint, CloudFormation's own) nor a YAML 1.2 core-schema
/// reader would resolve it to anything but a string. The checks err on the side
/// of quoting: a quoted string is never misread, a wrongly plain one is.
///
/// | text                                  | written as                         |
/// |---------------------------------------|------------------------------------|
/// | contains a line break, block-safe     | literal block (`|`, `|-`, `|+`)    |
/// | resolvable, indicator, spaces, `: `…  | single-quoted (libyaml may choose double-quoted for control characters) |
/// | anything else                         | plain                              |
public enum ScalarSafety {
    /// Whether `text` may be written as a plain scalar.
    ///
    /// This and `isLiteralSafe` run on every string of every template, so
    /// ASCII text (nearly all of it) is checked byte by byte; the first
    /// non-ASCII byte hands the text to the scalar-by-scalar check.
    public static func isPlainSafe(_ text: String) -> Bool {
        enum Verdict { case plain, quoted, nonASCII }
        var contiguous = text
        let verdict = contiguous.withUTF8 { bytes -> Verdict in
            guard let first = bytes.first, let last = bytes.last else {
                return .quoted  // the empty plain scalar is null
            }
            if first >= 0x80 || last >= 0x80 { return .nonASCII }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ")
                || last == UInt8(ascii: "\t") || last == UInt8(ascii: ":") || isLeadingIndicator(first)
            {
                return .quoted
            }
            var previous = UInt8(ascii: " ")
            for byte in bytes {
                if byte >= 0x80 { return .nonASCII }
                if byte < 0x20 || byte == 0x7F { return .quoted }  // tab, line breaks, control characters
                if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return .quoted }  // a mapping value indicator
                if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return .quoted }  // a comment
                previous = byte
            }
            // `...` and `---` mark documents.
            if bytes.count >= 3, bytes[0] == bytes[1], bytes[1] == bytes[2],
                bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: "-")
            {
                return .quoted
            }
            return .plain
        }
        switch verdict {
        case .plain: return !resolvesToNonString(text)
        case .quoted: return false
        case .nonASCII: return isPlainSafeScalars(text)
        }
    }

    private static func isPlainSafeScalars(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if isWhitespace(first) || isWhitespace(last) { return false }
        if first.isASCII, isLeadingIndicator(UInt8(first.value)) { return false }
        if text.hasPrefix("...") || text.hasPrefix("---") { return false }
        if last == ":" { return false }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if !isPrintable(scalar) || isLineBreak(scalar) || scalar == "\t" { return false }
            if previous == ":" && scalar == " " { return false }
            if previous == " " && scalar == "#" { return false }
            previous = scalar
        }
        return !resolvesToNonString(text)
    }

    /// Whether `text` (containing a line break) may be written as a literal block
    /// and read back unchanged. Tabs, trailing spaces and breaks other than `\n`
    /// would be altered or refused, so such text is double-quoted instead.
    public static func isLiteralSafe(_ text: String) -> Bool {
        var contiguous = text
        let verdict = contiguous.withUTF8 { bytes -> Bool? in
            var hasLineBreak = false
            var previous = UInt8(ascii: "\n")
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "\n") {
                    if previous == UInt8(ascii: " ") { return false }
                    hasLineBreak = true
                } else if byte < 0x20 || byte == 0x7F {
                    return false  // tab, carriage return, control characters
                }
                previous = byte
            }
            return hasLineBreak && previous != UInt8(ascii: " ")
        }
        return verdict ?? isLiteralSafeScalars(text)
    }

    private static func isLiteralSafeScalars(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return false }
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous == " " { return false }
            } else if !isPrintable(scalar) || isLineBreak(scalar) || scalar == "\t" {
                return false
            }
            previous = scalar
        }
        return previous != " "
    }

    /// Whether a YAML 1.1 or YAML 1.2 (core schema) reader could resolve the
    /// plain scalar `text` to a null, boolean, number, timestamp, merge key or
    /// value key. Checked without regular expressions: this runs on every string
    /// of every template.
    static func resolvesToNonString(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        // Only scalars starting with one of these can resolve to a non-string.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return looksNumeric(Array(text.utf8))
        case UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return text == "~" || text == "<<" || text == "="
        default:
            return isReservedWord(text)
        }
    }

    /// Null and boolean words of YAML 1.1 and 1.2, compared case-insensitively
    /// (both specs list only some casings; quoting the others costs nothing).
    private static let reservedWords: [[UInt8]] = [
        "null", "true", "false", "y", "n", "yes", "no", "on", "off",
    ].map { Array($0.utf8) }

    /// Compared byte by byte, without lowercasing a copy: most keys of a
    /// template (`Type`, `Ref`, `Key`) are as short as these words.
    private static func isReservedWord(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 5 else { return false }
        return reservedWords.contains { word in
            word.count == utf8.count && zip(word, utf8).allSatisfy { expected, byte in
                // ASCII letters only: `| 0x20` lowercases them.
                byte < 0x80 && (byte | 0x20) == expected
            }
        }
    }

    /// Integers (decimal, octal `017` and `0o17`, hex, binary, `1_000`,
    /// sexagesimal `1:20`), floats (`1e3`, `.5`, `+.inf`, `.NaN`, `1:20.5`) and
    /// timestamps (`2010-09-09`, `2001-12-14t21:59:43.10-05:00`) of either spec.
    private static func looksNumeric(_ bytes: [UInt8]) -> Bool {
        if looksLikeTimestamp(bytes) { return true }
        var body = bytes[...]
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return false }
        let lowered = String(decoding: body, as: UTF8.self).lowercased()
        if lowered == ".inf" || lowered == ".nan" { return true }
        if lowered.hasPrefix("0x") || lowered.hasPrefix("0b") || lowered.hasPrefix("0o") {
            return lowered.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        // Mantissa of digits, `_`, `.` and `:` (sexagesimal), then an optional exponent.
        var index = body.startIndex
        var digits = 0
        while index < body.endIndex, isMantissaByte(body[index]) {
            if isDigit(body[index]) { digits += 1 }
            index += 1
        }
        // YAML 1.1's float pattern also matches a lone `.` and runs of dots.
        guard digits > 0 else { return index == body.endIndex }
        if index == body.endIndex { return true }
        guard body[index] == UInt8(ascii: "e") || body[index] == UInt8(ascii: "E") else { return false }
        index += 1
        if index < body.endIndex, body[index] == UInt8(ascii: "+") || body[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < body.endIndex else { return false }
        return body[index...].allSatisfy(isDigit)
    }

    /// YAML 1.1 timestamps begin `YYYY-M-D`; anything that starts so is quoted.
    private static func looksLikeTimestamp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else {
            return false
        }
        return isDigit(bytes[5])
    }

    private static func isMantissaByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The characters that cannot begin a plain scalar: `-`, `?`, `:`, `,`,
    /// `[`, `]`, `{`, `}`, `#`, `&`, `*`, `!`, `|`, `>`, `'`, `"`, `%`, `@`, `` ` ``.
    private static func isLeadingIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// libyaml's printable set: what it writes without escaping. libyaml 0.2.5
    /// leaves out NEL and everything beyond the Basic Multilingual Plane
    /// (emoji): such text is double-quoted with `\U` escapes, and still reads
    /// back unchanged.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: return true
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }
}
