import Foundation

/// Macie's keyword rule: a match counts only if a keyword comes before it,
/// close enough.
///
/// As documented for `maximumMatchDistance`
/// (https://docs.aws.amazon.com/macie/latest/APIReference/custom-data-identifiers-test.html):
/// "The maximum number of characters that can exist between the end of at
/// least one complete character sequence specified by the keywords array and
/// the end of the text that matches the regex pattern. If a complete keyword
/// precedes all the text that matches the pattern and the keyword is within
/// the specified distance, Amazon Macie includes the result." Keywords "aren't
/// case sensitive".
///
/// So, in Unicode scalars, with a keyword ending at `k` and a match at
/// `start..<end`: `k <= start` (the whole keyword comes before all of the
/// match; one that overlaps the match does not count) and `end - k <=
/// distance`. The distance is measured to the match's end, so the match's own
/// length uses part of it: with the default 50, a 15-character account number
/// may start at most 35 characters after the keyword.
///
/// Decided where the documentation is silent:
/// - A keyword is found anywhere as a substring ("complete" is read as the
///   whole sequence, not as a whole word): `account` counts inside `accounts`.
/// - A keyword may be on an earlier line; each line break is one character.
/// - Case is ignored with Unicode case folding (ICU's), not only for ASCII.
/// - Macie's user guide adds rules for structured files
///   (https://docs.aws.amazon.com/macie/latest/user/custom-data-identifiers.html):
///   in CSV, JSON and JSON Lines a keyword in the name of the column or field
///   that holds the text also qualifies it. The tester reads every file as
///   plain text, so there only a keyword within the distance counts.
struct KeywordProximity {
    private let finders: [NSRegularExpression]
    private let maximumDistance: Int

    /// `nil` without keywords: then every match counts.
    init?(keywords: [String], maximumDistance: Int) {
        guard !keywords.isEmpty else { return nil }
        // A look-ahead with a capture finds every occurrence, overlapping ones
        // included ("aaa" twice in "aaaa"), which a plain search would skip.
        finders = keywords.compactMap { keyword in
            try? NSRegularExpression(
                pattern: "(?=(" + NSRegularExpression.escapedPattern(for: keyword) + "))", options: [.caseInsensitive])
        }
        self.maximumDistance = maximumDistance
    }

    /// Where keyword occurrences end in `text`, as sorted scalar offsets.
    func keywordEnds(in text: String, positions: TextPositions) -> [Int] {
        let whole = NSRange(location: 0, length: text.utf16.count)
        var ends: [Int] = []
        for finder in finders {
            for result in finder.matches(in: text, range: whole) {
                ends.append(positions.scalarOffset(NSMaxRange(result.range(at: 1))))
            }
        }
        return ends.sorted()
    }

    /// Whether a keyword ending at one of `keywordEnds` qualifies the match
    /// at scalar offsets `start..<end`.
    func qualifies(start: Int, end: Int, keywordEnds: [Int]) -> Bool {
        // The earliest keyword end within the distance; it must not be past
        // the match's start.
        var low = 0
        var high = keywordEnds.count
        while low < high {
            let middle = (low + high) / 2
            if keywordEnds[middle] < end - maximumDistance { low = middle + 1 } else { high = middle }
        }
        return low < keywordEnds.count && keywordEnds[low] <= start
    }
}
