import CloudFormation

/// A statement row that one template has and the other has not, with what
/// the change does to access.
public struct StatementChange: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable {
        case added, removed
    }

    public enum Verdict: String, Hashable, Sendable {
        /// Someone may do something they could not before: an Allow nothing
        /// covered, or a Deny removed.
        case broadening
        /// Access shrinks: an Allow removed or cut down, or a Deny added.
        case narrowing
        /// Access stays: the row was rewritten, moved, or is covered by one that remains.
        case neutral
    }

    public var change: Change
    public var row: StatementRow
    public var verdict: Verdict
    /// Where the statement is written: in the new template for an added row,
    /// in the old one for a removed row.
    public var locations: [TemplatePath]

    public init(change: Change, row: StatementRow, verdict: Verdict, locations: [TemplatePath]) {
        self.change = change
        self.row = row
        self.verdict = verdict
        self.locations = locations
    }
}
