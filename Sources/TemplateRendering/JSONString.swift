/// JSON string literals, written one way everywhere the project writes JSON
/// (templates, reports, messages).
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped (`\n`, `\t`, `\b`, `\f`, `\r`, else `\u00XX`), all
    /// other characters as they are (UTF-8 passes through).
    public static func quoted(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
