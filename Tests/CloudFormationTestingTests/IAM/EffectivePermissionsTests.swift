import AWSResources
import CloudFormation
import CloudFormationTesting
import Testing

/// What a principal may do, listed: each action pattern expanded through the
/// IAM action catalog, each paired with the resources it covers.
@Suite("Effective permissions")
struct EffectivePermissionsTests {
    static let template = Template(resources: [
        IAMTestTemplates.bucket("Reports", name: "reports-bucket"),
        IAMTestTemplates.bucket("Other", name: "other-bucket"),
        IAMTestTemplates.role("Reader", statements: [
            ["Effect": "Allow", "Action": "s3:Get*", "Resource": .sub("${Reports.Arn}/*")],
        ]),
    ])

    @Test("s3:Get* on one bucket's objects: every catalog action s3:get…, each on that bucket's objects only")
    func getStarOnObjects() {
        let permissions = PolicyEvaluator(Self.template).effectivePermissions(of: .role("Reader"))
        let expected = IAMActionCatalog.matching("s3:Get*")
        #expect(permissions.allowed.map(\.action) == expected)
        #expect(Set(permissions.allowed.map(\.resource)) == ["arn:aws:s3:::reports-bucket/*"])
        #expect(permissions.allowed.first == .init("s3:getaccelerateconfiguration", on: "arn:aws:s3:::reports-bucket/*"))
        #expect(permissions.allowed.contains(.init("s3:getobject", on: "arn:aws:s3:::reports-bucket/*")))
        #expect(!permissions.allowed.contains { $0.action == "s3:putobject" || $0.action == "s3:listbucket" })
        #expect(permissions.resources(for: "s3:GetObject") == ["arn:aws:s3:::reports-bucket/*"])
        #expect(permissions.possiblyAllowed.isEmpty)
        #expect(permissions.notes.isEmpty)
    }

    @Test("The list is the same on every run: sorted by action, then resource")
    func deterministic() {
        let first = PolicyEvaluator(Self.template).effectivePermissions(of: .role("Reader"))
        let second = PolicyEvaluator(Self.template).effectivePermissions(of: .role("Reader"))
        #expect(first == second)
        #expect(first.allowed == first.allowed.sorted())
        #expect(first.allowed.count == IAMActionCatalog.matching("s3:get*").count)
    }

    @Test("A Deny takes its pairs out, and a condition left open moves pairs to possiblyAllowed")
    func denyAndOpenCondition() {
        var template = Self.template
        template.resources[2] = IAMTestTemplates.role("Reader", statements: [
            ["Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectTagging"], "Resource": "arn:aws:s3:::*/*"],
            ["Effect": "Deny", "Action": "s3:GetObjectTagging", "Resource": "*"],
            [
                "Effect": "Allow", "Action": "s3:PutObject", "Resource": .sub("${Reports.Arn}/*"),
                "Condition": ["StringEquals": ["s3:x-amz-acl": "bucket-owner-full-control"]],
            ],
        ])
        let permissions = PolicyEvaluator(template).effectivePermissions(of: .role("Reader"))
        #expect(permissions.allowed == [
            .init("s3:getobject", on: "arn:aws:s3:::*/*"),
            .init("s3:getobject", on: "arn:aws:s3:::other-bucket/*"),
            .init("s3:getobject", on: "arn:aws:s3:::reports-bucket/*"),
        ])
        #expect(permissions.possiblyAllowed == [.init("s3:putobject", on: "arn:aws:s3:::reports-bucket/*")])
        #expect(permissions.notes == [
            "condition StringEquals on s3:x-amz-acl is unevaluated: the request context says nothing about s3:x-amz-acl",
        ])
    }

    @Test("An administrator is found; a reader is not")
    func administrators() {
        var template = Self.template
        template.resources.append(IAMTestTemplates.role("Admin", statements: [["Effect": "Allow", "Action": "*", "Resource": "*"]]))
        let admins = PolicyEvaluator(template).principalsAllowedEverything()
        #expect(admins.map(\.principal) == [.role("Admin")])
        #expect(admins.map(\.isAllowed) == [true])
        #expect(PolicyEvaluator(Self.template).principalsAllowedEverything().isEmpty)
    }
}
