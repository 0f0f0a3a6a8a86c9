/// Macie's ignore words: "If the text matched by the regular expression
/// contains any string in this array, Amazon Macie ignores it. […] Ignore
/// words are case sensitive."
/// (https://docs.aws.amazon.com/macie/latest/APIReference/custom-data-identifiers-test.html)
///
/// Only the matched text is searched, not its surroundings: an ignore word
/// next to a match does not suppress it. The comparison is of Unicode scalars,
/// exactly: no case folding, and no normalization (`é` as one code point and
/// as `e` plus an accent are different words).
struct IgnoreWords {
    private let words: [[Unicode.Scalar]]

    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
    }

    func suppress(_ matchedText: String) -> Bool {
        let text = Array(matchedText.unicodeScalars)
        return words.contains { word in
            guard word.count <= text.count else { return false }
            return (0...(text.count - word.count)).contains { start in
                text[start..<(start + word.count)].elementsEqual(word)
            }
        }
    }
}
