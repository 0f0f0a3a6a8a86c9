import CloudFormation
import Foundation
import Testing
@testable import TemplateDiff

@Suite("Report formats: terminal, JSON, SARIF")
struct ReportFormatTests {
    /// A rename that loses data, a retained replacement, a broadened grant,
    /// a parameter and an output: one of each kind of finding.
    static let mixed = mixedChanges()

    static func mixedChanges() -> TemplateChanges {
        let old = Template(
            parameters: [Parameter("Environment", default: "dev", allowedValues: ["dev", "prod"])],
            resources: [
                Fixtures.dataBucket, Fixtures.table("PeopleTable"), Fixtures.bucket(name: "import-a"),
                Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects]),
            ],
            outputs: [Output("TableName", value: .ref("PeopleTable"), exportName: .sub("${AWS::StackName}-TableName"))])
        let new = Template(
            parameters: [Parameter("Environment", default: "prod", allowedValues: ["dev", "prod"])],
            resources: [
                Fixtures.dataBucket, Fixtures.table("CustomersTable"), Fixtures.bucket(name: "import-b"),
                Fixtures.role(actions: ["s3:Get*"], resources: [Fixtures.objects]),
            ],
            outputs: [Output("TableName", value: .ref("CustomersTable"))])
        return TemplateDiff.compare(old: old, new: new)
    }

    @Test("the terminal report of every kind of change")
    func terminal() throws {
        let text = Self.mixed.render(colour: false)
        #expect(text.hasSuffix("Summary: 3 resources changed (2 modified, 1 renamed); 2 replacements; 1 losing data; IAM statement rows: 1 added, 1 removed (1 broadening, 0 narrowing); 1 parameter changed; 1 output changed.\n"))
        try expectGolden(text, "mixed.txt")
    }

    @Test("colour adds ANSI escapes and nothing else")
    func colour() {
        let coloured = Self.mixed.render(colour: true)
        #expect(coloured.contains("\u{1B}[1;31mREPLACEMENT (DATA LOSS)\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31mbroadening\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mResources\u{1B}[0m"))
        let stripped = coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == Self.mixed.render(colour: false))
        #expect(!Self.mixed.render(colour: false).contains("\u{1B}"))
    }

    @Test("JSON reads back with JSONSerialization, with the facts in their places")
    func json() throws {
        let text = Self.mixed.json()
        try expectGolden(text, "mixed.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["summary", "resources", "iamStatements", "parameters", "outputs", "otherSections"])
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["hasBroadening"] as? Bool == true)
        #expect(summary["hasReplacement"] as? Bool == true)
        #expect(summary["dataLoss"] as? Int == 1)
        let resources = try #require(root["resources"] as? [[String: Any]])
        #expect(resources.map { $0["logicalID"] as? String } == ["CustomersTable", "ImportBucket", "ReaderRole"])
        #expect(resources.first?["oldLogicalID"] as? String == "PeopleTable")
        let replacement = try #require(resources.first?["replacement"] as? [String: Any])
        #expect(replacement["dataLoss"] as? Bool == true)
        #expect((replacement["oldResource"] as? [String: Any])?["fate"] as? String == "deletedWithData")
        let property = try #require((resources[1]["properties"] as? [[String: Any]])?.first)
        #expect(property["path"] as? String == "Properties.BucketName")
        #expect(property["old"] as? String == "import-a")
        #expect(property["new"] as? String == "import-b")
        let statements = try #require(root["iamStatements"] as? [[String: Any]])
        #expect(statements.map { $0["verdict"] as? String } == ["neutral", "broadening"])
        #expect(statements.last?["action"] as? String == "s3:Get*")
        #expect(statements.last?["locations"] as? [String] == ["Resources.ReaderRole.Properties.Policies[0].PolicyDocument.Statement[0]"])
        let output = try #require((root["outputs"] as? [[String: Any]])?.first)
        let value = try #require((output["fields"] as? [[String: Any]])?.first)
        // Intrinsics in long form, as a JSON template writes them.
        #expect((value["old"] as? [String: Any])?["Ref"] as? String == "PeopleTable")
        #expect((output["notes"] as? [String])?.first?.hasPrefix("The export !Sub \"${AWS::StackName}-TableName\" goes away") == true)
    }

    @Test("SARIF has the structure SARIF 2.1.0 requires, one rule per kind, and levels by severity")
    func sarif() throws {
        let text = Self.mixed.sarif()
        try expectGolden(text, "mixed.sarif.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "synth")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ["replacement", "replacement-data-loss", "iam-broadening", "iam-narrowing",
                            "resource-added", "resource-removed", "property-changed", "replacement-unknown"])
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
            #expect(!message.isEmpty)
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(!locations.isEmpty)
            for location in locations {
                let logical = try #require(location["logicalLocations"] as? [[String: Any]])
                #expect(logical.first?["fullyQualifiedName"] is String)
                #expect(logical.first?["name"] is String)
            }
        }
        let levels = results.map { "\($0["ruleId"]!) \($0["level"]!)" }
        #expect(levels == [
            "replacement-data-loss error",
            "replacement warning",
            "property-changed note",
            "property-changed note",
            "iam-broadening error",
        ])
        let dataLoss = try #require(results.first)
        let names = (dataLoss["locations"] as? [[String: Any]])?.compactMap {
            (($0["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"]) as? String
        }
        #expect(names == ["Resources.CustomersTable", "Resources.PeopleTable"])
    }

    @Test("the same comparison gives the same bytes every time")
    func deterministic() {
        let again = Self.mixedChanges()
        #expect(again == Self.mixed)
        #expect(again.json() == Self.mixed.json() && again.render(colour: false) == Self.mixed.render(colour: false))
        for _ in 0..<3 {
            let old = Fixtures.template([Fixtures.dataBucket, Fixtures.role(actions: ["s3:GetObject", "s3:PutObject"], resources: [Fixtures.objects, "*"])])
            let new = Fixtures.template([Fixtures.dataBucket, Fixtures.role(actions: ["s3:Get*", "kms:Decrypt"], resources: ["*", Fixtures.objects])])
            let first = TemplateDiff.compare(old: old, new: new)
            let second = TemplateDiff.compare(old: old, new: new)
            #expect(first.render(colour: true) == second.render(colour: true))
            #expect(first.sarif() == second.sarif())
        }
    }

    @Test("CI gates: fail on broadening, on replacement, or neither")
    func gates() {
        #expect(Self.mixed.fails(on: .broadening) && Self.mixed.fails(on: .replacement))
        let narrowing = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.dataBucket, Fixtures.role(actions: ["s3:Get*"], resources: [Fixtures.objects])]),
            new: Fixtures.template([Fixtures.dataBucket, Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])]))
        #expect(!narrowing.fails(on: .broadening) && !narrowing.fails(on: .replacement))
        #expect(DiffGate(rawValue: "broadening") == .broadening && DiffGate.allCases.map(\.rawValue) == ["broadening", "replacement"])
    }

    @Test("multi-line text (inline code) shows the lines that differ")
    func multilineText() {
        let function = { (code: String) in
            Resource("Handler", type: "AWS::Lambda::Function", properties: ["Code": ["ZipFile": .string(code)], "Handler": "index.handler"])
        }
        let changes = TemplateDiff.compare(
            old: Fixtures.template([function("import json\n\ndef handler(event, context):\n    return 1\n")]),
            new: Fixtures.template([function("import json\n\ndef handler(event, context):\n    return 2\n")]))
        #expect(changes.render(colour: false).contains("""
                ~ Properties.Code.ZipFile:
                    @@ line 4 @@
                    -     return 1
                    +     return 2
            """))
    }
}
