import IAMPolicies
import Testing

@Suite("Template texts as IAM patterns covering one another")
struct IAMWildcardTemplateTextTests {
    @Test("a covering pattern matches everything the covered one matches", arguments: [
        ("*", "arn:aws:s3:::bucket/*", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/private/*", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a?c", true),
        ("arn:aws:s3:::bucket/a?c", "arn:aws:s3:::bucket/abc", true),
        ("arn:aws:s3:::bucket/private/*", "arn:aws:s3:::bucket/*", false),
        ("arn:aws:s3:::bucket/a?c", "arn:aws:s3:::bucket/a*c", false),
        ("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", false),
        ("${Table.Arn}*", "${Table.Arn}/index/*", true),
        ("arn:${AWS::Partition}:logs:*:*:log-group:*", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${G}:*", true),
        ("", "", true),
        ("*", "", true),
        ("?", "", false),
    ])
    func resources(pattern: String, covered: String, expected: Bool) {
        #expect(IAMWildcard.templateText(pattern, arn: true).covers(.templateText(covered, arn: true)) == expected)
    }

    @Test("in an ARN a * inside a segment stays in it, as IAM reads the Resource element")
    func segments() {
        #expect(!IAMWildcard.templateText("arn:aws:sqs:us-east-1:1:a*b", arn: true).covers(.templateText("arn:aws:sqs:us-east-1:1:a:b", arn: true)))
        #expect(IAMWildcard.templateText("arn:aws:sqs:us-east-1:1:a*", arn: true).covers(.templateText("arn:aws:sqs:us-east-1:1:a:b", arn: true)))
        // The same texts as actions: no segments.
        #expect(IAMWildcard.templateText("a*b").covers(.templateText("a:b")))
    }

    @Test("actions compare without case", arguments: [("s3:get*", "s3:GetObject", true), ("s3:GetObject", "s3:get*", false)])
    func actions(pattern: String, covered: String, expected: Bool) {
        #expect(IAMWildcard.templateText(pattern, lowercased: true).covers(.templateText(covered, lowercased: true)) == expected)
    }
}
