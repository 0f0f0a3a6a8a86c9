/// What testing an identifier found: every match, and the two counts a Macie
/// finding gives (occurrences, and the lines they are on).
public struct IdentifierReport: Hashable, Sendable {
    /// The identifier's `Name`.
    public var identifier: String
    /// In file order, then text order.
    public var matches: [IdentifierMatch]

    public init(identifier: String, matches: [IdentifierMatch]) {
        self.identifier = identifier
        self.matches = matches
    }

    public var occurrences: Int { matches.count }

    /// Distinct lines on which a match starts, counted per file: two matches
    /// on one line are one line, line 3 of two files is two.
    public var lines: Int {
        Set(matches.map { LineInFile(file: $0.file, line: $0.line) }).count
    }

    /// `account_number: 10 occurrences on 10 lines`.
    public var summary: String {
        "\(identifier): \(Self.counted(occurrences, "occurrence")) on \(Self.counted(lines, "line"))"
    }

    private struct LineInFile: Hashable {
        var file: String
        var line: Int
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
