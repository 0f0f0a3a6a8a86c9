import TextDiff
import Testing

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("equal texts have no diff")
    func equal() {
        #expect(UnifiedDiff.diff("a\nb\n", "a\nb\n", oldName: "x", newName: "y") == nil)
    }

    @Test("changes far apart make separate hunks with three lines of context")
    func hunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n")
            .replacingOccurrences(of: "line 18\n", with: "")
        #expect(UnifiedDiff.diff(old, new, oldName: "a", newName: "b") == """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -15,6 +15,5 @@
             line 15
             line 16
             line 17
            -line 18
             line 19
             line 20

            """)
    }

    @Test("a new file against an empty one, and a missing final newline")
    func edges() {
        #expect(UnifiedDiff.diff("", "a\n", oldName: "a", newName: "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+a\n")
        #expect(UnifiedDiff.diff("a", "a\n", oldName: "a", newName: "b") == "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n")
    }

    @Test("the edit script turns the old lines into the new ones", arguments: [
        ("abcabba", "cbabac"), ("", "xyz"), ("xyz", ""), ("aaaa", "aa"), ("kitten", "sitting"),
    ])
    func editScript(old: String, new: String) {
        let a = old.map(String.init), b = new.map(String.init)
        let script = UnifiedDiff.editScript(a, b)
        let rebuilt = script.compactMap { edit -> String? in
            switch edit.kind {
            case .same: a[edit.oldIndex!]
            case .insert: b[edit.newIndex!]
            case .delete: nil
            }
        }
        #expect(rebuilt == b)
        #expect(script.filter { $0.kind != .insert }.map { a[$0.oldIndex!] } == a)
    }
}
