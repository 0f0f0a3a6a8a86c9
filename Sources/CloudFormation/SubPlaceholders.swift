/// The `${...}` placeholders of an `Fn::Sub` string.
public enum SubPlaceholders {
    public struct Placeholder: Hashable, Sendable {
        /// A parameter, resource, pseudo parameter or variable name.
        public var name: String
        /// For `${Resource.Attribute}`, the attribute.
        public var attribute: String?

        public init(name: String, attribute: String?) {
            self.name = name
            self.attribute = attribute
        }
    }

    public struct Problem: Error, Hashable {
        public var message: String
    }

    /// The placeholders in order of appearance. `${!Literal}` is text, not a
    /// placeholder; `${` without a closing `}` is an error, since CloudFormation
    /// would not substitute what the author meant to.
    public static func parse(_ text: String) -> Result<[Placeholder], Problem> {
        var placeholders: [Placeholder] = []
        if let problem = scan(text, { placeholder, _ in placeholders.append(placeholder) }) {
            return .failure(problem)
        }
        return .success(placeholders)
    }

    /// `text` with each placeholder that `replacement` answers for written as
    /// its answer (`${Bucket.Arn}` → `${BucketArn}`); `nil` when `text` does
    /// not parse.
    public static func rewrite(_ text: String, _ replacement: (Placeholder) -> String?) -> String? {
        var result = ""
        var copied = text.startIndex
        let problem = scan(text) { placeholder, range in
            guard let name = replacement(placeholder) else { return }
            result += text[copied..<range.lowerBound]
            result += "${\(name)}"
            copied = range.upperBound
        }
        guard problem == nil else { return nil }
        return result + text[copied...]
    }

    /// Calls `visit` with each placeholder and the range of its `${…}`.
    private static func scan(_ text: String, _ visit: (Placeholder, Range<String.Index>) -> Void) -> Problem? {
        // Scanned as UTF-8: `$`, `{`, `}`, `!` and `.` are ASCII, so every
        // index found here is also a character boundary of `text`.
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let dollar = utf8[index...].firstIndex(of: UInt8(ascii: "$")) {
            let open = utf8.index(after: dollar)
            guard open < utf8.endIndex else { break }
            guard utf8[open] == UInt8(ascii: "{") else {
                index = open
                continue
            }
            let contentStart = utf8.index(after: open)
            guard let end = utf8[contentStart...].firstIndex(of: UInt8(ascii: "}")) else {
                return Problem(message: "'${' without a closing '}' in Fn::Sub string")
            }
            index = utf8.index(after: end)
            let content = utf8[contentStart..<end]
            if content.first == UInt8(ascii: "!") { continue }
            guard !content.isEmpty else {
                return Problem(message: "empty placeholder '${}' in Fn::Sub string")
            }
            let placeholder = if let dot = content.firstIndex(of: UInt8(ascii: ".")) {
                Placeholder(name: String(text[contentStart..<dot]), attribute: String(text[utf8.index(after: dot)..<end]))
            } else {
                Placeholder(name: String(text[contentStart..<end]), attribute: nil)
            }
            visit(placeholder, dollar..<index)
        }
        return nil
    }
}
