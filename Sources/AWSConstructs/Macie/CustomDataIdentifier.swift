import AWSResources
import CloudFormation

/// A Macie custom data identifier: a regular expression, with optional
/// keywords that must precede a match and ignore words that suppress one.
/// Macie's limits are checked at synthesis (`CustomDataIdentifierCheck`).
public final class CustomDataIdentifier: ResourceDeclaration {
    public let logicalID: String
    public var name: String
    public var description: String?
    public var regex: String
    public var keywords: [String]
    public var ignoreWords: [String]
    /// Characters between the end of a keyword and the end of a match (1 to 300; Macie's default 50).
    public var maximumMatchDistance: Int?

    public init(
        _ logicalID: String, name: String, description: String? = nil, regex: String,
        keywords: [String] = [], ignoreWords: [String] = [], maximumMatchDistance: Int? = nil
    ) {
        self.logicalID = logicalID
        self.name = name
        self.description = description
        self.regex = regex
        self.keywords = keywords
        self.ignoreWords = ignoreWords
        self.maximumMatchDistance = maximumMatchDistance
    }

    /// `Ref`: the identifier's ID.
    public var id: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }

    public func declaredResources() -> [Resource] {
        Macie.CustomDataIdentifier(
            logicalID, description: description.map { .literal($0) },
            ignoreWords: ignoreWords.isEmpty ? nil : .list(ignoreWords.map { .literal($0) }),
            keywords: keywords.isEmpty ? nil : .list(keywords.map { .literal($0) }),
            maximumMatchDistance: maximumMatchDistance.map { .init(integerLiteral: $0) },
            name: .literal(name), regex: .literal(regex)
        ).declaredResources()
    }
}
