import CloudFormation
import CloudFormationTesting
import Foundation
import Testing

@Suite("Matchers: strings and intrinsic functions")
struct StringAndIntrinsicMatcherTests {
    private func messages(_ pattern: Matcher, _ value: Value) -> [String] {
        pattern.mismatches(in: value).map(\.description)
    }

    @Test("stringMatching matches the whole string, not a part of it")
    func wholeString() {
        let arn = Matcher.stringMatching("arn:aws:s3:::.*")
        #expect(arn.matches("arn:aws:s3:::logs"))
        #expect(!arn.matches("x-arn:aws:s3:::logs"))
        #expect(!Matcher.stringMatching("prod").matches("nonprod"))
        #expect(Matcher.stringMatching(".*prod.*").matches("nonprod"))
        #expect(messages(["Name": .stringMatching("prod-.*")], ["Name": "dev-orders"])
            == [#"Name: expected stringMatching(/prod-.*/), found "dev-orders""#])
    }

    @Test("stringMatching takes a Swift Regex or an NSRegularExpression, also as whole-string matches")
    func regexTypes() throws {
        let regex = Matcher.stringMatching(#/orders-\d+/#, label: "orders-N")
        #expect(regex.matches("orders-12"))
        #expect(!regex.matches("orders-12-old"))
        #expect(messages(["Q": regex], ["Q": "x"]) == [#"Q: expected stringMatching(orders-N), found "x""#])

        let expression = try NSRegularExpression(pattern: "[a-z]+-[0-9]+")
        #expect(Matcher.stringMatching(expression).matches("orders-12"))
        #expect(!Matcher.stringMatching(expression).matches("orders-12-old"))
        #expect(messages(.stringMatching(expression), "Orders") == [#"expected stringMatching(/[a-z]+-[0-9]+/), found "Orders""#])
    }

    @Test("a string pattern never matches a non-string, and an invalid expression says so")
    func notStringsAndInvalid() {
        #expect(messages(["Port": .stringMatching("[0-9]+")], ["Port": 443])
            == ["Port: expected stringMatching(/[0-9]+/), found 443"])
        let invalid = messages(.stringMatching("(unclosed"), "x")
        #expect(invalid.count == 1)
        #expect(invalid.first?.hasPrefix("stringMatching(/(unclosed/) is not a valid regular expression: ") == true)
    }

    @Test("stringContaining matches a substring, character by character")
    func containing() {
        #expect(Matcher.stringContaining("s3:::").matches("arn:aws:s3:::logs"))
        #expect(!Matcher.stringContaining("s3.*").matches("arn:aws:s3:::logs"))
    }

    @Test("an intrinsic matches as its long form: .ref, the long-form object and a plain Value all match a Ref")
    func ref() {
        let value: Value = ["Bucket": .ref("Exports")]
        #expect((["Bucket": .ref("Exports")] as Matcher).matches(value))
        #expect((["Bucket": ["Ref": "Exports"]] as Matcher).matches(value))
        #expect((["Bucket": .ref(.stringMatching("Exp.*"))] as Matcher).matches(value))
        #expect(Matcher(["Bucket": .ref("Exports")] as Value).matches(value))
        #expect(messages(["Bucket": .ref("Imports")], value) == [#"Bucket.Ref: expected "Imports", found "Exports""#])
        #expect(messages(["Bucket": "Exports"], value) == [#"Bucket: expected "Exports", found {"Ref": "Exports"}"#])
        #expect(messages(["Bucket": .ref("Exports")], ["Bucket": "Exports"])
            == [#"Bucket: expected {"Ref": "Exports"}, found "Exports""#])
    }

    @Test("a mismatch inside a function's arguments is reported at its long-form path")
    func getAtt() {
        let value: Value = ["Role": .getAtt("ExportRole", "Arn")]
        #expect((["Role": .getAtt("ExportRole", "Arn")] as Matcher).matches(value))
        #expect((["Role": .getAtt(.anyValue, "Arn")] as Matcher).matches(value))
        #expect(messages(["Role": .getAtt("ExportRole", "RoleId")], value)
            == [#"Role.Fn::GetAtt[1]: expected "RoleId", found "Arn""#])
        #expect(messages(["Role": .ref("ExportRole")], value) == [
            #"Role.Ref: missing (expected "ExportRole")"#,
            #"Role.Fn::GetAtt: unexpected key (the pattern allows only "Ref"), found ["ExportRole", "Arn"]"#,
        ])
    }

    @Test("Sub, Join, ImportValue and any other function, with matchers in their arguments")
    func otherFunctions() {
        let value: Value = [
            "Name": .sub("${AWS::StackName}-orders"),
            "WithVariables": .sub("${Prefix}-x", ["Prefix": "p"]),
            "Joined": .join(",", ["a", .ref("B")]),
            "Imported": .importValue("SharedVpc"),
            "Chosen": .select(0, .getAZs()),
        ]
        let pattern: Matcher = [
            "Name": .sub(.stringContaining("-orders")),
            "WithVariables": .function("Fn::Sub", ["${Prefix}-x", ["Prefix": "p"]]),
            "Joined": .join(",", .arrayContaining([.ref("B")])),
            "Imported": .importValue("SharedVpc"),
            "Chosen": .function("Fn::Select", [0, .anyValue]),
        ]
        #expect(pattern.matches(value))
        #expect(Matcher(value).matches(value))
        #expect(messages(["WithVariables": .sub("${Prefix}-x")], value)
            == [#"WithVariables.Fn::Sub: expected "${Prefix}-x", found ["${Prefix}-x", {"Prefix": "p"}]"#])
    }

    @Test("a nested intrinsic pattern compares the whole function")
    func nestedIntrinsic() {
        let value: Value = ["Memory": .findInMap("Sizes", .ref("Environment"), "Memory")]
        #expect(Matcher(value).matches(value))
        #expect(messages(Matcher(["Memory": .findInMap("Sizes", .ref("Stage"), "Memory")] as Value), value)
            == [#"Memory.Fn::FindInMap[1].Ref: expected "Stage", found "Environment""#])
    }
}
