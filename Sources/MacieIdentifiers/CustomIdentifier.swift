/// An Amazon Macie custom data identifier: the detection criteria of an
/// `AWS::Macie::CustomDataIdentifier`, which `IdentifierTester` applies to
/// local text the way Macie applies them to an S3 object.
///
/// The meaning of each field is Macie's, as its API reference states it for
/// `TestCustomDataIdentifierRequest` and `CreateCustomDataIdentifierRequest`
/// (https://docs.aws.amazon.com/macie/latest/APIReference/custom-data-identifiers-test.html);
/// `IdentifierTester` says how each is applied, and where the documentation
/// is silent, what the tester decided.
public struct CustomIdentifier: Hashable, Sendable {
    /// Macie's default when `MaximumMatchDistance` is not set.
    public static let defaultMaximumMatchDistance = 50

    /// Shown in findings, and in the tester's summary.
    public var name: String
    /// The pattern to match, in the subset of PCRE that Macie supports.
    public var regex: String
    /// Character sequences of which one must precede a match, close enough to
    /// it; not case-sensitive. Empty: every match counts.
    public var keywords: [String]
    /// A match that contains one of these is not reported; case-sensitive.
    public var ignoreWords: [String]
    /// The most characters there may be from the end of a keyword to the end
    /// of the match it qualifies: 1 to 300. It matters only with keywords.
    public var maximumMatchDistance: Int

    public init(
        name: String,
        regex: String,
        keywords: [String] = [],
        ignoreWords: [String] = [],
        maximumMatchDistance: Int = CustomIdentifier.defaultMaximumMatchDistance
    ) {
        self.name = name
        self.regex = regex
        self.keywords = keywords
        self.ignoreWords = ignoreWords
        self.maximumMatchDistance = maximumMatchDistance
    }
}
