import Foundation
import Stacks
import Testing

@Suite("synth diff, run as a user runs it")
struct DiffCommandTests {
    /// The committed Macie template, and a copy whose people table had another name.
    private func templates() throws -> (folder: URL, old: URL, new: URL) {
        let folder = try temporaryFolder()
        let new = Executable.packageRoot.appendingPathComponent("generated/MacieDynamoDB.yaml")
        let old = folder.appendingPathComponent("old.yaml")
        let text = try String(contentsOf: new, encoding: .utf8)
        try text.replacingOccurrences(of: "TableName: people-macie", with: "TableName: people-old")
            .replacingOccurrences(of: "            Action: s3:PutObject\n", with: "            Action: s3:PutObject\n")
            .write(to: old, atomically: true, encoding: .utf8)
        return (folder, old, new)
    }

    @Test("the committed templates match the stacks: exit 0")
    func noChange() throws {
        let result = try Executable.synth.run(["diff", "--colour", "never"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == allStacks.map { "== \($0.name)\nNo changes.\n" }.joined())
    }

    @Test("a replaced table: exit 1, the hazard in text, JSON and SARIF")
    func replacement() throws {
        let (folder, old, new) = try templates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Executable.synth.run(["diff", "--old", old.path, "--new", new.path, "--colour", "never"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("[~] PeopleTable (AWS::DynamoDB::Table)  REPLACEMENT"))
        #expect(text.stderr == "synth: the templates differ\n")

        let json = try Executable.synth.run(["diff", "--old", old.path, "--new", new.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object != nil)

        let sarif = try Executable.synth.run(["diff", "--old", old.path, "--new", new.path, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "replacement" })
    }

    @Test("--fail-on: exit 1 only when the gate is hit")
    func gates() throws {
        let (folder, old, new) = try templates()
        defer { try? FileManager.default.removeItem(at: folder) }
        let replacement = try Executable.synth.run(["diff", "--old", old.path, "--new", new.path, "--fail-on", "replacement"])
        #expect(replacement.status == 1)
        #expect(replacement.stderr == "synth: the change hits --fail-on replacement\n")
        let broadening = try Executable.synth.run(["diff", "--old", old.path, "--new", new.path, "--fail-on", "broadening"])
        #expect(broadening.status == 0)
    }

    @Test("the walkthrough's sample stack against ours: the reviewed report, exit 1, and both gates hit")
    func walkthroughSample() throws {
        let sample = Executable.packageRoot.appendingPathComponent("Tests/Fixtures/walkthrough-sample.yaml").path
        let ours = Executable.packageRoot.appendingPathComponent("generated/MacieDynamoDB.yaml").path
        let golden = Executable.packageRoot.appendingPathComponent("Tests/TemplateDiffTests/__Golden__/walkthrough-sample-vs-ours.txt")
        let result = try Executable.synth.run(["diff", "--old", sample, "--new", ours, "--colour", "never"])
        #expect(result.status == 1)
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)))
        for gate in ["broadening", "replacement"] {
            #expect(try Executable.synth.run(["diff", "--old", sample, "--new", ours, "--fail-on", gate]).status == 1, "--fail-on \(gate)")
        }
    }

    @Test("bad input: exit 2", arguments: [["diff", "--old", "/nonexistent.yaml", "--new", "/nonexistent.yaml"], ["diff", "--old", "a.yaml"], ["diff", "Nope"]])
    func errors(arguments: [String]) throws {
        let result = try Executable.synth.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }
}
