import CloudFormation

/// What a template query found: which entries match, how close the others
/// came, and a message that says so.
///
/// Write the query inside `#expect`; when it fails, Swift Testing shows the
/// result, and so its message:
///
/// ```swift
/// #expect(template.matchResourceProperties("AWS::S3::Bucket", ["VersioningConfiguration": ["Status": "Enabled"]]).isMatch)
/// ```
///
/// or call the `expect…` form of the query, which records the message as an
/// issue. (`#expect(template.hasResourceProperties(…))` fails too, but shows
/// the whole template instead of what differs.)
public struct MatchResult: Hashable, Sendable, CustomStringConvertible {
    /// Whether the query holds: some entry matches (for a count, the count is right).
    public var isMatch: Bool
    /// The logical IDs (or names) of the entries that match, in template order.
    public var matchingIDs: [String]
    /// The entries that do not match, closest first (fewest failed
    /// expectations; ties in template order), each with its mismatches.
    public var nearMisses: [NearMiss]
    /// How many entries the query looked at: the resources of the type, or the
    /// outputs, parameters, conditions or mappings considered.
    public var examinedCount: Int
    /// On failure, what was looked at, the closest candidates and each
    /// mismatching path; on success, what matched.
    public var message: String

    public init(isMatch: Bool, matchingIDs: [String], nearMisses: [NearMiss], examinedCount: Int, message: String) {
        self.isMatch = isMatch
        self.matchingIDs = matchingIDs
        self.nearMisses = nearMisses
        self.examinedCount = examinedCount
        self.message = message
    }

    public var description: String { message }
}

/// A template entry that does not match, and how.
public struct NearMiss: Hashable, Sendable, CustomStringConvertible {
    public var logicalID: String
    public var mismatches: [Mismatch]

    public init(logicalID: String, mismatches: [Mismatch]) {
        self.logicalID = logicalID
        self.mismatches = mismatches
    }

    public var description: String {
        ([logicalID + ":"] + mismatches.map { "  \($0)" }).joined(separator: "\n")
    }
}
