import CloudFormation
import Foundation

extension Matcher {
    /// A string that the regular expression matches **as a whole**, from its
    /// first character to its last: `"arn:aws:s3:::.*"` matches
    /// `"arn:aws:s3:::logs"` but not `"x-arn:aws:s3:::logs"`. Whole-string
    /// matching is the default because a search quietly accepts too much
    /// (`"prod"` would match `"nonprod"`); to search, write `.*` around the
    /// expression, with `(?s)` in front if the text may span lines.
    ///
    /// The text is Swift `Regex` syntax. An invalid expression fails every
    /// match, and the failure says why.
    public static func stringMatching(_ pattern: String) -> Matcher {
        let description = "stringMatching(/\(pattern)/)"
        do {
            let regex = SendableRegex(try Regex(pattern))
            return Matcher(kind: .string(StringTest(description: description) { regex.wholeMatches($0) }))
        } catch {
            return Matcher(kind: .string(StringTest(description: description, invalidity: "\(error)")))
        }
    }

    /// A string that the Swift `Regex` matches as a whole (see
    /// `stringMatching(_: String)`). A `Regex` cannot show its source, so
    /// failure messages show `label` if given.
    public static func stringMatching<Output>(_ regex: Regex<Output>, label: String? = nil) -> Matcher {
        let regex = SendableRegex(regex)
        let description = "stringMatching(\(label ?? "a Regex"))"
        return Matcher(kind: .string(StringTest(description: description) { regex.wholeMatches($0) }))
    }

    /// A string that the `NSRegularExpression` matches as a whole (see
    /// `stringMatching(_: String)`).
    public static func stringMatching(_ expression: NSRegularExpression) -> Matcher {
        let description = "stringMatching(/\(expression.pattern)/)"
        return Matcher(kind: .string(StringTest(description: description) { text in
            let whole = NSRange(text.startIndex..<text.endIndex, in: text)
            return expression.firstMatch(in: text, options: [.anchored], range: whole)?.range == whole
        }))
    }

    /// A string that contains `substring`, compared character by character.
    public static func stringContaining(_ substring: String) -> Matcher {
        Matcher(kind: .string(StringTest(description: "stringContaining(\(ValueText.quoted(substring)))") {
            $0.contains(substring)
        }))
    }
}

/// A test on strings, with the words a failure message shows for it.
struct StringTest: Sendable {
    var description: String
    /// Why the predicate can never hold (an invalid regular expression).
    var invalidity: String?
    var test: @Sendable (String) -> Bool

    init(description: String, test: @escaping @Sendable (String) -> Bool) {
        self.description = description
        self.test = test
    }

    init(description: String, invalidity: String) {
        self.description = description
        self.invalidity = invalidity
        test = { _ in false }
    }

    func evaluate(_ value: Value, at path: TemplatePath) -> PatternEvaluation {
        if let invalidity {
            return .failure(path, "\(description) is not a valid regular expression: \(invalidity)", weight: 1)
        }
        if case .string(let text) = value, test(text) { return .match }
        return .failure(path, "expected \(ValueText.truncated(description)), found \(ValueText.truncatedLine(value, style: .json))", weight: 1)
    }
}

/// A `Regex` that a `Sendable` matcher can hold.
///
/// `Regex` is not declared `Sendable` because its `Output` type parameter
/// need not be; this box only asks whether a string matches and never hands
/// the output out, and a `Regex` value is not mutated by matching.
private struct SendableRegex<Output>: @unchecked Sendable {
    let regex: Regex<Output>

    init(_ regex: Regex<Output>) {
        self.regex = regex
    }

    func wholeMatches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}
