import Testing
@testable import TemplateDiff

@Suite("Wildcard patterns covering wildcard patterns")
struct WildcardCoverageTests {
    @Test("a covering pattern matches everything the covered one matches", arguments: [
        ("*", "arn:aws:s3:::bucket/*", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/private/*", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a?c", true),
        ("arn:aws:s3:::bucket/a?c", "arn:aws:s3:::bucket/abc", true),
        ("arn:aws:s3:::bucket/private/*", "arn:aws:s3:::bucket/*", false),
        ("arn:aws:s3:::bucket/a?c", "arn:aws:s3:::bucket/a*c", false),
        ("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", false),
        ("s3:get*", "s3:getobject", true),
        ("s3:getobject", "s3:get*", false),
        ("${Table.Arn}*", "${Table.Arn}/index/*", true),
        ("", "", true),
        ("*", "", true),
        ("?", "", false),
    ])
    func coverage(pattern: String, covered: String, expected: Bool) {
        #expect(WildcardCoverage.covers(pattern, covered) == expected)
    }
}
