import Testing
import YAML

@Suite("Counting comments")
struct CommentCountTests {
    @Test("a # after white space or at a line's start outside scalars is a comment; inside scalars it is text", arguments: [
        ("a: 1\n", 0),
        ("# top\na: 1 # trailing\n  # indented\n", 3),
        ("a: 'x # y'\nb: \"# z\"\nc: x#y\nd: https://example.com/#anchor\n", 0),
        ("a: |\n  # inside a literal block\n  text\n# after it\n", 1),
        ("a: plain text\n  continued # a comment\n", 1),
        ("{\"a\": \"#\"}  # json with a comment\n", 1),
        ("a: [1, # one\n  2]\n", 1),
    ])
    func counts(text: String, expected: Int) {
        #expect(CommentCount.comments(in: Array(text.utf8)) == expected)
    }
}
