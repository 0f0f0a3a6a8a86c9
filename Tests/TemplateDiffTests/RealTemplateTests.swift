import CloudFormation
import Foundation
import GrownCatalog
import Stacks
import TemplateReading
import Testing
@testable import TemplateDiff

@Suite("The committed templates, changed in code")
struct RealTemplateTests {
    static func orderEvents() throws -> Template {
        let url = repositoryRoot.appendingPathComponent("generated/OrderEvents.yaml")
        return try TemplateReader.read(String(contentsOf: url, encoding: .utf8), file: "OrderEvents.yaml")
    }

    @Test("OrderEvents compared with itself: no changes")
    func unchanged() throws {
        let template = try Self.orderEvents()
        #expect(TemplateDiff.compare(old: template, new: template).isEmpty)
        #expect(TemplateDiff.compare(old: template, new: Reordering.reversingKeys(of: template)).isEmpty)
    }

    /// OrderEvents with a renamed dead-letter queue (and every reference to
    /// it), a named topic (which replaces the topic, and through its ARN the
    /// subscription), a queue policy that lets the topic do anything and no
    /// longer denies plain HTTP, and production by default.
    static func changedOrderEvents() throws -> (old: Template, new: Template) {
        let old = try orderEvents()
        var new = old
        new.resources = new.resources.map { resource in
            var resource = resource
            resource.properties = Renaming.references(in: resource.properties, from: "DeadLetterQueue", to: "DeadLetters")
            if resource.logicalID == "DeadLetterQueue" { resource.logicalID = "DeadLetters" }
            if resource.logicalID == "OrdersTopic" { resource.properties["TopicName"] = "orders" }
            if resource.logicalID == "OrdersQueuePolicy", case .object(var document)? = resource.properties["PolicyDocument"],
                case .list(var statements)? = document["Statement"], case .object(var first) = statements[0]
            {
                first["Action"] = "sqs:*"
                statements[0] = .object(first)
                statements.remove(at: 1)
                document["Statement"] = .list(statements)
                resource.properties["PolicyDocument"] = .object(document)
            }
            return resource
        }
        new.parameters[0].defaultValue = "prod"
        new.outputs = new.outputs.map { output in
            var output = output
            output.value = Renaming.references(in: output.value, from: "DeadLetterQueue", to: "DeadLetters")
            return output
        }
        return (old, new)
    }

    @Test("OrderEvents changed in code: the report names each hazard")
    func changed() throws {
        let (old, new) = try Self.changedOrderEvents()
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.resources.map { "\($0.kind.rawValue) \($0.logicalID)" } == [
            "renamed DeadLetters", "modified OrdersQueue", "modified OrdersTopic", "modified OrdersTopicPolicy", "modified OrdersQueuePolicy",
            "modified OrdersSubscription", "modified DeadLetterAlarm",
        ])
        let text = changes.render(colour: false)
        // The dead-letter queue holds messages and its DeletionPolicy is Delete.
        #expect(text.contains("[~] DeadLetters (AWS::SQS::Queue)  REPLACEMENT (DATA LOSS)\n    renamed from DeadLetterQueue, will be replaced; the old one is deleted with its data (DeletionPolicy is not Retain or Snapshot)"))
        // A topic holds no data: replaced, nothing lost.
        #expect(text.contains("[~] OrdersTopic (AWS::SNS::Topic)  REPLACEMENT\n    replaced: create-only Properties.TopicName changes; the old one is deleted"))
        #expect(text.contains("    + Properties.TopicName: \"orders\"  (create-only)"))
        #expect(text.contains("    ~ Properties.RedrivePolicy.deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn → !GetAtt DeadLetters.Arn"))
        // The subscription's text is unchanged, but its create-only TopicArn takes the new topic's ARN.
        let subscription = try #require(changes.resources.first { $0.logicalID == "OrdersSubscription" })
        #expect(subscription.propertyChanges.isEmpty)
        #expect(subscription.replacement?.causes == [.referencedResourceReplaced(logicalID: "OrdersTopic", paths: [["Properties", "TopicArn"]])])
        #expect(text.contains("[~] OrdersSubscription (AWS::SNS::Subscription)  REPLACEMENT\n    replaced: create-only Properties.TopicArn refers to OrdersTopic, which is replaced; the old one is deleted"))
        #expect(text.contains("note: Properties.PolicyDocument.Statement[0].Condition.ArnEquals.aws:SourceArn refers to OrdersTopic, which is replaced: updated in place with its new value."))
        // sqs:* for the topic, and the TLS deny gone (on both queues): both broaden.
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.effect.rawValue) \($0.row.action) \($0.verdict.rawValue)" } == [
            "removed Deny sqs:* broadening",
            "removed Deny sqs:* broadening",
            "removed Allow sqs:SendMessage neutral",
            "added Allow sqs:* broadening",
        ])
        #expect(changes.parameters.map { "\($0.kind.rawValue) \($0.logicalID) \($0.changes.map(\.path.description))" } == ["modified Environment [\"Default\"]"])
        #expect(changes.outputs.map { "\($0.kind.rawValue) \($0.logicalID)" } == ["modified OrdersTopicArn", "modified DeadLetterQueueARN"])
        #expect(changes.outputs.first?.changes == [])
        #expect(changes.outputs.first?.notes == ["The value of the export !Sub \"${AWS::StackName}-OrdersTopicArn\" changes, since OrdersTopic is replaced: the update fails while another stack imports it."])
        #expect(changes.fails(on: .broadening) && changes.fails(on: .replacement) && changes.hasDataLoss)
        try expectGolden(text, "order-events-changed.txt")
    }

    @Test("OrderEvents: sqs:Send* matches only sqs:SendMessage, so widening to it is neutral")
    func catalogDecides() throws {
        let old = try Self.orderEvents()
        var new = old
        let index = try #require(new.resources.firstIndex { $0.logicalID == "OrdersQueuePolicy" })
        guard case .object(var document)? = new.resources[index].properties["PolicyDocument"],
            case .list(var statements)? = document["Statement"], case .object(var first) = statements[0]
        else { Issue.record("the queue policy has changed shape"); return }
        first["Action"] = "sqs:Send*"
        statements[0] = .object(first)
        document["Statement"] = .list(statements)
        new.resources[index].properties["PolicyDocument"] = .object(document)
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.action) \($0.verdict.rawValue)" } == [
            "removed sqs:SendMessage neutral", "added sqs:Send* neutral",
        ])
        #expect(!changes.hasBroadening)
    }

    @Test("MacieDynamoDB with a table renamed: the grants follow it, so IAM shows only the real widening")
    func macieRename() throws {
        let url = repositoryRoot.appendingPathComponent("generated/MacieDynamoDB.yaml")
        let old = try TemplateReader.read(String(contentsOf: url, encoding: .utf8), file: "MacieDynamoDB.yaml")
        var new = old
        new.resources = new.resources.map { resource in
            var resource = resource
            if resource.logicalID == "PeopleTable" { resource.logicalID = "PersonTable" }
            resource.properties = Renaming.references(in: resource.properties, from: "PeopleTable", to: "PersonTable")
            return resource
        }
        new.outputs = new.outputs.map { output in
            var output = output
            output.value = Renaming.references(in: output.value, from: "PeopleTable", to: "PersonTable")
            return output
        }
        var changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.resources.first?.kind == .renamed)
        // DeletionPolicy: Retain keeps the old table; its fixed TableName makes the new one's creation fail.
        #expect(changes.resources.first?.replacement?.oldResourceFate == .retained(policy: .retain, attribute: "DeletionPolicy"))
        #expect(changes.resources.first?.notes.first?.hasPrefix("The new resource is created with the same TableName, \"people-macie\"") == true)
        #expect(changes.statements.isEmpty, "\(changes.statements.map(\.row.description))")

        let index = try #require(new.resources.firstIndex { $0.logicalID == "ExportLambdaRole" })
        new.resources[index].properties = Renaming.references(in: new.resources[index].properties, from: "PersonTable", to: "AccountsInfoTable")
        changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.action) \($0.row.resource) \($0.verdict.rawValue)" } == [
            "removed dynamodb:Scan ${PersonTable.Arn} narrowing",
        ], "the export role no longer scans the renamed table; it already scanned the other one")
    }

    @Test("MacieDynamoDB with one more data set: a table, its grants (broadening) and its outputs, and no replacement")
    func macieDataSet() throws {
        let before = try synthesize(MacieDynamoDBStack()).template
        let stack = withOneMoreDataSet(MacieDynamoDBStack())
        let added = try #require(stack.dataSets.last?.logicalID)
        let after = try synthesize(stack).template
        let changes = TemplateDiff.compare(old: before, new: after)
        #expect(changes.resources.filter { $0.kind == .added }.map(\.logicalID) == [added])
        #expect(!changes.hasReplacement && !changes.hasDataLoss)
        let broadening = changes.statements.filter { $0.verdict == .broadening }
        #expect(!broadening.isEmpty)
        #expect(broadening.allSatisfy { $0.row.resource.text.contains("${\(added).Arn}") }, "\(broadening.map(\.row.description))")
        #expect(broadening.contains { $0.row.action.text == "dynamodb:Scan" && $0.row.principal.text == "role:${ExportLambdaRole}" })
        #expect(changes.outputs.allSatisfy { $0.kind == .added })
        #expect(changes.outputs.count == 2)
    }
}

/// Renames a logical ID in every `Ref`, `Fn::GetAtt` and `Fn::Sub` of a value.
enum Renaming {
    static func references(in object: Object, from old: String, to new: String) -> Object {
        Object(object.entries.map { Object.Entry($0.key, references(in: $0.value, from: old, to: new)) })
    }

    static func references(in value: Value, from old: String, to new: String) -> Value {
        switch value {
        case .intrinsic(.ref(let id)) where id == old: .ref(new)
        case .intrinsic(.getAtt(let id, let attribute)) where id == old: .getAtt(new, attribute)
        case .intrinsic(.sub(let text, let variables)):
            .intrinsic(.sub(text.replacing("${\(old)}", with: "${\(new)}").replacing("${\(old).", with: "${\(new)."),
                            variables: references(in: variables, from: old, to: new)))
        case .list(let items): .list(items.map { references(in: $0, from: old, to: new) })
        case .object(let object): .object(references(in: object, from: old, to: new))
        default: value
        }
    }
}
