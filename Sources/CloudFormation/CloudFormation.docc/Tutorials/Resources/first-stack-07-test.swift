import CloudFormation
import CloudFormationTesting
import Testing
import UploadsStacks

@Suite("The uploads stack")
struct UploadsStackTests {
    let template: Template

    init() throws {
        template = try Template(synthesizing: UploadsStack())
    }

    @Test("the worker may read the uploads and send work, and may not change the uploads")
    func workerReadsAndSends() {
        let worker = Principal.role("Worker")
        #expect(template.allows(worker, "s3:GetObject", on: .objects(inBucket: "Uploads")))
        #expect(template.allows(worker, "sqs:SendMessage", on: .queue("Work")))
        #expect(!template.allows(worker, "s3:PutObject", on: .objects(inBucket: "Uploads")))
        #expect(!template.allows(worker, "s3:GetObject", on: .objects(inBucket: "AccessLogs")))
    }

    @Test("every bucket is versioned")
    func versioned() {
        let buckets = template.resources(ofType: "AWS::S3::Bucket")
        #expect(!buckets.isEmpty)
        #expect(template.matchResourceProperties("AWS::S3::Bucket", [
            "VersioningConfiguration": ["Status": "Enabled"],
        ]).isMatch)
    }
}
