import CloudFormation
import CloudFormationTesting
import Testing

/// The usual bucket-policy guard: deny every S3 request that does not come
/// over TLS (`aws:SecureTransport` false).
@Suite("Requests without TLS")
struct SecureTransportTests {
    static let template = Template(resources: [
        IAMTestTemplates.bucket("Data", name: "data-bucket"),
        IAMTestTemplates.role("Reader", statements: [
            ["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("${Data.Arn}/*")],
        ]),
        IAMTestTemplates.bucketPolicy(
            "DataPolicy", bucket: "Data",
            [
                "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [.getAtt("Data", "Arn"), .sub("${Data.Arn}/*")],
                "Condition": ["Bool": ["aws:SecureTransport": "false"]],
            ]),
    ])

    let iam = PolicyEvaluator(template)
    let object = ResourceTarget.object(inBucket: "Data", key: "report.csv")

    @Test("Over plain HTTP the bucket policy denies, even what the role's policy allows")
    func deniedWithoutTLS() {
        let decision = iam.allows(.role("Reader"), "s3:GetObject", on: object, context: ["aws:SecureTransport": "false"])
        #expect(decision.outcome == .explicitlyDenied)
        #expect(decision.statements.map(\.path.description) == ["Resources.DataPolicy.Properties.PolicyDocument.Statement[0]"])
        #expect(decision.statements.map(\.isCertain) == [true])
    }

    @Test("Over TLS (the default context) the deny does not apply")
    func allowedWithTLS() {
        #expect(iam.allows(.role("Reader"), "s3:GetObject", on: object).outcome == .allowed)
        #expect(iam.allows(.role("Reader"), "s3:GetObject", on: object, context: ["aws:SecureTransport": "true"]).isAllowed)
    }

    @Test("Nobody the template knows may do anything with the bucket over plain HTTP")
    func nobodyWithoutTLS() {
        let plainHTTP: RequestContext = ["aws:SecureTransport": "false"]
        let everyone = iam.effectivePermissionsOfEveryPrincipal(context: plainHTTP)
        #expect(everyone.flatMap(\.allowed).filter { $0.resource.hasPrefix("arn:aws:s3:::data-bucket") }.isEmpty)
        #expect(iam.principals() == [.role("Reader"), .service("lambda.amazonaws.com"), .anyone])
        #expect(iam.principalsAllowed("s3:GetObject", on: object, context: plainHTTP).isEmpty)
        #expect(iam.principalsAllowed("s3:GetObject", on: object).map(\.principal) == [.role("Reader")])
    }
}
