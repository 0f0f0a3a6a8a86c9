import CloudFormation
import Testing

private let storage = Template(resources: [
    Resource("Data", type: "AWS::S3::Bucket"),
    Resource("Key", type: "AWS::KMS::Key", properties: ["KeyPolicy": ["Version": "2012-10-17"]]),
    Resource("Table", type: "AWS::DynamoDB::Table"),
])

private let compute = Template(resources: [
    Resource("Queue", type: "AWS::SQS::Queue", properties: [
        "KmsMasterKeyId": .getAtt("Key", "Arn"),
        "QueueName": .sub("${Table}-${Data.Arn}-${AWS::Region}"),
        "Tags": [["Key": "bucket", "Value": .ref("Data")]],
    ]),
])

@Suite("References across the stacks of a catalog")
struct CrossStackReferenceTests {
    @Test("a consumer's three values from a producer become exports and imports with names from the stacks")
    func exportsAndImports() throws {
        let (stacks, uses) = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storage)])
        #expect(uses.map(\.name).sorted() == ["Storage-Data", "Storage-Data-Arn", "Storage-Key-Arn", "Storage-Table"])
        #expect(Set(uses.map(\.consumer)) == ["Compute"])
        let queue = try #require(stacks[0].template.resource("Queue"))
        #expect(queue.properties["KmsMasterKeyId"] == .importValue("Storage-Key-Arn"))
        #expect(queue.properties["Tags"] == [["Key": "bucket", "Value": .importValue("Storage-Data")]])
        #expect(queue.properties["QueueName"] == .intrinsic(.sub("${Table}-${DataArn}-${AWS::Region}", variables: [
            "Table": .importValue("Storage-Table"), "DataArn": .importValue("Storage-Data-Arn"),
        ])))
        let exports = stacks[1].template.outputs
        #expect(exports.map(\.exportName) == uses.map { .string($0.name) })
        #expect(exports.first { $0.exportName == "Storage-Key-Arn" }?.value == .getAtt("Key", "Arn"))
        for stack in stacks {
            #expect(TemplateValidator.validate(stack.template, stack: stack.name) == [])
        }
        #expect(CrossStackReferences.deploymentOrder(of: ["Compute", "Storage"], uses: uses) == ["Storage", "Compute"])
    }

    @Test("the same catalog resolves to the same templates every time")
    func deterministic() throws {
        let first = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storage)])
        let second = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storage)])
        #expect(first.stacks.map(\.template) == second.stacks.map(\.template))
    }

    @Test("a weak reference: the producer writes an SSM parameter, the consumer reads it at deployment")
    func weakReference() throws {
        let (stacks, _) = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storage)]) { _ in .ssmParameter }
        let parameter = try #require(stacks[0].template.parameters.first { $0.logicalID == "StorageKeyArn" })
        #expect(parameter.type == .ssmParameterValue(.string))
        #expect(parameter.defaultValue == "/Storage/Key/Arn")
        #expect(stacks[0].template.resource("Queue")?.properties["KmsMasterKeyId"] == .ref("StorageKeyArn"))
        let written = try #require(stacks[1].template.resources.first { $0.properties["Name"] == "/Storage/Key/Arn" })
        #expect(written.type == "AWS::SSM::Parameter")
        #expect(written.properties["Value"] == .getAtt("Key", "Arn"))
        #expect(stacks[1].template.outputs.isEmpty)
    }

    @Test("stacks that use each other's values in a circle are an error naming the values")
    func circle() {
        var storageUsingCompute = storage
        storageUsingCompute.resources[0].properties["Tags"] = [["Key": "queue", "Value": .getAtt("Queue", "Arn")]]
        do {
            _ = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storageUsingCompute)])
            Issue.record("a circle was accepted")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].message.contains("Compute uses Storage's"))
            #expect(error.diagnostics[0].message.contains("Storage uses Compute's Queue.Arn"))
        }
    }

    @Test("a name declared by two other stacks is an error, not a guess")
    func ambiguous() {
        let archive = Template(resources: [Resource("Data", type: "AWS::S3::Bucket")])
        do {
            _ = try CrossStackReferences.resolve([("Compute", compute), ("Storage", storage), ("Archive", archive)])
            Issue.record("an ambiguous reference was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message).contains("Data is declared by Storage and Archive; a reference to another stack must name a resource of one"))
        }
    }
}
