import CloudFormation
import TemplateDiff
import Testing

@Suite("An export another stack imports cannot go away or change")
struct ImportedExportTests {
    private let producer = Template(outputs: [
        Output("TableName", value: .ref("Table"), exportName: "Storage-Table"),
        Output("KeyArn", value: .getAtt("Key", "Arn"), exportName: "Storage-Key-Arn"),
        Output("Unused", value: .ref("Bucket"), exportName: "Storage-Bucket"),
    ])
    private let consumer = Template(resources: [
        Resource("Queue", type: "AWS::SQS::Queue", properties: [
            "KmsMasterKeyId": .importValue("Storage-Key-Arn"),
            "QueueName": .sub("${Name}-queue", ["Name": .importValue("Storage-Table")]),
        ]),
    ])

    @Test("removing or changing an imported export names the export and its importers; an export nobody imports may go")
    func removedAndChanged() {
        var changed = producer
        changed.outputs = [
            Output("KeyArn", value: .getAtt("OtherKey", "Arn"), exportName: "Storage-Key-Arn"),
        ]
        let changes = ImportedExportChange.find(old: producer, new: changed, others: [("Processing", consumer)])
        #expect(changes == [
            ImportedExportChange(exportName: "Storage-Key-Arn", isRemoved: false, importers: ["Processing"]),
            ImportedExportChange(exportName: "Storage-Table", isRemoved: true, importers: ["Processing"]),
        ])
        #expect(changes[1].description.contains("removes export 'Storage-Table', which Processing still imports"))
        #expect(changes[1].description.contains("SSM parameter"))
    }

    @Test("no change, or no importer: nothing to report")
    func nothing() {
        #expect(ImportedExportChange.find(old: producer, new: producer, others: [("Processing", consumer)]).isEmpty)
        #expect(ImportedExportChange.find(old: producer, new: Template(), others: []).isEmpty)
    }
}
