/// A unified diff of two texts, line by line, as `diff -u` prints it.
///
/// Uses Myers' O((N+M)·D) algorithm, so a one-line change in a 100,000-line
/// template costs little.
public enum UnifiedDiff {
    public static func diff(
        _ old: String, _ new: String, oldName: String, newName: String, context: Int = 3
    ) -> String? {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return nil }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(script, context: context) {
            output += hunk.header + "\n"
            for edit in hunk.edits {
                switch edit.kind {
                case .same: output += " " + a[edit.oldIndex!]
                case .delete: output += "-" + a[edit.oldIndex!]
                case .insert: output += "+" + b[edit.newIndex!]
                }
                output += "\n"
            }
        }
        return output
    }

    public struct Edit {
        public enum Kind: Sendable { case same, delete, insert }
        public var kind: Kind
        public var oldIndex: Int?
        public var newIndex: Int?
    }

    struct Hunk {
        var edits: [Edit]
        var header: String
    }

    /// Lines without their terminators; a missing final newline is marked as
    /// `diff` marks it, so it shows up as a change.
    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" {
            result.removeLast()
        } else if !result.isEmpty {
            result[result.count - 1] += "\n\\ No newline at end of file"
        }
        return result
    }

    /// The shortest edit script from `a` to `b`.
    public static func editScript(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maxSteps = n + m
        let offset = maxSteps + 1
        var frontier = [Int](repeating: 0, count: 2 * maxSteps + 3)
        var history: [[Int]] = []
        search: for d in 0...maxSteps {
            history.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back through the saved frontiers to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: history.count - 1, through: 0, by: -1) {
            let v = history[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldIndex: nil, newIndex: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldIndex: x, newIndex: nil))
                }
            }
        }
        return edits.reversed()
    }

    static func hunks(_ script: [Edit], context: Int) -> [Hunk] {
        let changed = script.indices.filter { script[$0].kind != .same }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { range in
            let edits = Array(script[range])
            // Line numbers of the hunk's start in each file (1-based).
            let oldBefore = script[..<range.lowerBound].filter { $0.kind != .insert }.count
            let newBefore = script[..<range.lowerBound].filter { $0.kind != .delete }.count
            let oldCount = edits.filter { $0.kind != .insert }.count
            let newCount = edits.filter { $0.kind != .delete }.count
            let oldStart = oldCount == 0 ? oldBefore : oldBefore + 1
            let newStart = newCount == 0 ? newBefore : newBefore + 1
            return Hunk(edits: edits, header: "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
        }
    }
}
