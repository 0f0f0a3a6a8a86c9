import CloudFormation
import MacieIdentifiers
import Testing

/// Identifiers read from template resources: literal criteria only.
@Suite("Identifiers from a template")
struct TemplateReadingTests {
    static func resource(_ properties: Object, type: String = "AWS::Macie::CustomDataIdentifier") -> Resource {
        Resource("Identifier", type: type, properties: properties)
    }

    @Test("every criterion is read from literal values; a distance written as a string is a number")
    func literalValues() {
        let resource = Self.resource([
            "Name": "employee_id", "Regex": #"[A-Z]-\d{8}"#, "Description": "Employee IDs",
            "Keywords": ["employee", "employee ID"], "IgnoreWords": ["Z-00000000"], "MaximumMatchDistance": "20",
        ])
        #expect(CustomIdentifier(resource: resource) == CustomIdentifier(
            name: "employee_id", regex: #"[A-Z]-\d{8}"#, keywords: ["employee", "employee ID"],
            ignoreWords: ["Z-00000000"], maximumMatchDistance: 20))
    }

    @Test("absent optional properties are Macie's defaults")
    func defaults() {
        let identifier = CustomIdentifier(resource: Self.resource(["Name": "n", "Regex": "abc"]))
        #expect(identifier == CustomIdentifier(name: "n", regex: "abc", keywords: [], ignoreWords: [], maximumMatchDistance: 50))
    }

    @Test("a criterion known only at deployment, or another resource type, gives no identifier")
    func notLiteral() {
        #expect(CustomIdentifier(resource: Self.resource(["Name": .ref("NameParameter"), "Regex": "abc"])) == nil)
        #expect(CustomIdentifier(resource: Self.resource(["Name": "n", "Regex": "abc", "Keywords": ["ok", .ref("Keyword")]])) == nil)
        #expect(CustomIdentifier(resource: Self.resource(["Name": "n", "Regex": "abc", "MaximumMatchDistance": .ref("Distance")])) == nil)
        #expect(CustomIdentifier(resource: Self.resource(["Name": "n", "Regex": "abc"], type: "AWS::S3::Bucket")) == nil)
    }

    @Test("all(in:) keeps template order and skips what it cannot read")
    func allInTemplate() {
        let template = Template(resources: [
            Resource("Second", type: "AWS::Macie::CustomDataIdentifier", properties: ["Name": "b", "Regex": "b+"]),
            Resource("Bucket", type: "AWS::S3::Bucket"),
            Resource("Dynamic", type: "AWS::Macie::CustomDataIdentifier", properties: ["Name": .ref("N"), "Regex": "c"]),
            Resource("First", type: "AWS::Macie::CustomDataIdentifier", properties: ["Name": "a", "Regex": "a+"]),
        ])
        #expect(CustomIdentifier.all(in: template).map(\.name) == ["b", "a"])
        #expect(CustomIdentifier.named("a", in: template)?.regex == "a+")
        #expect(CustomIdentifier.named("c", in: template) == nil)
    }
}
