import CloudFormation
import CloudFormationTesting
import IngestStacks
import Testing

@Suite("The ingest stack")
struct IngestStackTests {
    let template: Template

    init() throws {
        template = try Template(synthesizing: IngestStack())
    }

    @Test("the function may read the inbox and write records, and nothing more")
    func leastPrivilege() throws {
        let role = try template.role(of: "Ingest")
        #expect(template.allows(role, "s3:GetObject", on: .objects(inBucket: "Inbox")))
        #expect(template.allows(role, "dynamodb:PutItem", on: .table("Records")))
        #expect(!template.allows(role, "s3:PutObject", on: .objects(inBucket: "Inbox")))
        #expect(!template.allows(role, "s3:GetObject", on: .objects(inBucket: "AccessLogs")))
        #expect(!template.allows(role, "dynamodb:DeleteTable", on: .table("Records")))
        #expect(template.iam().principalsAllowedEverything().isEmpty)
    }

    @Test("the schedule reaches the function, and the function's role")
    func graph() {
        let graph = ResourceGraph(template)
        #expect(graph.path(from: "Hourly", to: "Ingest") != nil)
        #expect(graph.dependencies(of: "Ingest").contains { $0.to == "IngestRole" })
    }

    @Test("the reviewed template")
    func snapshot() {
        assertSnapshot(of: IngestStack())
    }
}
