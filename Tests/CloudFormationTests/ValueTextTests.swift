import CloudFormation
import Testing

@Suite("A value on one line")
struct ValueTextTests {
    let value: Value = [
        "Name": .sub("${AWS::StackName}-orders"),
        "Arn": .getAtt("Queue", "Arn"),
        "Tags": ["5", 5, true, .null, .ref("Env")],
    ]

    @Test("JSON style: quoted keys, long-form intrinsics")
    func json() {
        #expect(ValueText.line(value, style: .json) == #"""
            {"Name": {"Fn::Sub": "${AWS::StackName}-orders"}, "Arn": {"Fn::GetAtt": ["Queue", "Arn"]}, \#
            "Tags": ["5", 5, true, null, {"Ref": "Env"}]}
            """#)
    }

    @Test("flow style: plain keys, short-form intrinsics, a function in a function keeps its tag")
    func flow() {
        #expect(ValueText.line(value, style: .flow) == #"""
            {Name: !Sub "${AWS::StackName}-orders", Arn: !GetAtt Queue.Arn, Tags: ["5", 5, true, null, !Ref Env]}
            """#)
        #expect(ValueText.line(.base64(.sub("echo ${X}")), style: .flow) == #"!Base64 !Sub "echo ${X}""#)
    }

    @Test("strings are escaped as JSON escapes them; a long line is cut and says how much is left out")
    func escapesAndCuts() {
        #expect(ValueText.line("line 1\n\"hi\"", style: .flow) == #""line 1\n\"hi\"""#)
        let long = Value.string(String(repeating: "a", count: ValueText.limit * 2))
        let cut = ValueText.truncatedLine(long, style: .json)
        #expect(cut.hasPrefix("\"" + String(repeating: "a", count: ValueText.limit - 1) + "…"))
        #expect(cut.hasSuffix("(\(ValueText.limit + 2) more characters)"))
        #expect(ValueText.truncatedLine("short", style: .json) == #""short""#)
    }

    @Test("the edit distance counts a swap of neighbours as one edit and ignores case")
    func editDistance() {
        #expect(SpellingSuggestion.distance("Bucket", "bucket") == 0)
        #expect(SpellingSuggestion.distance("Bukcet", "Bucket") == 1)
        #expect(SpellingSuggestion.distance("Table", "Tables") == 1)
        #expect(SpellingSuggestion.distance("", "abc") == 3)
        #expect(SpellingSuggestion.nearest(to: "Bukcet", among: ["Queue", "Bucket", "Buckets"]) == "Bucket")
    }
}
