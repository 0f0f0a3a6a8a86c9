@testable import CloudFormation
import Foundation
import Testing

/// Where the validator is pointed in these tests: a resource's Properties.
private let base: TemplatePath = ["Resources", "R", "Properties"]

/// Parses an inline schema document; a test schema that does not parse is a
/// bug in the test, so it fails loudly.
private func schema(_ json: String) throws -> JSONSchema {
    try JSONSchema(json: json)
}

/// The violations as `path: message` lines, which is what a reader sees.
private func problems(_ value: Value, _ json: String) throws -> [String] {
    SchemaValidator.validate(value, against: try schema(json), at: base).map(\.description)
}

/// A schema with one property `A` described by `property` (a JSON object).
private func problems(ofA value: Value, _ property: String) throws -> [String] {
    try problems(["A": value], #"{"properties": {"A": \#(property)}}"#)
}

@Suite("Schema validation of resource properties")
struct SchemaValidatorTests {
    // MARK: type and leniency

    @Test("type: a value of the wrong type is named with its type and value")
    func typeMismatch() throws {
        #expect(try problems(ofA: "abc", #"{"type": "integer"}"#) == [
            "Resources.R.Properties.A: expected integer, found string 'abc'",
        ])
        #expect(try problems(ofA: ["x"], #"{"type": ["integer", "string"]}"#) == [
            "Resources.R.Properties.A: expected integer or string, found array",
        ])
        #expect(try problems(ofA: ["B": 1], #"{"type": ["string", "number", "boolean"]}"#) == [
            "Resources.R.Properties.A: expected string, number or boolean, found object",
        ])
        #expect(try problems(ofA: .null, #"{"type": "string"}"#) == ["Resources.R.Properties.A: expected string, found null"])
        #expect(try problems(ofA: true, #"{"type": "integer"}"#) == ["Resources.R.Properties.A: expected integer, found boolean true"])
        #expect(try problems(ofA: 2.5, #"{"type": "integer"}"#) == ["Resources.R.Properties.A: expected integer, found number 2.5"])
        #expect(try problems(ofA: "1.5", #"{"type": "integer"}"#) == ["Resources.R.Properties.A: expected integer, found string '1.5'"])
        #expect(try problems(ofA: "maybe", #"{"type": "boolean"}"#) == ["Resources.R.Properties.A: expected boolean, found string 'maybe'"])
        #expect(try problems(ofA: "1e", #"{"type": "number"}"#) == ["Resources.R.Properties.A: expected number, found string '1e'"])
        #expect(try problems(ofA: "x", #"{"type": "array"}"#) == ["Resources.R.Properties.A: expected array, found string 'x'"])
    }

    @Test("type: scalars are read as leniently as CloudFormation reads them")
    func lenientTypes() throws {
        let accepted: [(Value, String)] = [
            ("5", "integer"), ("-12", "integer"), ("123456789012345678901234", "integer"), (5.0, "integer"),
            ("5", "number"), ("2.5", "number"), ("1e3", "number"), (5, "number"), (2.5, "number"),
            ("true", "boolean"), ("False", "boolean"), (true, "boolean"),
            (5, "string"), (2.5, "string"), (true, "string"),
            (.null, "null"), ([], "array"), (["B": 1], "object"),
        ]
        for (value, type) in accepted {
            #expect(try problems(ofA: value, #"{"type": "\#(type)"}"#) == [], "\(value) as \(type)")
        }
    }

    @Test("a violation found again, such as by both branches of an Fn::If, is reported once")
    func duplicatesCollapse() throws {
        #expect(try problems(ofA: .if("C", "x", else: "y"), #"{"type": "integer"}"#) == [
            "Resources.R.Properties.A.Fn::If[1]: expected integer, found string 'x'",
            "Resources.R.Properties.A.Fn::If[2]: expected integer, found string 'y'",
        ])
        #expect(try problems(ofA: "x", #"{"allOf": [{"type": "integer"}, {"type": "integer"}]}"#) == [
            "Resources.R.Properties.A: expected integer, found string 'x'",
        ])
    }

    @Test("a wrong type is reported alone, not with the keywords of the right type")
    func typeStopsTheNode() throws {
        #expect(try problems(ofA: ["x", "y", "z"], #"{"type": "string", "maxLength": 1, "enum": ["a"]}"#) == [
            "Resources.R.Properties.A: expected string, found array",
        ])
    }

    // MARK: enum and const

    @Test("enum: the value and the allowed values are named; comparison is lenient")
    func enumValues() throws {
        let billing = #"{"type": "string", "enum": ["PAY_PER_REQUEST", "PROVISIONED"]}"#
        #expect(try problems(ofA: "PAY_PER_REQEST", billing) == [
            "Resources.R.Properties.A: 'PAY_PER_REQEST' is not one of PAY_PER_REQUEST, PROVISIONED",
        ])
        #expect(try problems(ofA: "5", #"{"enum": [5, 10]}"#) == [])
        #expect(try problems(ofA: 5, #"{"enum": ["5", "10"]}"#) == [])
        #expect(try problems(ofA: 5.0, #"{"enum": [5]}"#) == [])
        #expect(try problems(ofA: "true", #"{"enum": [true]}"#) == [])
        #expect(try problems(ofA: "5.0", #"{"enum": [5, 10]}"#) == ["Resources.R.Properties.A: '5.0' is not one of 5, 10"])
        #expect(try problems(ofA: 1, #"{"enum": [true, false]}"#) == ["Resources.R.Properties.A: 1 is not one of true, false"])
        #expect(try problems(ofA: ["B": 1, "C": "x"], #"{"enum": [{"C": "x", "B": "1"}]}"#) == [])
    }

    @Test("enum: a long list is counted, with a suggestion for a near miss")
    func longEnum() throws {
        let names = (1...20).map { "\"runtime\($0)\"" }.joined(separator: ", ")
        #expect(try problems(ofA: "runtme7", #"{"enum": [\#(names)]}"#) == [
            "Resources.R.Properties.A: 'runtme7' is not one of the 20 allowed values; did you mean 'runtime7'?",
        ])
        #expect(try problems(ofA: "zzz", #"{"enum": [\#(names)]}"#) == [
            "Resources.R.Properties.A: 'zzz' is not one of the 20 allowed values (runtime1, runtime2, runtime3, runtime4, runtime5, runtime6, runtime7, runtime8, runtime9, runtime10, runtime11, runtime12, …)",
        ])
    }

    @Test("const: the one allowed value")
    func constValue() throws {
        #expect(try problems(ofA: "RANGE", #"{"const": "HASH"}"#) == ["Resources.R.Properties.A: 'RANGE' must be HASH"])
        #expect(try problems(ofA: "HASH", #"{"const": "HASH"}"#) == [])
        #expect(try problems(ofA: "1", #"{"const": 1}"#) == [])
    }

    // MARK: strings

    @Test("pattern: searched, not anchored, and matched against the text of numbers too")
    func pattern() throws {
        #expect(try problems(ofA: "abc", #"{"type": "string", "pattern": "^[0-9]+$"}"#) == [
            "Resources.R.Properties.A: 'abc' does not match the pattern ^[0-9]+$",
        ])
        #expect(try problems(ofA: "xx42yy", #"{"pattern": "[0-9]+"}"#) == [])
        #expect(try problems(ofA: 42, #"{"pattern": "^[0-9]+$"}"#) == [])
        #expect(try problems(ofA: 4.5, #"{"pattern": "^[0-9]+$"}"#) == ["Resources.R.Properties.A: 4.5 does not match the pattern ^[0-9]+$"])
        // A long value is cut short in the message; the template has it whole.
        let long = String(repeating: "a", count: 150)
        #expect(try problems(ofA: .string(long), #"{"pattern": "^b"}"#) == [
            "Resources.R.Properties.A: '\(String(repeating: "a", count: 99))…' does not match the pattern ^b",
        ])
    }

    @Test("pattern: ECMA-262 meaning where ICU differs, and a pattern that cannot compile is ignored")
    func ecmaPatterns() throws {
        // \d is ASCII-only in ECMA-262; ICU would accept the Arabic-Indic digit.
        #expect(try problems(ofA: "\u{0663}", #"{"pattern": "^\\d$"}"#) == [
            "Resources.R.Properties.A: '\u{0663}' does not match the pattern ^\\d$",
        ])
        // A `}` outside a quantifier and `[` inside a class are literals in ECMA.
        #expect(try problems(ofA: "{config-name}", #"{"pattern": "^(\\{config\\-name}|x)$"}"#) == [])
        #expect(try problems(ofA: "a[b", #"{"pattern": "^[a-z[]+$"}"#) == [])
        #expect(try problems(ofA: "a{2}", #"{"pattern": "^a{2}$"}"#) == ["Resources.R.Properties.A: 'a{2}' does not match the pattern ^a{2}$"])
        // Braces of a property escape are the escape's; a quantified `$` still compiles.
        #expect(try problems(ofA: "Grüße", #"{"pattern": "^\\p{L}+$"}"#) == [])
        #expect(try problems(ofA: "a1", #"{"pattern": "^\\p{L}+$"}"#) == ["Resources.R.Properties.A: 'a1' does not match the pattern ^\\p{L}+$"])
        #expect(try problems(ofA: "a b", #"{"pattern": "^([a-z]*)${1,256}"}"#) == ["Resources.R.Properties.A: 'a b' does not match the pattern ^([a-z]*)${1,256}"])
        // `$` is the end of the input, not the end before a final line break.
        #expect(try problems(ofA: "abc\n", #"{"pattern": "^abc$"}"#) == ["Resources.R.Properties.A: 'abc\\n' does not match the pattern ^abc$"])
        // A quantified lookahead compiles in neither ICU nor here: ignored, never a crash.
        #expect(try problems(ofA: "anything", #"{"pattern": "^(/(?!\\.)+x)$"}"#) == [])
        #expect(try problems(ofA: "anything", #"{"pattern": "(unclosed"}"#) == [])
    }

    @Test("minLength and maxLength count Unicode scalars, and apply to strings only")
    func lengths() throws {
        let bounded = #"{"minLength": 1, "maxLength": 256}"#
        #expect(try problems(ofA: .string(String(repeating: "x", count: 300)), bounded) == [
            "Resources.R.Properties.A: length 300 is more than the maximum 256",
        ])
        #expect(try problems(ofA: "", bounded) == ["Resources.R.Properties.A: length 0 is less than the minimum 1"])
        // Two scalars (a flag is two regional indicators) but one Character.
        #expect(try problems(ofA: "🇫🇷", #"{"maxLength": 1}"#) == ["Resources.R.Properties.A: length 2 is more than the maximum 1"])
        #expect(try problems(ofA: "é", #"{"maxLength": 1}"#) == [])
        #expect(try problems(ofA: 123_456, #"{"maxLength": 2}"#) == [])
    }

    // MARK: numbers

    @Test("minimum, maximum and their exclusive forms, on numbers and numeric strings")
    func ranges() throws {
        let range = #"{"type": "integer", "minimum": 1, "maximum": 900}"#
        #expect(try problems(ofA: 0, range) == ["Resources.R.Properties.A: 0 is less than the minimum 1"])
        #expect(try problems(ofA: 901, range) == ["Resources.R.Properties.A: 901 is more than the maximum 900"])
        #expect(try problems(ofA: "0", range) == ["Resources.R.Properties.A: '0' is less than the minimum 1"])
        #expect(try problems(ofA: 900, range) == [])
        #expect(try problems(ofA: 0.5, #"{"minimum": 0.75}"#) == ["Resources.R.Properties.A: 0.5 is less than the minimum 0.75"])
        let exclusive = #"{"exclusiveMinimum": 0, "exclusiveMaximum": 100}"#
        #expect(try problems(ofA: 0, exclusive) == ["Resources.R.Properties.A: 0 is not more than the exclusive minimum 0"])
        #expect(try problems(ofA: 100, exclusive) == ["Resources.R.Properties.A: 100 is not less than the exclusive maximum 100"])
        #expect(try problems(ofA: 50, exclusive) == [])
        // Draft-04 spelling: a flag that makes minimum exclusive.
        #expect(try problems(ofA: 1, #"{"minimum": 1, "exclusiveMinimum": true}"#) == [
            "Resources.R.Properties.A: 1 is not more than the exclusive minimum 1",
        ])
        #expect(try problems(ofA: "abc", #"{"minimum": 1}"#) == [])
    }

    // MARK: arrays

    @Test("minItems, maxItems and uniqueItems; Ref AWS::NoValue items are not counted")
    func arrays() throws {
        let bounded = #"{"type": "array", "minItems": 1, "maxItems": 2}"#
        #expect(try problems(ofA: ["a", "b", "c"], bounded) == ["Resources.R.Properties.A: 3 items, more than the maximum 2"])
        #expect(try problems(ofA: [], bounded) == ["Resources.R.Properties.A: 0 items, fewer than the minimum 1"])
        #expect(try problems(ofA: [.ref("AWS::NoValue")], bounded) == ["Resources.R.Properties.A: 0 items, fewer than the minimum 1"])
        #expect(try problems(ofA: ["a", "b", .ref("AWS::NoValue")], bounded) == [])
        #expect(try problems(ofA: ["a", "b"], #"{"minItems": 3}"#) == ["Resources.R.Properties.A: 2 items, fewer than the minimum 3"])
        #expect(try problems(ofA: ["a"], #"{"minItems": 2}"#) == ["Resources.R.Properties.A: 1 item, fewer than the minimum 2"])

        #expect(try problems(ofA: ["x", 1, "y", "1", "x"], #"{"uniqueItems": true}"#) == [
            "Resources.R.Properties.A[3]: '1' is the same as item 1; items must be unique",
            "Resources.R.Properties.A[4]: 'x' is the same as item 0; items must be unique",
        ])
        #expect(try problems(ofA: [["K": 1, "V": 2], ["V": 2, "K": 1]], #"{"uniqueItems": true}"#) == [
            "Resources.R.Properties.A[1]: {V: 2, K: 1} is the same as item 0; items must be unique",
        ])
        #expect(try problems(ofA: ["x", "X"], #"{"uniqueItems": true}"#) == [])
    }

    @Test("uniqueItems: an intrinsic is the same item only as the same function of the same arguments")
    func uniqueIntrinsics() throws {
        let unique = #"{"uniqueItems": true}"#
        let duplicates = try problems(ofA: [.getAtt("Table", "Arn"), .getAtt("Table", "StreamArn"), .getAtt("Table", "Arn")], unique)
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.hasPrefix("Resources.R.Properties.A[2]: ") == true)
        #expect(duplicates.first?.hasSuffix(" is the same as item 0; items must be unique") == true)
        // Same arguments, different functions; arguments that only look alike.
        #expect(try problems(ofA: [.ref("Table"), .intrinsic(.condition("Table"))], unique) == [])
        #expect(try problems(ofA: [.getAtt("A", "BC"), .getAtt("AB", "C")], unique) == [])
        #expect(try problems(ofA: [.join("-", ["a", "b"]), .join("-", ["a", "b"]), .join(",", ["a", "b"])], unique).count == 1)
        #expect(try problems(ofA: [.sub("${A}", ["A": "x"]), .sub("${A}", ["A": "y"])], unique) == [])
    }

    @Test("items: every item is checked at its index")
    func items() throws {
        #expect(try problems(ofA: ["ok", 5, "also"], #"{"items": {"type": "string", "pattern": "^[a-z]+$"}}"#) == [
            "Resources.R.Properties.A[1]: 5 does not match the pattern ^[a-z]+$",
        ])
        #expect(try problems(ofA: [["N": 1], ["N": "x"]], #"{"items": {"properties": {"N": {"type": "integer"}}}}"#) == [
            "Resources.R.Properties.A[1].N: expected integer, found string 'x'",
        ])
        #expect(try problems(ofA: [1, "x"], #"{"items": [{"type": "integer"}, {"type": "integer"}]}"#) == [
            "Resources.R.Properties.A[1]: expected integer, found string 'x'",
        ])
    }

    // MARK: objects

    @Test("required: a missing property is named at the object's path; Ref AWS::NoValue counts as missing")
    func required() throws {
        let document = #"{"properties": {"Role": {}, "Code": {}}, "required": ["Code", "Role"]}"#
        #expect(try problems(["Code": "x"], document) == ["Resources.R.Properties: required property 'Role' is missing"])
        #expect(try problems(["Code": "x", "Role": .ref("AWS::NoValue")], document) == [
            "Resources.R.Properties: required property 'Role' is missing",
        ])
        #expect(try problems(["Code": "x", "Role": .getAtt("R", "Arn")], document) == [])
        #expect(try problems(["Code": "x", "Role": .if("C", "a", else: .ref("AWS::NoValue"))], document) == [])
        #expect(try problems([:], document) == [
            "Resources.R.Properties: required property 'Code' is missing",
            "Resources.R.Properties: required property 'Role' is missing",
        ])
    }

    @Test("additionalProperties false: an unknown name, with a suggestion when it is a small edit away")
    func additionalPropertiesForbidden() throws {
        let document = #"{"properties": {"Bucket": {}, "Key": {}}, "additionalProperties": false}"#
        #expect(try problems(["Bukcet": "b", "Colour": "red", "bucket": "c"], document) == [
            "Resources.R.Properties.Bukcet: 'Bukcet' is not a property here; did you mean 'Bucket'?",
            "Resources.R.Properties.Colour: 'Colour' is not a property here",
            "Resources.R.Properties.bucket: 'bucket' is not a property here; did you mean 'Bucket'?",
        ])
        #expect(try problems(["Bukcet": .ref("AWS::NoValue")], document) == [])
        #expect(try problems(["Bukcet": .ref("Param")], document) == [
            "Resources.R.Properties.Bukcet: 'Bukcet' is not a property here; did you mean 'Bucket'?",
        ])
    }

    @Test("additionalProperties as a schema, and patternProperties")
    func additionalAndPatternProperties() throws {
        let document = #"""
        {"properties": {"Name": {"type": "string"}},
         "patternProperties": {"^x-": {"type": "integer"}, "^x-long": {"minimum": 10}},
         "additionalProperties": {"type": "boolean"}}
        """#
        #expect(try problems(["Name": "n", "x-a": "one", "x-long": 5, "Flag": "maybe"], document) == [
            "Resources.R.Properties.x-a: expected integer, found string 'one'",
            "Resources.R.Properties.x-long: 5 is less than the minimum 10",
            "Resources.R.Properties.Flag: expected boolean, found string 'maybe'",
        ])
        #expect(try problems(["x-b": 1, "Flag": "TRUE"], document) == [])
    }

    @Test("the root is the Properties object: its type is object unless the document says otherwise")
    func rootIsAnObject() throws {
        #expect(try problems("text", #"{"properties": {}}"#) == ["Resources.R.Properties: expected object, found string 'text'"])
        #expect(try problems("text", #"{"type": "string", "maxLength": 2}"#) == ["Resources.R.Properties: length 4 is more than the maximum 2"])
        #expect(try problems(.ref("Param"), #"{"required": ["A"]}"#) == [])
    }

    @Test("requiredOr: at least one of the listed properties")
    func requiredOr() throws {
        let document = #"{"properties": {"EventPattern": {}, "ScheduleExpression": {}, "State": {}}, "requiredOr": ["EventPattern", "ScheduleExpression"]}"#
        #expect(try problems(["State": "ENABLED"], document) == [
            "Resources.R.Properties: one of EventPattern, ScheduleExpression is required",
        ])
        #expect(try problems(["ScheduleExpression": "rate(1 day)"], document) == [])
        #expect(try problems(["ScheduleExpression": .ref("AWS::NoValue")], document) == [
            "Resources.R.Properties: one of EventPattern, ScheduleExpression is required",
        ])
    }

    @Test("dependencies (both forms) and dependentRequired: a property that needs another")
    func dependencies() throws {
        let document = #"""
        {"dependencies": {"RecoveryPeriodInDays": ["PointInTimeRecoveryEnabled"], "Mode": {"required": ["Level"]}},
         "dependentRequired": {"KMSMasterKeyId": ["SSEType", "SSEEnabled"]}}
        """#
        #expect(try problems(["KMSMasterKeyId": "k", "RecoveryPeriodInDays": 7, "Mode": "x", "SSEEnabled": true], document) == [
            "Resources.R.Properties.KMSMasterKeyId: 'KMSMasterKeyId' requires 'SSEType'",
            "Resources.R.Properties.RecoveryPeriodInDays: 'RecoveryPeriodInDays' requires 'PointInTimeRecoveryEnabled'",
            "Resources.R.Properties: required property 'Level' is missing",
        ])
        #expect(try problems(["RecoveryPeriodInDays": 7, "PointInTimeRecoveryEnabled": true, "Mode": "x", "Level": 1], document) == [])
        #expect(try problems(["RecoveryPeriodInDays": .ref("AWS::NoValue")], document) == [])
    }

    @Test("dependentExcluded: two properties that cannot be used together, reported once per pair")
    func dependentExcluded() throws {
        let document = #"""
        {"dependentExcluded": {"CustomOriginConfig": ["S3OriginConfig"], "S3OriginConfig": ["CustomOriginConfig"],
                               "SourceDBInstanceIdentifier": ["MasterUsername", "MasterUserPassword"]}}
        """#
        #expect(try problems(["CustomOriginConfig": [:], "S3OriginConfig": [:]], document) == [
            "Resources.R.Properties.S3OriginConfig: 'CustomOriginConfig' cannot be used together with 'S3OriginConfig'",
        ])
        #expect(try problems(["MasterUserPassword": "p", "SourceDBInstanceIdentifier": "db", "MasterUsername": "u"], document) == [
            "Resources.R.Properties.MasterUsername: 'SourceDBInstanceIdentifier' cannot be used together with 'MasterUsername'",
            "Resources.R.Properties.MasterUserPassword: 'SourceDBInstanceIdentifier' cannot be used together with 'MasterUserPassword'",
        ])
        #expect(try problems(["SourceDBInstanceIdentifier": "db", "MasterUsername": .ref("AWS::NoValue")], document) == [])
    }

    // MARK: combinators

    @Test("anyOf: no branch matches, summarized in one violation")
    func anyOf() throws {
        let document = #"""
        {"properties": {"PolicyName": {}, "Users": {}, "Groups": {}, "Roles": {}, "Other": {}},
         "anyOf": [{"required": ["Users"]}, {"required": ["Groups"]}, {"required": ["Roles"]}, {"required": ["Other"]}]}
        """#
        #expect(try problems(["PolicyName": "p"], document) == [
            "Resources.R.Properties: matches none of the allowed shapes: required property 'Users' is missing; required property 'Groups' is missing; required property 'Roles' is missing; and 1 more",
        ])
        #expect(try problems(["PolicyName": "p", "Roles": ["r"], "Groups": ["g"]], document) == [])
    }

    @Test("oneOf: none matches, or more than one surely matches")
    func oneOf() throws {
        let document = #"""
        {"properties": {"Code": {"oneOf": [
            {"type": "object", "properties": {"ZipFile": {"maxLength": 3}}, "required": ["ZipFile"]},
            {"type": "object", "required": ["S3Bucket"]},
            {"type": "string"}]}}}
        """#
        #expect(try problems(["Code": ["ZipFile": "abcdef"]], document) == [
            "Resources.R.Properties.Code: matches none of the allowed shapes: ZipFile: length 6 is more than the maximum 3; required property 'S3Bucket' is missing",
        ])
        #expect(try problems(["Code": 5.5], #"{"properties": {"Code": {"oneOf": [{"type": "object"}, {"type": "array"}]}}}"#) == [
            "Resources.R.Properties.Code: matches none of the allowed shapes: expected object, found number 5.5; expected array, found number 5.5",
        ])
        #expect(try problems(["Code": ["ZipFile": "abc", "S3Bucket": "b"]], document) == [
            "Resources.R.Properties.Code: matches more than one of the allowed shapes (requiring 'ZipFile'; requiring 'S3Bucket'); exactly one must match",
        ])
        #expect(try problems(["Code": ["S3Bucket": "b"]], document) == [])
        #expect(try problems(["Code": "inline"], document) == [])
    }

    @Test("oneOf: branches that match only because an intrinsic was taken on trust are not counted twice")
    func oneOfWithIntrinsics() throws {
        let document = #"{"properties": {"Size": {"oneOf": [{"type": "integer"}, {"type": "string", "pattern": "^[a-z]+$"}]}}}"#
        #expect(try problems(["Size": .ref("Param")], document) == [])
        #expect(try problems(["Size": "abc"], document) == [])
        #expect(try problems(["Size": "12"], document) == [])
        let overlapping = #"{"properties": {"Size": {"oneOf": [{"type": "integer"}, {"minimum": 5}]}}}"#
        #expect(try problems(["Size": 10], overlapping) == [
            "Resources.R.Properties.Size: matches more than one of the allowed shapes (shape 1; shape 2); exactly one must match",
        ])
        #expect(try problems(["Size": .ref("Param")], overlapping) == [])
        #expect(try problems(["Size": .if("C", .ref("Param"), else: 2)], overlapping) == [])
    }

    @Test("allOf reports each branch's violations; not forbids a value; if/then/else picks a branch")
    func allOfNotAndConditionals() throws {
        let document = #"""
        {"properties": {"Engine": {}, "MasterUsername": {}, "Domain": {}, "CustomDomainConfig": {}},
         "allOf": [
            {"properties": {"MasterUsername": {"not": {"enum": ["rdsadmin"]}}}},
            {"if": {"properties": {"Engine": {"enum": ["postgresql"]}}, "required": ["Engine"]},
             "then": {"properties": {"MasterUsername": {"not": {"enum": ["admin"]}}}},
             "else": {"properties": {"MasterUsername": {"maxLength": 5}}}},
            {"not": {"required": ["CustomDomainConfig"]}}
         ]}
        """#
        #expect(try problems(["MasterUsername": "rdsadmin"], document) == [
            "Resources.R.Properties.MasterUsername: 'rdsadmin' is not allowed here",
            "Resources.R.Properties.MasterUsername: length 8 is more than the maximum 5",
        ])
        #expect(try problems(["Engine": "postgresql", "MasterUsername": "admin"], document) == [
            "Resources.R.Properties.MasterUsername: 'admin' is not allowed here",
        ])
        #expect(try problems(["Engine": "mysql", "MasterUsername": "admin"], document) == [])
        #expect(try problems(["CustomDomainConfig": [:]], document) == [
            "Resources.R.Properties: 'CustomDomainConfig' must not be set here",
        ])
        // The test depends on an intrinsic: neither then nor else applies.
        #expect(try problems(["Engine": .ref("Engine"), "MasterUsername": "administrator"], document) == [])
    }

    @Test("the boolean schema false allows nothing")
    func falseSchema() throws {
        #expect(try problems(ofA: "x", "false") == ["Resources.R.Properties.A: no value is allowed here"])
        #expect(try problems(ofA: "x", "true") == [])
    }

    // MARK: intrinsic functions

    @Test("intrinsics pass type, enum, pattern, length and range checks")
    func intrinsicsPass() throws {
        let strict = #"{"type": "integer", "enum": [1, 2], "pattern": "^1$", "minimum": 1, "maxLength": 1}"#
        for value: Value in [.ref("Param"), .sub("${AWS::Region}"), .getAtt("R", "Size"), .findInMap("M", "a", "b"), .select(0, .getAZs())] {
            #expect(try problems(ofA: value, strict) == [], "\(value)")
        }
        #expect(try problems(ofA: .split(",", .ref("List")), #"{"type": "array", "minItems": 5}"#) == [])
    }

    @Test("an object with intrinsic entries is still checked for its literal entries, required and additional properties")
    func objectsWithIntrinsics() throws {
        let document = #"""
        {"properties": {"Name": {"type": "string", "maxLength": 3}, "Size": {"type": "integer"}, "Role": {}},
         "required": ["Role", "Size"], "additionalProperties": false}
        """#
        #expect(try problems(["Name": .sub("${AWS::StackName}-long-name"), "Size": "big", "Nmae": .ref("X")], document) == [
            "Resources.R.Properties: required property 'Role' is missing",
            "Resources.R.Properties.Size: expected integer, found string 'big'",
            "Resources.R.Properties.Nmae: 'Nmae' is not a property here; did you mean 'Name'?",
        ])
    }

    @Test("Fn::If is checked as both branches, skipping Ref AWS::NoValue")
    func fnIfBranches() throws {
        let document = #"{"properties": {"Timeout": {"type": "integer", "minimum": 1}, "Config": {"required": ["Mode"]}}}"#
        #expect(try problems(["Timeout": .if("IsProd", 0, else: "soon")], document) == [
            "Resources.R.Properties.Timeout.Fn::If[1]: 0 is less than the minimum 1",
            "Resources.R.Properties.Timeout.Fn::If[2]: expected integer, found string 'soon'",
        ])
        #expect(try problems(["Timeout": .if("IsProd", 30, else: .ref("AWS::NoValue"))], document) == [])
        #expect(try problems(["Config": .if("IsProd", ["Mode": "a"], else: ["Other": 1])], document) == [
            "Resources.R.Properties.Config.Fn::If[2]: required property 'Mode' is missing",
        ])
        #expect(try problems(["Timeout": .if("A", .if("B", 1, else: -1), else: 2)], document) == [
            "Resources.R.Properties.Timeout.Fn::If[1].Fn::If[2]: -1 is less than the minimum 1",
        ])
        // A whole Properties object chosen by a condition.
        #expect(try problems(.if("IsProd", ["Timeout": 0], else: ["Timeout": 5]), document) == [
            "Resources.R.Properties.Fn::If[1].Timeout: 0 is less than the minimum 1",
        ])
    }

    // MARK: references and parsing

    @Test("$ref resolves definitions, recursive ones included, to one parsed node each")
    func recursiveReferences() throws {
        let document = #"""
        {"properties": {"Root": {"$ref": "#/definitions/Node"}, "Other": {"$ref": "#/definitions/Node"},
                        "Leaf": {"$ref": "#/definitions/Node/properties/Name"}},
         "definitions": {
           "Node": {"type": "object", "additionalProperties": false, "required": ["Name"],
                    "properties": {"Name": {"type": "string", "pattern": "^[a-z]+$"},
                                   "Children": {"type": "array", "items": {"$ref": "#/definitions/Node"}}}},
           "Unused": {"type": "string"}}}
        """#
        let parsed = try schema(document)
        // The root, its three properties, Node, Node's Name (also Leaf's target), Children and
        // Children's items (a $ref back to Node): each parsed once, and Unused not at all.
        #expect(parsed.nodeCount == 8)
        let tree: Value = ["Name": "top", "Children": [["Name": "kid", "Children": [["Name": "Grand1"], ["Nmae": "x"]]]]]
        #expect(SchemaValidator.validate(["Root": tree, "Leaf": "ok"], against: parsed, at: base).map(\.description) == [
            "Resources.R.Properties.Root.Children[0].Children[0].Name: 'Grand1' does not match the pattern ^[a-z]+$",
            "Resources.R.Properties.Root.Children[0].Children[1]: required property 'Name' is missing",
            "Resources.R.Properties.Root.Children[0].Children[1].Nmae: 'Nmae' is not a property here; did you mean 'Name'?",
        ])
        #expect(SchemaValidator.validate(["Leaf": "UPPER"], against: parsed, at: base).map(\.description) == [
            "Resources.R.Properties.Leaf: 'UPPER' does not match the pattern ^[a-z]+$",
        ])
    }

    @Test("references that loop without descending into the value end, and references to nothing are ignored")
    func degenerateReferences() throws {
        let document = #"""
        {"properties": {"A": {"$ref": "#/definitions/Ping"}, "B": {"$ref": "#/definitions/Missing"},
                        "C": {"$ref": "other.json#/definitions/X"}, "D": {"$ref": "#/definitions/Loop"}},
         "definitions": {"Ping": {"$ref": "#/definitions/Pong"}, "Pong": {"allOf": [{"$ref": "#/definitions/Ping"}]},
                         "Loop": {"required": ["Z"], "anyOf": [{"$ref": "#/definitions/Loop"}, {"$ref": "#/definitions/Loop"}]}}}
        """#
        #expect(try problems(["A": 1, "B": 2, "C": 3], document) == [])
        #expect(try problems(["D": ["Y": 1]], document) == ["Resources.R.Properties.D: required property 'Z' is missing"])
    }

    @Test("malformed schema text is a clear error")
    func malformedJSON() {
        #expect(throws: JSONSchemaError.self) { try JSONSchema(json: #"{"properties": {"#) }
        #expect(throws: JSONSchemaError("the schema is not a JSON object")) { try JSONSchema(json: "[1, 2]") }
        do {
            _ = try JSONSchema(json: "{nope}")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("the schema is not valid JSON"))
        }
    }

    @Test("violations follow the order of the value's entries, whatever the schema's order")
    func deterministicOrder() throws {
        let document = #"{"properties": {"A": {"type": "integer"}, "B": {"type": "integer"}, "C": {"type": "integer"}}}"#
        #expect(try problems(["C": "c", "A": "a", "B": "b"], document) == [
            "Resources.R.Properties.C: expected integer, found string 'c'",
            "Resources.R.Properties.A: expected integer, found string 'a'",
            "Resources.R.Properties.B: expected integer, found string 'b'",
        ])
    }

    @Test("one parsed schema, compiled patterns included, serves many tasks at once")
    func concurrentUse() async throws {
        let shared = try schema(#"{"properties": {"A": {"pattern": "^[a-z]+$"}}}"#)
        let results = await withTaskGroup(of: [SchemaViolation].self) { group in
            for index in 0..<32 {
                group.addTask { SchemaValidator.validate(["A": index.isMultiple(of: 2) ? "ok" : "NO"], against: shared, at: []) }
            }
            var all: [[SchemaViolation]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.filter(\.isEmpty).count == 16)
        #expect(Set(results.joined().map(\.description)) == ["A: 'NO' does not match the pattern ^[a-z]+$"])
    }

    // MARK: the schemas shipped with cfn-lint

    @Test("the real AWS::Lambda::Function schema: a minimal function passes; a zero timeout, too much memory and a misspelling do not",
          .enabled(if: ShippedSchemas.directory != nil, ShippedSchemas.missingReason))
    func lambdaFunctionSchema() throws {
        guard let lambda = try Self.shippedSchema("408e096ba2007b98.json") else { return }
        let minimal: Object = [
            "Code": ["ZipFile": "x"],
            "Role": "arn:aws:iam::123456789012:role/r",
            "Runtime": "python3.12",
            "Handler": "index.handler",
        ]
        #expect(SchemaValidator.validate(.object(minimal), against: lambda, at: base) == [])

        var broken = minimal
        broken["Timeout"] = 0
        // The schema's maximum is 32768 MB (it was 10240 in older schemas, where 20000 was too much).
        broken["MemorySize"] = 40000
        broken["Handlr"] = "index.handler"
        broken["Runtime"] = "pyhton3.12"
        #expect(SchemaValidator.validate(.object(broken), against: lambda, at: base).map(\.description) == [
            "Resources.R.Properties.Runtime: 'pyhton3.12' is not one of the \(Self.lambdaRuntimeCount(lambda)) allowed values; did you mean 'python3.12'?",
            "Resources.R.Properties.Timeout: 0 is less than the minimum 1",
            "Resources.R.Properties.MemorySize: 40000 is more than the maximum 32768",
            "Resources.R.Properties.Handlr: 'Handlr' is not a property here; did you mean 'Handler'?",
        ])
    }

    @Test("the real DynamoDB, Events, IAM and S3 schemas give the messages their users need",
          .enabled(if: ShippedSchemas.directory != nil, ShippedSchemas.missingReason))
    func otherShippedSchemas() throws {
        if let table = try Self.shippedSchema("8de1012311991c4d.json") {
            let value: Value = [
                "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
                "BillingMode": "PAY_PER_REQEST",
            ]
            #expect(SchemaValidator.validate(value, against: table, at: base).map(\.description) == [
                "Resources.R.Properties.BillingMode: 'PAY_PER_REQEST' is not one of PAY_PER_REQUEST, PROVISIONED",
            ])
        }
        if let rule = try Self.shippedSchema("17f1d0bd2ac17e93.json") {
            #expect(SchemaValidator.validate(["State": "ENABLED"], against: rule, at: base).map(\.description) == [
                "Resources.R.Properties: one of EventPattern, ScheduleExpression is required",
            ])
        }
        if let policy = try Self.shippedSchema("e5e537f8148deae4.json") {
            let value: Value = ["PolicyName": "p", "PolicyDocument": ["Version": "2012-10-17", "Statement": []]]
            #expect(SchemaValidator.validate(value, against: policy, at: base).map(\.description) == [
                "Resources.R.Properties: matches none of the allowed shapes: required property 'Users' is missing; required property 'Groups' is missing; required property 'Roles' is missing",
            ])
        }
        if let bucket = try Self.shippedSchema("69ff2c30cdaed778.json") {
            let value: Value = [
                "BucketName": "my-bucket",
                "VersioningConfiguration": ["Status": "Enabled"],
                "LifecycleConfiguration": ["Rules": [["Status": "Enabled", "ExpirationInDays": "30", "Id": .sub("${AWS::StackName}")]]],
                "Tags": [["Key": "team", "Value": .ref("Team")]],
            ]
            #expect(SchemaValidator.validate(value, against: bucket, at: base) == [])
        }
    }

    @Test("every resource schema cfn-lint ships parses, and nearly all of their patterns compile",
          .enabled(if: ShippedSchemas.directory != nil, ShippedSchemas.missingReason))
    func allShippedSchemasParse() throws {
        guard let directory = ShippedSchemas.directory else { return }
        let files = try ShippedSchemas.files()
        #expect(files.count > 1000)
        for file in files {
            _ = try JSONSchema(contentsOf: directory.appendingPathComponent(file))
        }
        // Only constructs with no ICU equivalent are left unenforced: today two
        // patterns with a quantified lookahead, `(?!\.)+`.
        let uncompiled = try ShippedSchemas.patternSources().filter { !$0.isEmpty && !SchemaPattern($0).isEnforced }
        #expect(uncompiled.count <= 2, "\(uncompiled.sorted())")
    }

    // MARK: helpers

    /// The schema file from cfn-lint; the tests that read one are enabled
    /// only when cfn-lint is installed in `.venv` (`make test` installs it).
    private static func shippedSchema(_ file: String) throws -> JSONSchema? {
        let directory = try #require(ShippedSchemas.directory)
        return try JSONSchema(contentsOf: directory.appendingPathComponent(file))
    }

    /// How many runtimes the shipped Lambda schema lists, read from the same
    /// parsed schema, so the message test survives a cfn-lint update.
    private static func lambdaRuntimeCount(_ lambda: JSONSchema) -> Int {
        let runtime = lambda.nodes[lambda.rootIndex].properties["Runtime"]!
        return lambda.nodes[runtime].allowedValues?.texts.count ?? 0
    }
}
