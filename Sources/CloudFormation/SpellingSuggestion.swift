/// The known name closest to a misspelt one, by edit distance.
/// The one edit distance: the catalogs' suggestions (IAM actions, Lambda
/// runtimes), the references synthesis checks and the test kit's messages.
public enum SpellingSuggestion {
    /// The candidate nearest `name`, ignoring case, counting a swap of two
    /// neighbouring letters (`Scna`, `pyhton`) as one edit; `nil` when the
    /// nearest needs more than `max(2, name.count / 4)` edits. Ties go to the
    /// candidate that sorts first, so the answer never depends on input order.
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let typed = lowercasedBytes(name)
        let limit = max(2, typed.count / 4)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let bytes = lowercasedBytes(candidate)
            // Lengths alone already differ by more than the limit: skip the table.
            guard abs(bytes.count - typed.count) <= limit else { continue }
            let distance = EditTable(typed, bytes).distance
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// `suggestion` (lowercase) with the capitals of `typed` copied onto the
    /// letters that line up with them: `dynamodb:Scna` and `dynamodb:scan`
    /// give `dynamodb:Scan`. Letters the suggestion adds stay lowercase,
    /// unless `typed` was written all in capitals.
    public static func copyingCapitals(of typed: String, onto suggestion: String) -> String {
        let original = Array(typed.utf8)
        var result = Array(suggestion.utf8)
        let hasLowercase = original.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let hasCapitals = original.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        if hasCapitals && !hasLowercase { return suggestion.uppercased() }
        let table = EditTable(lowercasedBytes(typed), lowercasedBytes(suggestion))
        for (typedIndex, suggestionIndex) in table.alignment()
        where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(original[typedIndex]) {
            result[suggestionIndex] = uppercased(result[suggestionIndex])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Edits between `a` and `b` ignoring case, counting a swap of two
    /// neighbouring letters as one edit (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        EditTable(lowercasedBytes(a), lowercasedBytes(b)).distance
    }

    private static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
    }

    private static func uppercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
    }

    /// The optimal-string-alignment distance table between two byte strings:
    /// insertions, deletions, substitutions and swaps of neighbours, each one edit.
    private struct EditTable {
        let a: [UInt8], b: [UInt8]
        /// `cost[i][j]`: edits from the first `i` bytes of `a` to the first `j` of `b`.
        var cost: [[Int]]

        init(_ a: [UInt8], _ b: [UInt8]) {
            self.a = a
            self.b = b
            cost = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { cost[i][0] = i }
            for j in 0...b.count { cost[0][j] = j }
            guard !a.isEmpty, !b.isEmpty else { return }
            for i in 1...a.count {
                for j in 1...b.count {
                    var best = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                                   cost[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if isSwap(i, j) { best = min(best, cost[i - 2][j - 2] + 1) }
                    cost[i][j] = best
                }
            }
        }

        var distance: Int { cost[a.count][b.count] }

        private func isSwap(_ i: Int, _ j: Int) -> Bool {
            i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
        }

        /// Pairs of positions `(in a, in b)` that one cheapest edit script keeps
        /// or substitutes; a swapped pair lines up by position, as capitals do.
        func alignment() -> [(Int, Int)] {
            var pairs: [(Int, Int)] = []
            var i = a.count, j = b.count
            while i > 0, j > 0 {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                if cost[i][j] == cost[i - 1][j - 1] + substitution {
                    pairs.append((i - 1, j - 1))
                    i -= 1
                    j -= 1
                } else if isSwap(i, j), cost[i][j] == cost[i - 2][j - 2] + 1 {
                    pairs.append((i - 1, j - 1))
                    pairs.append((i - 2, j - 2))
                    i -= 2
                    j -= 2
                } else if cost[i][j] == cost[i - 1][j] + 1 {
                    i -= 1
                } else {
                    j -= 1
                }
            }
            return pairs
        }
    }
}
