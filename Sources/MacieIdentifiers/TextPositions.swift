/// Turns the UTF-16 offsets that `NSRegularExpression` reports into what a
/// reader counts: 1-based lines, 1-based columns in Unicode scalars, and
/// scalar offsets for measuring distances.
///
/// Only two sorted lists are kept — where lines start, and where the scalars
/// that take two UTF-16 units (surrogate pairs) start — so a large file costs
/// memory in proportion to its lines, not its characters.
struct TextPositions {
    /// UTF-16 offset of the first character of each line; line 1 starts at 0.
    private var lineStarts: [Int] = [0]
    /// UTF-16 offsets of the scalars outside the Basic Multilingual Plane.
    private var surrogatePairs: [Int] = []

    /// `text` must have `\n` line breaks only (see `LineEndings`).
    init(_ text: String) {
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF16.width(scalar)
            if width == 2 { surrogatePairs.append(offset) }
            offset += width
            if scalar == "\n" { lineStarts.append(offset) }
        }
    }

    /// How many scalars come before the UTF-16 offset `utf16`.
    func scalarOffset(_ utf16: Int) -> Int {
        utf16 - Self.count(of: surrogatePairs, below: utf16)
    }

    /// Line and column of the character at UTF-16 offset `utf16`.
    func location(_ utf16: Int) -> (line: Int, column: Int) {
        let line = Self.count(of: lineStarts, below: utf16 + 1)
        let column = scalarOffset(utf16) - scalarOffset(lineStarts[line - 1]) + 1
        return (line, column)
    }

    /// How many elements of the sorted `values` are less than `bound`.
    private static func count(of values: [Int], below bound: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
