import CloudFormation
import CloudFormationTesting
import Foundation
import Testing

@Suite("Matchers: objects, scalars, presence and negation")
struct ObjectAndScalarMatcherTests {
    let bucket: Value = [
        "VersioningConfiguration": ["Status": "Enabled", "MFADelete": "Disabled"],
        "BucketName": "exports",
        "Retain": .null,
    ]

    @Test("a plain object pattern matches deeply and partially: listed keys must match, others are ignored")
    func deepPartial() {
        let enabled: Matcher = ["VersioningConfiguration": ["Status": "Enabled"]]
        let suspended: Matcher = ["VersioningConfiguration": ["Status": "Suspended"]]
        #expect(enabled.matches(bucket))
        #expect(!suspended.matches(bucket))
        #expect(suspended.mismatches(in: bucket).map(\.description)
            == [#"VersioningConfiguration.Status: expected "Suspended", found "Enabled""#])
    }

    @Test("a missing key is reported with what was expected there")
    func missingKey() {
        let pattern: Matcher = ["PublicAccessBlockConfiguration": ["BlockPublicAcls": true], "BucketName": "exports"]
        #expect(pattern.mismatches(in: bucket).map(\.description)
            == [#"PublicAccessBlockConfiguration: missing (expected {"BlockPublicAcls": true})"#])
        let nested: Matcher = ["VersioningConfiguration": ["Status": "Enabled", "Extra": 1]]
        #expect(nested.mismatches(in: bucket).map(\.description) == ["VersioningConfiguration.Extra: missing (expected 1)"])
    }

    @Test("objectEquals rejects keys the pattern does not list, and nested plain objects must be exact too")
    func objectEquals() {
        let whole = Matcher.objectEquals([
            "VersioningConfiguration": ["Status": "Enabled", "MFADelete": "Disabled"], "BucketName": "exports", "Retain": .anyValue,
        ])
        #expect(whole.matches(bucket))

        let nestedTooFew = Matcher.objectEquals([
            "VersioningConfiguration": ["Status": "Enabled"], "BucketName": "exports", "Retain": .anyValue,
        ])
        #expect(nestedTooFew.mismatches(in: bucket).map(\.description)
            == [#"VersioningConfiguration.MFADelete: unexpected key (the pattern allows only "Status"), found "Disabled""#])

        let partialInside = Matcher.objectEquals([
            "VersioningConfiguration": .objectLike(["Status": "Enabled"]), "BucketName": "exports", "Retain": .anyValue,
        ])
        #expect(partialInside.matches(bucket))

        let topTooFew = Matcher.objectEquals(["BucketName": "exports"])
        #expect(topTooFew.mismatches(in: bucket).map(\.description) == [
            #"VersioningConfiguration: unexpected key (the pattern allows only "BucketName"), found {"Status": "Enabled", "MFADelete": "Disabled"}"#,
            #"Retain: unexpected key (the pattern allows only "BucketName"), found null"#,
        ])
    }

    @Test("objectLike inside a plain object stays partial, and is the same as a plain object outside objectEquals")
    func objectLike() {
        #expect(Matcher.objectLike(["VersioningConfiguration": ["Status": "Enabled"]]).matches(bucket))
        #expect(!Matcher.objectLike(["BucketName": "imports"]).matches(bucket))
    }

    @Test("exactly compares whole values: exact keys at every depth, order and length of lists, 1 equal to 1.0")
    func exactly() {
        #expect(Matcher.exactly(bucket).matches(bucket))
        let reordered: Value = ["Retain": .null, "BucketName": "exports",
                                "VersioningConfiguration": ["MFADelete": "Disabled", "Status": "Enabled"]]
        #expect(Matcher.exactly(reordered).matches(bucket), "key order does not matter, as in JSON")

        let fewer: Value = ["VersioningConfiguration": ["Status": "Enabled"], "BucketName": "exports", "Retain": .null]
        #expect(Matcher.exactly(fewer).mismatches(in: bucket).map(\.description)
            == [#"VersioningConfiguration.MFADelete: unexpected key (the pattern allows only "Status"), found "Disabled""#])

        #expect(Matcher.exactly(1).matches(.double(1.0)))
        #expect(Matcher.exactly(["a", "b"]).mismatches(in: ["a", "b", "c"]).map(\.description)
            == [#"expected 2 elements, found 3: ["a", "b", "c"] (arrayWith or arrayContaining allow other elements)"#])
    }

    @Test("scalars match by equality; a string is not the number it spells, and types show in the message")
    func scalars() {
        #expect(Matcher(true).matches(true))
        #expect(!Matcher(true).matches(false))
        #expect(Matcher(5).matches(.double(5)))
        #expect(!Matcher(5).matches(.double(5.5)))
        #expect(Matcher(.null).matches(.null))
        #expect(Matcher("5").mismatches(in: 5).map(\.description) == [#"expected "5", found 5"#])
        #expect(Matcher(["A": 1]).mismatches(in: "A").map(\.description) == [#"expected {"A": 1}, found "A""#])
    }

    @Test("absent holds for a missing key only; anyValue for any present key, null included")
    func absentAndAnyValue() {
        #expect((["Tags": .absent] as Matcher).matches(bucket))
        #expect((["BucketName": .absent] as Matcher).mismatches(in: bucket).map(\.description)
            == [#"BucketName: expected absent, found "exports""#])
        #expect((["BucketName": .anyValue, "Retain": .anyValue] as Matcher).matches(bucket))
        #expect((["Tags": .anyValue] as Matcher).mismatches(in: bucket).map(\.description) == ["Tags: missing"])
        #expect(!(["List": [.absent]] as Matcher).matches(["List": [1]]), "a list element is always present")
    }

    @Test("not inverts a pattern; a missing key is not anything that needs a value")
    func negation() {
        #expect((["BucketName": .not("imports")] as Matcher).matches(bucket))
        #expect((["BucketName": .not("exports")] as Matcher).mismatches(in: bucket).map(\.description)
            == [#"BucketName: expected not("exports"), found "exports""#])
        #expect((["Tags": .not(.anyValue)] as Matcher).matches(bucket))
        #expect((["Tags": .not("x")] as Matcher).matches(bucket))
        #expect((["BucketName": .not(.absent)] as Matcher).matches(bucket))
        #expect((["Tags": .not(.absent)] as Matcher).mismatches(in: bucket).map(\.description)
            == ["Tags: missing (expected not(absent))"])
    }

    @Test("a plain Value as a pattern: objects partial, lists exact, scalars equal")
    func valueAsPattern() {
        let pattern = Matcher(["VersioningConfiguration": ["Status": "Enabled"]] as Value)
        #expect(pattern.matches(bucket))
        #expect(!Matcher(["a", "b"] as Value).matches(["a", "b", "c"]))
    }

    @Test("mismatches are reported below the path a match starts at")
    func basePath() {
        let pattern: Matcher = ["BucketName": "imports"]
        let path: TemplatePath = ["Resources", "Exports", "Properties"]
        #expect(pattern.mismatches(in: bucket, at: path).map(\.description)
            == [#"Resources.Exports.Properties.BucketName: expected "imports", found "exports""#])
    }

    @Test("patterns describe themselves as they were written, each matcher by name")
    func descriptions() {
        let pattern: Matcher = [
            "Tags": .arrayWith([["Key": "Env"]]), "Name": .stringMatching("x-.*"), "Old": .absent,
            "Any": .anyValue, "Items": .arrayContaining([1, 2.5]), "Exact": .objectEquals(["A": [true]]),
            "Like": .objectLike(["B": .not("c")]), "Role": .getAtt("R", "Arn"), "Null": Matcher(.null),
        ]
        #expect(pattern.description == #"{"Tags": arrayWith([{"Key": "Env"}]), "Name": stringMatching(/x-.*/), "#
            + #""Old": absent, "Any": anyValue, "Items": arrayContaining([1, 2.5]), "Exact": objectEquals({"A": [true]}), "#
            + #""Like": objectLike({"B": not("c")}), "Role": {"Fn::GetAtt": ["R", "Arn"]}, "Null": null}"#)
    }
}
