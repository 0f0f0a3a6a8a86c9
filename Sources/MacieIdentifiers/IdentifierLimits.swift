/// Macie's documented limits on detection criteria
/// (https://docs.aws.amazon.com/macie/latest/APIReference/custom-data-identifiers-test.html):
/// a regex of at most 512 characters; at most 50 keywords of 3–90
/// characters; at most 10 ignore words of 4–90 characters; a maximum match
/// distance of 1–300. "Characters" are counted as Unicode scalars, the
/// "UTF-8 characters" the reference speaks of.
///
/// The tester enforces them because they change what a test means: a
/// distance of 400 would find matches Macie never can, and Macie would refuse
/// the identifier before any job ran.
enum IdentifierLimits {
    static let regexLength = 1...512
    static let keywordCount = 50
    static let keywordLength = 3...90
    static let ignoreWordCount = 10
    static let ignoreWordLength = 4...90
    static let maximumMatchDistance = 1...300

    static func regexProblems(_ regex: String) -> [String] {
        let length = regex.unicodeScalars.count
        return regexLength.contains(length) ? [] : ["the regex has \(length) characters; Macie allows \(range(regexLength))"]
    }

    /// Problems with the keywords, ignore words and distance, in that order.
    static func refinementProblems(of identifier: CustomIdentifier) -> [String] {
        var problems: [String] = []
        problems += wordProblems(identifier.keywords, kind: "keyword", count: keywordCount, length: keywordLength)
        problems += wordProblems(identifier.ignoreWords, kind: "ignore word", count: ignoreWordCount, length: ignoreWordLength)
        if !maximumMatchDistance.contains(identifier.maximumMatchDistance) {
            problems.append("the maximum match distance is \(identifier.maximumMatchDistance); Macie allows \(range(maximumMatchDistance))")
        }
        return problems
    }

    private static func wordProblems(_ words: [String], kind: String, count: Int, length: ClosedRange<Int>) -> [String] {
        var problems: [String] = []
        if words.count > count {
            problems.append("there are \(words.count) \(kind)s; Macie allows at most \(count)")
        }
        for word in words where !length.contains(word.unicodeScalars.count) {
            problems.append("the \(kind) '\(word)' has \(word.unicodeScalars.count) characters; Macie allows \(range(length))")
        }
        return problems
    }

    private static func range(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound) to \(range.upperBound)"
    }
}
