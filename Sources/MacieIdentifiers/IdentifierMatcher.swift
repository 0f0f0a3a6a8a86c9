import Foundation

/// An identifier checked against Macie's rules and compiled: what finds the
/// matches in one text.
///
/// The regex runs on the whole text, not line by line. Macie's user guide
/// advises anchors (`^`, `$`) only for a pattern expected at the beginning or
/// end of a file (https://docs.aws.amazon.com/macie/latest/user/cdis-options.html),
/// so they keep their single-line meaning here: start and end of the text.
///
/// Matches are the regex engine's: leftmost, and not overlapping — after a
/// match the search goes on from its end, as PCRE's global matching does. The
/// keyword and ignore-word rules then filter those matches; a match they
/// reject does not make the engine look again inside its text for a shorter
/// or later, overlapping one. Macie's documentation says nothing of overlaps;
/// both of its refinements are described as filters on "the text that matches
/// the regex pattern", which this follows. An empty match (from a pattern such
/// as `\d*`) is no occurrence of anything and is not reported.
///
/// Macie's regexes are PCRE's; these are ICU's, through `NSRegularExpression`.
/// The differences that can change a result, with the tester's mitigation:
/// - `\d`, `\w`, `\s` and `\b` follow Unicode in ICU (`\d` matches `٣`);
///   PCRE without its UCP option, Macie's setting unknown, matches ASCII only.
///   Write `[0-9]` where only ASCII digits are meant.
/// - `.` and `$`: ICU's `useUnixLineSeparators` is on, so as in PCRE's
///   default only `\n` ends a line (`.` matches U+2028 and U+0085).
/// - ICU accepts character-class set operations (`[a-z&&[^aeiou]]`,
///   `[[a-z]--[aeiou]]`) and nested classes, which PCRE reads as literals.
/// - Some PCRE-only syntax (`(*VERB)`, callouts, branch reset `(?|…)`) does
///   not compile in ICU and is reported as an invalid regex. ICU reads the
///   escapes `\C`, `\K`, `\o{…}` and backslashed letters PCRE rejects (`\j`)
///   as plain letters instead of failing: those are reported, not run.
/// - The constructs Macie leaves out of PCRE are reported, not run (see
///   `UnsupportedRegexSyntax`).
struct IdentifierMatcher {
    private let regex: NSRegularExpression
    private let keywords: KeywordProximity?
    private let ignoreWords: IgnoreWords

    /// - Throws: `IdentifierError.invalidIdentifier` with every problem found.
    init(_ identifier: CustomIdentifier) throws(IdentifierError) {
        var problems = IdentifierLimits.regexProblems(identifier.regex)
        let compiled = try? NSRegularExpression(pattern: identifier.regex, options: [.useUnixLineSeparators])
        if compiled == nil, !identifier.regex.isEmpty {  // an empty one already has its problem
            problems.append("the regex '\(identifier.regex)' is not a valid regular expression")
        }
        problems += UnsupportedRegexSyntax.find(in: identifier.regex).map(\.message)
        problems += IdentifierLimits.refinementProblems(of: identifier)
        guard let compiled, problems.isEmpty else {
            throw .invalidIdentifier(name: identifier.name, problems: problems)
        }
        regex = compiled
        keywords = KeywordProximity(keywords: identifier.keywords, maximumDistance: identifier.maximumMatchDistance)
        ignoreWords = IgnoreWords(identifier.ignoreWords)
    }

    /// Every match in `text` that meets the criteria, in text order.
    func matches(in text: String, file: String) -> [IdentifierMatch] {
        let text = LineEndings.normalized(text)
        let positions = TextPositions(text)
        let keywordEnds = keywords?.keywordEnds(in: text, positions: positions) ?? []
        var found: [IdentifierMatch] = []
        for result in regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
            let range = result.range
            guard range.length > 0, let matched = Range(range, in: text) else { continue }
            if let keywords {
                let start = positions.scalarOffset(range.location)
                let end = positions.scalarOffset(NSMaxRange(range))
                guard keywords.qualifies(start: start, end: end, keywordEnds: keywordEnds) else { continue }
            }
            let matchedText = String(text[matched])
            guard !ignoreWords.suppress(matchedText) else { continue }
            let first = positions.location(range.location)
            let last = positions.location(NSMaxRange(range) - 1)
            found.append(IdentifierMatch(file: file, line: first.line, column: first.column, endLine: last.line, text: matchedText))
        }
        return found
    }
}
