import CloudFormation
import CloudFormationTesting
import Testing

@Suite("Matchers: lists")
struct ArrayMatcherTests {
    let letters: Value = ["List": ["a", "x", "b", "y"]]
    let tags: Value = ["Tags": [["Key": "Team", "Value": "data"], ["Key": "Env", "Value": "dev"]]]

    private func messages(_ pattern: Matcher, _ value: Value) -> [String] {
        pattern.mismatches(in: value).map(\.description)
    }

    @Test("a list literal needs the same elements in the same order and the same length")
    func listLiteral() {
        #expect((["List": ["a", "x", "b", "y"]] as Matcher).matches(letters))
        #expect(messages(["List": ["x", "a", "b", "y"]], letters) == [
            #"List[0]: expected "x", found "a""#,
            #"List[1]: expected "a", found "x""#,
        ])
        #expect(messages(["List": ["a", "x"]], letters)
            == [#"List: expected 2 elements, found 4: ["a", "x", "b", "y"] (arrayWith or arrayContaining allow other elements)"#])
        #expect(messages(["List": ["a", "x", "b", "y", "z"]], letters)
            == [#"List: expected 5 elements, found 4: ["a", "x", "b", "y"]"#])
        #expect(Matcher.arrayEquals(["a", "x", "b", "y"]).matches(["a", "x", "b", "y"]))
    }

    @Test("arrayWith finds the elements in the pattern's order, with others before, between and after")
    func arrayWithOrder() {
        #expect((["List": .arrayWith(["a", "b"])] as Matcher).matches(letters))
        #expect((["List": .arrayWith(["x", "y"])] as Matcher).matches(letters))
        #expect((["List": .arrayWith([])] as Matcher).matches(letters))
        #expect(messages(["List": .arrayWith(["b", "a"])], letters)
            == [#"List: no element after [2] matches "a"; [0] does, but arrayWith keeps the pattern's order (arrayContaining does not)"#])
        #expect(messages(["List": .arrayWith(["a", "c"])], letters)
            == [#"List: no element after [0] matches "c"; found ["a", "x", "b", "y"]"#])
    }

    @Test("arrayContaining finds the elements in any order")
    func arrayContainingAnyOrder() {
        #expect((["List": .arrayContaining(["b", "a"])] as Matcher).matches(letters))
        #expect(messages(["List": .arrayContaining(["y", "c"])], letters)
            == [#"List: no element matches "c"; found ["a", "x", "b", "y"]"#])
    }

    @Test("arrayContaining pairs each pattern element with a different element: [a, a] needs two")
    func arrayContainingDistinct() {
        #expect(!(["List": .arrayContaining(["a", "a"])] as Matcher).matches(letters))
        #expect(messages(["List": .arrayContaining(["a", "a"])], letters) == [
            #"List: "a" matches only [0], already paired with other pattern elements (arrayContaining needs a different element for each)"#,
        ])
        #expect((["List": .arrayContaining(["a", "a"])] as Matcher).matches(["List": ["a", "b", "a"]]))
    }

    @Test("arrayContaining finds a pairing whenever one exists, even when the first fit would block it")
    func arrayContainingAugments() {
        let value: Value = ["Tags": [["Key": "Env", "Value": "prod"], ["Key": "Env"]]]
        // The first pattern fits both elements; taken greedily it would take
        // [0], which the second pattern needs.
        let pattern: Matcher = ["Tags": .arrayContaining([["Key": "Env"], ["Key": "Env", "Value": "prod"]])]
        #expect(pattern.matches(value))
    }

    @Test("an unmatched object pattern shows the closest element and its mismatching paths")
    func closestElement() {
        #expect(messages(["Tags": .arrayContaining([["Key": "Env", "Value": "prod"]])], tags) == [
            #"Tags: no element matches {"Key": "Env", "Value": "prod"}; closest is [1]:"#,
            #"Tags[1].Value: expected "prod", found "dev""#,
        ])
        #expect(messages(["Tags": .arrayWith([["Key": "Env", "Value": "prod"]])], tags) == [
            #"Tags: no element matches {"Key": "Env", "Value": "prod"}; closest is [1]:"#,
            #"Tags[1].Value: expected "prod", found "dev""#,
        ])
    }

    @Test("an empty list, or something that is no list, fails the whole list pattern")
    func emptyAndNotAList() {
        #expect(messages(["List": .arrayWith(["a"])], ["List": []]) == [#"List: expected arrayWith(["a"]), found []"#])
        #expect(messages(["List": .arrayContaining(["a"])], ["List": "a"])
            == [#"List: expected arrayContaining(["a"]), found "a""#])
        #expect((["List": .arrayContaining([])] as Matcher).matches(["List": []]))
        #expect(!(["List": .arrayContaining([])] as Matcher).matches(["List": "a"]))
    }

    @Test("list patterns nest: an arrayWith element can be a partial object with lists inside")
    func nested() {
        let statements: Value = ["Statement": [
            ["Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"],
            ["Effect": "Deny", "Action": "s3:*", "Condition": ["Bool": ["aws:SecureTransport": false]]],
        ]]
        let pattern: Matcher = ["Statement": .arrayWith([
            ["Effect": "Allow", "Action": .arrayContaining(["s3:PutObject"])],
            ["Effect": "Deny", "Condition": ["Bool": ["aws:SecureTransport": false]]],
        ])]
        #expect(pattern.matches(statements))
    }
}
