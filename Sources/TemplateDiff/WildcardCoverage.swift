/// Whether one IAM wildcard pattern matches everything another matches.
///
/// `*` matches any run of characters and `?` exactly one. The covered
/// pattern's wildcards are not letters: its `*` can only be absorbed by a
/// `*` of the covering pattern, its `?` by a `*` or a `?`. So
/// `arn:aws:s3:::b/*` covers `arn:aws:s3:::b/private/*`, but
/// `arn:aws:s3:::b/a?c` does not cover `arn:aws:s3:::b/a*c`. A "yes" is
/// always right; a "no" is right unless the patterns are equivalent in a way
/// this reading misses (`**` beside `*`), which makes the diff err towards
/// calling a grant broader, never narrower.
enum WildcardCoverage {
    static func covers(_ pattern: String, _ covered: String) -> Bool {
        let outer = Array(pattern.unicodeScalars), inner = Array(covered.unicodeScalars)
        // memo[i][j]: whether outer[i...] covers inner[j...]; nil until known.
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: inner.count + 1), count: outer.count + 1)
        func covers(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i][j] { return known }
            let answer: Bool
            if i == outer.count {
                answer = j == inner.count
            } else if outer[i] == "*" {
                answer = covers(i + 1, j) || (j < inner.count && covers(i, j + 1))
            } else if j == inner.count || inner[j] == "*" {
                answer = false
            } else if outer[i] == "?" {
                answer = covers(i + 1, j + 1)
            } else {
                answer = outer[i] == inner[j] && covers(i + 1, j + 1)
            }
            memo[i][j] = answer
            return answer
        }
        return covers(0, 0)
    }
}
