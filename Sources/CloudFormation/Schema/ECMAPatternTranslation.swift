/// Rewrites an ECMA-262 regular expression (the dialect JSON Schema patterns
/// are written in) into the ICU dialect NSRegularExpression compiles, where
/// the two disagree in ways AWS schemas actually use:
///
/// - A `{` that does not start a `{n}`, `{n,}` or `{n,m}` quantifier, and any
///   `}` outside one, are literal braces in ECMA (`\{config\-name}`); ICU
///   rejects them, so they are escaped.
/// - `[` inside a character class is a literal in ECMA (`[@[\]+]`); ICU reads
///   it as a nested set, so it is escaped; so is `&`, which ICU reads as the
///   start of a `&&` intersection.
/// - `[]` matches nothing and `[^]` matches any character in ECMA; ICU has
///   no empty class.
/// - `$` outside a class means the end of the input in ECMA; in ICU it also
///   matches before a final line break, so it becomes `\z`.
/// - Braces that belong to an escape (`\p{L}`, `\u{41}`) are copied as they are.
/// - `\d` and `\w` outside a class are ASCII-only in ECMA but Unicode-aware in
///   ICU, so they become explicit ASCII classes. Inside a class they are left
///   alone: expanding them there could turn `[\w-.]` into an invalid range.
///
/// Everything else (groups, lookarounds, escapes, `\p{…}`) is passed through;
/// what ICU still refuses is left to `SchemaPattern`, which then ignores it.
enum ECMAPatternTranslation {
    static func icuPattern(for source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var inClass = false

        func emit(_ text: String) { output.append(contentsOf: text.unicodeScalars) }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else {
                    emit("\\\\")  // a trailing backslash: keep it literal
                    index += 1
                    continue
                }
                let escaped = scalars[index + 1]
                // `\p{L}`, `\P{C}`, `\x{41}`: the braces belong to the escape. ECMA's
                // `\u{41}` is ICU's `\x{41}`.
                if "pPux".unicodeScalars.contains(escaped), index + 2 < scalars.count, scalars[index + 2] == "{",
                   let close = scalars[(index + 3)...].firstIndex(of: "}")
                {
                    output.append(scalar)
                    output.append(escaped == "u" ? "x" : escaped)
                    output.append(contentsOf: scalars[(index + 2)...close])
                    index = close + 1
                    continue
                }
                switch (escaped, inClass) {
                case ("d", false): emit("[0-9]")
                case ("D", false): emit("[^0-9]")
                case ("w", false): emit("[a-zA-Z0-9_]")
                case ("W", false): emit("[^a-zA-Z0-9_]")
                default:
                    output.append(scalar)
                    output.append(escaped)
                }
                index += 2
                continue
            }
            if inClass {
                switch scalar {
                case "]": inClass = false; output.append(scalar)
                case "[": emit("\\[")
                case "&": emit("\\&")
                default: output.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "[":
                var next = index + 1
                let negated = next < scalars.count && scalars[next] == "^"
                if negated { next += 1 }
                if next < scalars.count && scalars[next] == "]" {
                    emit(negated ? "[\\s\\S]" : "(?!)")
                    index = next + 1
                } else {
                    emit(negated ? "[^" : "[")
                    inClass = true
                    index = next
                }
            case "{":
                if let end = quantifierEnd(in: scalars, openingAt: index) {
                    output.append(contentsOf: scalars[index...end])
                    index = end + 1
                } else {
                    emit("\\{")
                    index += 1
                }
            case "}":
                emit("\\}")
                index += 1
            case "$":
                // ICU cannot quantify `\z` itself (schemas do write `${1,256}`), but can a group.
                let quantified = index + 1 < scalars.count && "{*+?".unicodeScalars.contains(scalars[index + 1])
                emit(quantified ? "(?:\\z)" : "\\z")
                index += 1
            default:
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// The index of the `}` closing a `{n}`, `{n,}` or `{n,m}` quantifier that
    /// opens at `start`, or `nil` when the brace is a literal.
    private static func quantifierEnd(in scalars: [Unicode.Scalar], openingAt start: Int) -> Int? {
        var index = start + 1
        var digitsBeforeComma = 0
        while index < scalars.count, scalars[index].properties.numericType == .decimal, scalars[index].isASCII {
            digitsBeforeComma += 1
            index += 1
        }
        guard digitsBeforeComma > 0, index < scalars.count else { return nil }
        if scalars[index] == "," {
            index += 1
            while index < scalars.count, scalars[index].isASCII, scalars[index].properties.numericType == .decimal {
                index += 1
            }
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return index
    }
}
