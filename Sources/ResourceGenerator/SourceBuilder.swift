/// Accumulates Swift source lines with indentation.
struct SourceBuilder {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: depth) + content + "\n"
    }

    mutating func block(_ opening: String, _ body: (inout SourceBuilder) -> Void) {
        line(opening + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// A schema description as a doc comment, one `///` line per line of text.
    /// AWS marks code with double backticks, which DocC reads as a symbol
    /// link: it is written as code voice, with single backticks (two code
    /// spans AWS writes side by side stay two, separated by a space).
    mutating func documentation(_ description: String?) {
        guard let description, !description.isEmpty else { return }
        for rawLine in description.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = rawLine.replacingTabs().replacingOccurrences(of: "````", with: "`` ``").replacingOccurrences(of: "``", with: "`").trimmingTrailingWhitespace()
            line(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }

    /// A doc comment line linking to AWS's documentation page, after a blank
    /// doc comment line when a description precedes it.
    mutating func documentationLink(_ title: String, _ url: String, afterDescription: Bool) {
        if afterDescription { line("///") }
        line("/// AWS documentation: [\(title)](\(url))")
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var result = self
        while let last = result.last, last == " " { result.removeLast() }
        return result
    }

    /// A Swift string literal for `self`.
    var swiftLiteral: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
