/// One occurrence of text that meets an identifier's criteria, located the
/// way a Macie finding locates it in a text file (the `Range` of an
/// occurrence: first line, last line, and the column of the first character).
///
/// Lines and columns count from 1. A column counts Unicode scalars — what
/// Macie's documentation calls "UTF-8 characters" when it gives keyword
/// lengths — so `é` written as one code point is one column, and `e` followed
/// by a combining accent is two. Line breaks are `\n`, `\r\n` and `\r`.
public struct IdentifierMatch: Hashable, Sendable, CustomStringConvertible {
    /// The name the text was tested under: a path, or whatever the caller gave.
    public var file: String
    public var line: Int
    public var column: Int
    /// The line of the match's last character; `line` unless the regex
    /// matched a line break.
    public var endLine: Int
    /// The matched text (line breaks in it written as `\n`).
    public var text: String

    public init(file: String, line: Int, column: Int, endLine: Int, text: String) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.text = text
    }

    /// `file:line:column: text`, the form editors and terminals link.
    public var description: String { "\(file):\(line):\(column): \(text)" }
}
