extension Matcher {
    /// The key must not be present. Only an object pattern's keys can be
    /// absent: as a list element, or where a value is certainly present (the
    /// root of a query), it never matches.
    public static let absent = Matcher(kind: .absent)

    /// The key must be present, with any value (`null` included).
    public static let anyValue = Matcher(kind: .anyValue)

    /// Anything the given pattern does not match. A missing key is "not"
    /// anything that needs a value: `["Tags": .not(.anyValue)]` is `absent`,
    /// and `.not("Retain")` accepts a missing key. Captures inside a `not`
    /// never record, since what they saw made the negation fail.
    public static func not(_ matcher: Matcher) -> Matcher {
        Matcher(kind: .not(matcher))
    }
}
