import CloudFormation
import Testing
@testable import TemplateDiff

@Suite("Resource changes and replacement hazards")
struct ResourceChangeTests {
    @Test("renaming a table: renamed, will be replaced, and its data is lost")
    func renamedTable() throws {
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.table("PeopleTable")]),
            new: Fixtures.template([Fixtures.table("CustomersTable")]))
        #expect(changes.resources.map(\.kind) == [.renamed])
        let change = try #require(changes.resources.first)
        #expect(change.oldLogicalID == "PeopleTable")
        #expect(change.replacement?.losesData == true)
        #expect(changes.hasReplacement && changes.hasDataLoss && !changes.hasBroadening)
        let text = changes.render(colour: false)
        #expect(text.contains("[~] CustomersTable (AWS::DynamoDB::Table)  REPLACEMENT (DATA LOSS)"))
        #expect(text.contains("renamed from PeopleTable, will be replaced"))
        try expectGolden(text, "renamed-table.txt")
        try expectGolden(changes.render(colour: true), "renamed-table.ansi.txt")
    }

    @Test("a rename keeps the old resource when its DeletionPolicy retains it, whatever its UpdateReplacePolicy")
    func renameIsGovernedByDeletionPolicy() throws {
        var retained = Fixtures.table("PeopleTable")
        retained.deletionPolicy = .retain
        var renamed = retained
        renamed.logicalID = "CustomersTable"
        let kept = TemplateDiff.compare(old: Fixtures.template([retained]), new: Fixtures.template([renamed]))
        #expect(kept.resources.first?.replacement?.oldResourceFate == .retained(policy: .retain, attribute: "DeletionPolicy"))
        #expect(kept.render(colour: false).contains("REPLACEMENT\n"))

        var onlyReplacePolicy = Fixtures.table("PeopleTable")
        onlyReplacePolicy.updateReplacePolicy = .retain
        var renamedAgain = onlyReplacePolicy
        renamedAgain.logicalID = "CustomersTable"
        let lost = TemplateDiff.compare(old: Fixtures.template([onlyReplacePolicy]), new: Fixtures.template([renamedAgain]))
        #expect(lost.resources.first?.replacement?.losesData == true)
        #expect(lost.resources.first?.notes.first == "UpdateReplacePolicy: Retain does not apply: the old logical ID leaves the template, so its DeletionPolicy (Delete, by default) decides.")
    }

    @Test("a create-only property of a bucket with UpdateReplacePolicy: Retain: replaced, the old one retained")
    func retainedBucketReplacement() throws {
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.bucket(name: "import-a")]),
            new: Fixtures.template([Fixtures.bucket(name: "import-b")]))
        let change = try #require(changes.resources.first)
        #expect(change.replacement?.oldResourceFate == .retained(policy: .retain, attribute: "UpdateReplacePolicy"))
        #expect(change.replacement?.createOnlyPaths.map(\.description) == ["Properties.BucketName"])
        #expect(changes.hasReplacement && !changes.hasDataLoss)
        let text = changes.render(colour: false)
        #expect(text.contains("replaced: create-only Properties.BucketName changes; the old one is retained (UpdateReplacePolicy: Retain)"))
        #expect(!text.contains("DATA LOSS"))
        try expectGolden(text, "retained-bucket-replacement.txt")
    }

    @Test("the same change without a retaining UpdateReplacePolicy loses the bucket's objects")
    func bucketReplacementLosesData() {
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.bucket(name: "import-a", replacePolicy: nil)]),
            new: Fixtures.template([Fixtures.bucket(name: "import-b", replacePolicy: nil)]))
        #expect(changes.resources.first?.replacement?.losesData == true)
        #expect(changes.render(colour: false).contains("[~] ImportBucket (AWS::S3::Bucket)  REPLACEMENT (DATA LOSS)"))
    }

    @Test("reordering keys everywhere is no change")
    func reorderedKeys() throws {
        let template = Fixtures.template([Fixtures.table(), Fixtures.bucket(name: "b"), Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])])
        let reordered = Reordering.reversingKeys(of: template)
        #expect(reordered != template, "the fixture must actually be reordered")
        let changes = TemplateDiff.compare(old: template, new: reordered)
        #expect(changes.isEmpty)
        #expect(changes.render(colour: false) == "No changes.\n")
        try expectGolden(changes.json(), "no-change.json")
    }

    @Test("changing only a description is a change, and no hazard")
    func descriptionOnly() throws {
        let key = { (text: String) in
            Resource("DataKey", type: "AWS::KMS::Key", properties: ["Description": .string(text), "EnableKeyRotation": true])
        }
        let changes = TemplateDiff.compare(
            old: Fixtures.template([key("Encrypts the data.")], description: "The data stack."),
            new: Fixtures.template([key("Encrypts the data bucket.")], description: "The data stack, v2."))
        #expect(!changes.isEmpty && !changes.hasReplacement && !changes.hasBroadening && !changes.hasDataLoss)
        #expect(changes.resources.map(\.kind) == [.modified])
        #expect(changes.resources.first?.propertyChanges.map(\.path.description) == ["Properties.Description"])
        let text = changes.render(colour: false)
        #expect(!text.contains("REPLACEMENT"))
        try expectGolden(text, "description-only.txt")
    }

    @Test("a changed type replaces the resource")
    func typeChange() {
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Resource("Events", type: "AWS::SQS::Queue")]),
            new: Fixtures.template([Resource("Events", type: "AWS::SNS::Topic")]))
        let change = changes.resources.first
        #expect(change?.oldType == "AWS::SQS::Queue")
        #expect(change?.replacement?.causes == [.typeChanged(from: "AWS::SQS::Queue", to: "AWS::SNS::Topic")])
        // The queue held messages and nothing retains it.
        #expect(change?.replacement?.losesData == true)
    }

    @Test("removing a stateful resource without a retaining DeletionPolicy deletes its data; a retained one does not")
    func removals() {
        var retained = Fixtures.table("KeptTable", name: "kept")
        retained.deletionPolicy = .retain
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.table(), retained, Resource("Topic", type: "AWS::SNS::Topic")]),
            new: Fixtures.template([]))
        #expect(changes.resources.map(\.logicalID) == ["PeopleTable", "KeptTable", "Topic"])
        #expect(changes.resources.map(\.deletesData) == [true, false, false])
        #expect(!changes.hasReplacement && changes.hasDataLoss)
        let text = changes.render(colour: false)
        #expect(text.contains("[-] PeopleTable (AWS::DynamoDB::Table)  DATA LOSS\n    removed; the old one is deleted with its data (DeletionPolicy is not Retain or Snapshot)"))
        #expect(text.contains("[-] KeptTable (AWS::DynamoDB::Table)\n    removed; the old one is retained (DeletionPolicy: Retain)"))
        #expect(text.contains("[-] Topic (AWS::SNS::Topic)\n"))
    }

    @Test("replacing a resource that keeps its custom name fails, and the report says so")
    func customNameReplacement() throws {
        var old = Fixtures.table()
        old.properties["ImportSourceSpecification"] = ["InputFormat": "CSV", "S3BucketSource": ["S3Bucket": "a"]]
        var new = old
        new.properties["ImportSourceSpecification"] = ["InputFormat": "CSV", "S3BucketSource": ["S3Bucket": "b"]]
        let change = try #require(TemplateDiff.compare(old: Fixtures.template([old]), new: Fixtures.template([new])).resources.first)
        #expect(change.replacement?.createOnlyPaths.map(\.description) == ["Properties.ImportSourceSpecification.S3BucketSource.S3Bucket"])
        #expect(change.notes == ["TableName stays \"people\": CloudFormation cannot replace a resource with a custom name, so this update fails; change TableName as well, or remove it."])
    }

    @Test("an added resource under a condition says so: it may not be created at all")
    func addedUnderCondition() {
        var conditional = Fixtures.table("AuditTable", name: "audit")
        conditional.condition = "EnableAudit"
        let changes = TemplateDiff.compare(
            old: Fixtures.template([Fixtures.table()]), new: Fixtures.template([Fixtures.table(), conditional, Fixtures.otherBucket]))
        #expect(changes.resources.map(\.notes) == [["Created only when the condition EnableAudit holds."], []])
        #expect(changes.render(colour: false).contains(
            "[+] AuditTable (AWS::DynamoDB::Table)\n    note: Created only when the condition EnableAudit holds.\n[+] LogsBucket (AWS::S3::Bucket)\n"))
    }

    @Test("a type the registry does not have gets an unknown replacement verdict, and the report says so")
    func unknownType() {
        let job = { (size: Int) in Resource("Job", type: "Custom::Job", properties: ["ServiceToken": "arn", "Size": .integer(size)]) }
        let changes = TemplateDiff.compare(old: Fixtures.template([job(1)]), new: Fixtures.template([job(2)]))
        #expect(changes.resources.first?.replacement == nil)
        #expect(changes.resources.first?.replacementIsUnknown == true)
        #expect(changes.resources.first?.notes == ["Custom::Job is not in the resource registry, so whether these changes replace it is unknown."])
    }

    @Test("attribute changes: DependsOn order is no change, its members are; policies and conditions by name")
    func attributes() {
        var old = Resource("Topic", type: "AWS::SNS::Topic", dependsOn: ["A", "B"])
        var new = Resource("Topic", type: "AWS::SNS::Topic", condition: "IsProduction", dependsOn: ["B", "A"], deletionPolicy: .retain)
        #expect(TemplateDiff.compare(old: Fixtures.template([old]), new: Fixtures.template([old])).isEmpty)
        old.dependsOn = ["B", "A"]
        new.dependsOn.append("C")
        let change = TemplateDiff.compare(old: Fixtures.template([old]), new: Fixtures.template([new])).resources.first
        #expect(change?.attributeChanges.map(\.path.description) == ["Condition", "DependsOn[2]", "DeletionPolicy"])
        #expect(change?.replacement == nil)
    }

    @Test("a list item appended or inserted is one change, not every later item")
    func listChanges() {
        let tags = { (values: [String]) in
            Resource("Topic", type: "AWS::SNS::Topic", properties: ["Tags": .list(values.map { ["Key": .string($0), "Value": "x"] })])
        }
        let inserted = TemplateDiff.compare(old: Fixtures.template([tags(["a", "c"])]), new: Fixtures.template([tags(["a", "b", "c"])]))
        let changes = inserted.resources.first?.propertyChanges ?? []
        #expect(changes.map(\.path.description) == ["Properties.Tags[1]"])
        #expect(changes.map(\.kind) == [.added])
        let swapped = TemplateDiff.compare(old: Fixtures.template([tags(["a", "b"])]), new: Fixtures.template([tags(["b", "a"])]))
        #expect(swapped.resources.first?.propertyChanges.map(\.path.description) == ["Properties.Tags[0].Key", "Properties.Tags[1].Key"])
    }

    @Test("scalars spelled differently (5, 5.0, \"5\") are the same value; a different number is not")
    func scalarSpelling() {
        let queue = { (delay: Value) in Resource("Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": delay]) }
        #expect(TemplateDiff.compare(old: Fixtures.template([queue(5)]), new: Fixtures.template([queue("5")])).isEmpty)
        #expect(TemplateDiff.compare(old: Fixtures.template([queue(5)]), new: Fixtures.template([queue(5.0)])).isEmpty)
        #expect(!TemplateDiff.compare(old: Fixtures.template([queue(5)]), new: Fixtures.template([queue(6)])).isEmpty)
    }
}
