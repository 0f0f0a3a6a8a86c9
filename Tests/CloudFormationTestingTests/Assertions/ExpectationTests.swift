import CloudFormation
import CloudFormationTesting
import Testing

@Suite("Asserting forms")
struct ExpectationTests {
    let template = AssertionFixtures.exports

    @Test("expect… records nothing when the query holds, and returns the result")
    func passes() {
        let result = template.expectResourceProperties("AWS::S3::Bucket", ["VersioningConfiguration": ["Status": "Enabled"]])
        #expect(result.matchingIDs == ["LogBucket"])
        template.expectResource("AWS::S3::Bucket", ["DeletionPolicy": "Retain"])
        template.expectResourceCount("AWS::S3::Bucket", 3)
        template.expectOutput("BucketName", ["Value": .ref("ExportBucket")])
        template.expectParameter("Environment")
        template.expectCondition(["Fn::Equals": .arrayContaining(["prod"])])
        template.expectMapping("Sizes", ["dev": ["Memory": 128]])
    }

    @Test("expect… records an issue carrying the query's message, at the caller's line")
    func recordsIssue() {
        let line = #line + 2
        withKnownIssue {
            template.expectResourceCount("AWS::S3::Bucket", 2)
        } matching: { issue in
            issue.comments.map(\.rawValue) == ["Expected 2 AWS::S3::Bucket resources, found 3: ExportBucket, LogBucket, ArchiveBucket."]
                && issue.sourceLocation?.line == line
        }
    }
}
