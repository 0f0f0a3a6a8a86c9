import CloudFormation
import Testing
@testable import TemplateDiff

@Suite("IAM statement changes and their verdicts")
struct IAMStatementTests {
    private func compare(_ old: [Resource], _ new: [Resource]) -> TemplateChanges {
        TemplateDiff.compare(old: Fixtures.template([Fixtures.dataBucket] + old), new: Fixtures.template([Fixtures.dataBucket] + new))
    }

    private func rows(_ changes: TemplateChanges) -> [String] {
        changes.statements.map { "\($0.change.rawValue) \($0.row.action) \($0.row.resource) \($0.verdict.rawValue)" }
    }

    @Test("widening a grant, s3:GetObject → s3:Get*, is broadening")
    func widenedAction() throws {
        let changes = compare(
            [Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])],
            [Fixtures.role(actions: ["s3:Get*"], resources: [Fixtures.objects])])
        #expect(rows(changes) == [
            "removed s3:GetObject ${DataBucket.Arn}/* neutral",
            "added s3:Get* ${DataBucket.Arn}/* broadening",
        ])
        #expect(changes.hasBroadening && !changes.hasReplacement)
        let text = changes.render(colour: false)
        #expect(text.contains("[-]  Allow   role:${ReaderRole}  s3:GetObject  ${DataBucket.Arn}/*  -          neutral\n[+]  Allow   role:${ReaderRole}  s3:Get*       ${DataBucket.Arn}/*  -          broadening"))
        try expectGolden(text, "widened-grant.txt")
        try expectGolden(changes.sarif(), "widened-grant.sarif.json")
    }

    @Test("granting the same action on a new resource is broadening")
    func newResource() {
        let changes = compare(
            [Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])],
            [Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects, .sub("${LogsBucket.Arn}/*")])])
        #expect(rows(changes) == ["added s3:GetObject ${LogsBucket.Arn}/* broadening"])
    }

    @Test("narrowing a grant, s3:Get* → s3:GetObject, is narrowing on both rows")
    func narrowedAction() throws {
        let changes = compare(
            [Fixtures.role(actions: ["s3:Get*"], resources: [Fixtures.objects])],
            [Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])])
        #expect(rows(changes) == [
            "removed s3:Get* ${DataBucket.Arn}/* narrowing",
            "added s3:GetObject ${DataBucket.Arn}/* narrowing",
        ])
        #expect(!changes.hasBroadening)
        try expectGolden(changes.render(colour: false), "narrowed-grant.txt")
    }

    @Test("a resource pattern that shrinks is narrowing; one that grows is broadening")
    func resourcePatterns() {
        let wide = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        let narrow = Fixtures.role(actions: ["s3:GetObject"], resources: [.sub("${DataBucket.Arn}/reports/*")])
        #expect(rows(compare([wide], [narrow])) == [
            "removed s3:GetObject ${DataBucket.Arn}/* narrowing",
            "added s3:GetObject ${DataBucket.Arn}/reports/* narrowing",
        ])
        #expect(rows(compare([narrow], [wide])) == [
            "added s3:GetObject ${DataBucket.Arn}/* broadening",
            "removed s3:GetObject ${DataBucket.Arn}/reports/* neutral",
        ])
    }

    @Test("rewriting a statement without changing what it grants is no change at all")
    func equivalentSpelling() {
        let sub = Fixtures.role(actions: ["s3:GetObject", "s3:PutObject"], resources: [Fixtures.objects])
        let join = Fixtures.role(
            actions: ["s3:putobject", "s3:GetObject"],
            resources: [.join("", [.getAtt("DataBucket", "Arn"), "/*"])])
        #expect(compare([sub], [join]).statements.isEmpty)
    }

    @Test("an ARN written by hand and the resource's Arn attribute are one resource: rewriting one as the other is neutral")
    func handWrittenARN() {
        let handWritten = Fixtures.role(actions: ["s3:GetObject"], resources: [.sub("arn:aws:s3:::${DataBucket}/*")])
        let attribute = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        #expect(rows(compare([handWritten], [attribute])) == [
            "added s3:GetObject ${DataBucket.Arn}/* neutral",
            "removed s3:GetObject arn:aws:s3:::${DataBucket}/* neutral",
        ])
        #expect(rows(compare([attribute], [handWritten])).allSatisfy { $0.hasSuffix(" neutral") })
        // Another bucket's objects are still another resource.
        let other = Fixtures.role(actions: ["s3:GetObject"], resources: [.sub("${LogsBucket.Arn}/*")])
        #expect(rows(compare([Fixtures.otherBucket, handWritten], [Fixtures.otherBucket, other])) == [
            "added s3:GetObject ${LogsBucket.Arn}/* broadening",
            "removed s3:GetObject arn:aws:s3:::${DataBucket}/* narrowing",
        ])
    }

    @Test("a grant on every table or log group cut down to one resource's Arn is narrowing; the reverse is broadening", arguments: [
        ("dynamodb:Scan", Value.sub("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*"), "PeopleTable"),
        ("logs:PutLogEvents", Value.string("arn:aws:logs:*:*:*"), "FunctionLogs"),
        ("logs:PutLogEvents", Value.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"), "FunctionLogs"),
    ])
    func cutDownToOneResource(action: String, everything: Value, id: String) {
        let resources = [Fixtures.table(), Resource("FunctionLogs", type: "AWS::Logs::LogGroup")]
        let wide = Fixtures.role(actions: [.string(action)], resources: [everything])
        let one = Fixtures.role(actions: [.string(action)], resources: [.getAtt(id, "Arn")])
        let narrowed = compare(resources + [wide], resources + [one])
        #expect(narrowed.statements.map(\.verdict) == [.narrowing, .narrowing], "\(rows(narrowed))")
        let widened = compare(resources + [one], resources + [wide])
        #expect(Set(widened.statements.map { "\($0.change.rawValue) \($0.verdict.rawValue)" }) == ["added broadening", "removed neutral"], "\(rows(widened))")
    }

    @Test("a key policy's principal written with arn:aws: and with ${AWS::Partition} is the same principal")
    func partition() {
        let key = { (root: Value) in
            Resource("Key", type: "AWS::KMS::Key", properties: ["KeyPolicy": ["Statement": [[
                "Effect": "Allow", "Principal": ["AWS": root], "Action": "kms:*", "Resource": "*",
            ]]]])
        }
        let changes = compare(
            [key(.sub("arn:aws:iam::${AWS::AccountId}:root"))], [key(.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"))])
        #expect(changes.statements.count == 2)
        #expect(changes.statements.allSatisfy { $0.verdict == .neutral })
        #expect(!changes.hasBroadening)
    }

    @Test("a Fn::If in a statement's resources: the branch's rows hold under its condition, and AWS::NoValue is no row")
    func conditionalResource() {
        let plain = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        let conditional = Fixtures.role(
            actions: ["s3:GetObject"],
            resources: [Fixtures.objects, .if("UseLogs", .sub("${LogsBucket.Arn}/*"), else: .ref("AWS::NoValue"))])
        let changes = compare([Fixtures.otherBucket, plain], [Fixtures.otherBucket, conditional])
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.resource) \($0.row.conditionText) \($0.verdict.rawValue)" } == [
            "added ${LogsBucket.Arn}/* if UseLogs broadening",
        ])
    }

    /// A key whose policy lets `principal` use it.
    private func key(_ principal: Value, actions: [Value] = ["kms:Decrypt", "kms:DescribeKey"]) -> Resource {
        Resource("Key", type: "AWS::KMS::Key", properties: ["KeyPolicy": ["Statement": [[
            "Effect": "Allow", "Principal": ["AWS": principal], "Action": .list(actions), "Resource": "*",
        ]]]])
    }

    private static let macieRole: Value = .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")
    private static let session = Resource("MacieSession", type: "AWS::Macie::Session", condition: "EnableMacie")

    @Test("a principal chosen by Fn::If: the two branches cover together what one unconditional principal granted")
    func conditionalPrincipal() {
        let unconditional = key(.sub("arn:aws:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"),
                                actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt"])
        // Macie's service role when the stack enables Macie, the same role by its ARN when it does not.
        let chosen = key(.if("EnableMacie", .getAtt("MacieSession", "ServiceRole"), else: Self.macieRole))
        let changes = compare([unconditional], [Self.session, chosen])
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.principal) \($0.row.action) \($0.row.conditionText) \($0.verdict.rawValue)" } == [
            "added AWS:${MacieSession.ServiceRole} kms:Decrypt if EnableMacie neutral",
            "added AWS:${MacieSession.ServiceRole} kms:DescribeKey if EnableMacie neutral",
            "added AWS:arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie kms:Decrypt unless EnableMacie neutral",
            "added AWS:arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie kms:DescribeKey unless EnableMacie neutral",
            "removed AWS:arn:aws:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie kms:Decrypt - neutral",
            "removed AWS:arn:aws:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie kms:DescribeKey - neutral",
            "removed AWS:arn:aws:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie kms:Encrypt - narrowing",
        ])
        // The other way round, the unconditional grant is no wider than both branches together.
        let back = compare([Self.session, chosen], [key(Self.macieRole)])
        #expect(back.statements.allSatisfy { $0.verdict == .neutral }, "\(rows(back))")
        // A branch that names someone else covers nothing of the old grant.
        let other = key(.if("EnableMacie", Self.macieRole, else: .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/Auditor")))
        let changed = compare([key(Self.macieRole)], [other])
        #expect(changed.statements.map { "\($0.change.rawValue) \($0.row.principal.text.split(separator: "/").last!) \($0.row.conditionText) \($0.verdict.rawValue)" } == [
            "added Auditor unless EnableMacie broadening",
            "added Auditor unless EnableMacie broadening",
            "removed AWSServiceRoleForAmazonMacie - narrowing",
            "removed AWSServiceRoleForAmazonMacie - narrowing",
            "added AWSServiceRoleForAmazonMacie if EnableMacie narrowing",
            "added AWSServiceRoleForAmazonMacie if EnableMacie narrowing",
        ])
    }

    @Test("splitting s3:GetObject* into the actions it matches is neutral: rows cover together")
    func unionCoverage() {
        let expanded: [Value] = IAMActionCatalogFixture.getObjectActions.map(Value.string)
        #expect(expanded.count > 3, "the catalog must know several s3:GetObject* actions")
        let changes = compare(
            [Fixtures.role(actions: ["s3:GetObject*"], resources: [Fixtures.objects])],
            [Fixtures.role(actions: expanded, resources: [Fixtures.objects])])
        #expect(!changes.statements.isEmpty)
        #expect(changes.statements.allSatisfy { $0.verdict == .neutral }, "\(rows(changes))")
    }

    @Test("an added Deny is narrowing and a removed one broadening")
    func denies() {
        let deny: Value = [
            "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": Fixtures.objects,
        ]
        let plain = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        let guarded = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects], extraStatements: [deny])
        #expect(rows(compare([plain], [guarded])) == ["added s3:DeleteObject ${DataBucket.Arn}/* narrowing"])
        #expect(rows(compare([guarded], [plain])) == ["removed s3:DeleteObject ${DataBucket.Arn}/* broadening"])
    }

    @Test("a condition added narrows a grant; one removed broadens it")
    func conditions() {
        let unconditional: Value = ["Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"]
        let conditional: Value = [
            "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
            "Condition": ["StringEquals": ["kms:ViaService": .sub("s3.${AWS::Region}.amazonaws.com")]],
        ]
        let base = { (statement: Value) in
            Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects], extraStatements: [statement])
        }
        let narrowed = compare([base(unconditional)], [base(conditional)])
        #expect(narrowed.statements.map(\.verdict) == [.narrowing, .narrowing])
        #expect(narrowed.statements.last?.row.conditionText == "StringEquals kms:ViaService=s3.${AWS::Region}.amazonaws.com")
        let widened = compare([base(conditional)], [base(unconditional)])
        #expect(widened.statements.map(\.verdict) == [.neutral, .broadening])
    }

    @Test("a bucket policy that opens to a new principal is broadening; Principal * covers any")
    func principals() {
        let policy = { (principal: Value) in
            Resource("DataBucketPolicy", type: "AWS::S3::BucketPolicy", properties: [
                "Bucket": .ref("DataBucket"),
                "PolicyDocument": ["Statement": [[
                    "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": Fixtures.objects,
                ]]],
            ])
        }
        let service = policy(["Service": "logging.s3.amazonaws.com"])
        let account = policy(["AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]])
        let changes = compare([service], [account])
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.principal) \($0.verdict.rawValue)" } == [
            "added AWS:arn:aws:iam::111122223333:root broadening",
            "added AWS:arn:aws:iam::444455556666:root broadening",
            "removed Service:logging.s3.amazonaws.com narrowing",
        ])
        let everyone = compare([policy("*")], [account])
        #expect(everyone.statements.filter { $0.change == .added }.allSatisfy { $0.verdict == .narrowing })
        #expect(compare([policy(["AWS": "*"])], [policy("*")]).statements.isEmpty)
    }

    @Test("a Lambda permission is an Allow for its principal on its function")
    func lambdaPermission() throws {
        let permission = { (source: Value?) in
            var properties: Object = [
                "Action": "lambda:InvokeFunction", "FunctionName": .ref("Handler"), "Principal": "events.amazonaws.com",
            ]
            properties["SourceArn"] = source
            return Resource("InvokePermission", type: "AWS::Lambda::Permission", properties: properties)
        }
        let changes = compare([permission(.getAtt("Rule", "Arn"))], [permission(nil)])
        let added = try #require(changes.statements.first { $0.change == .added })
        #expect(added.row.principal.text == "Service:events.amazonaws.com")
        #expect(added.row.resource.text == "${Handler}")
        #expect(added.verdict == .broadening)
        #expect(changes.statements.first { $0.change == .removed }?.row.conditionText == "ArnLike aws:SourceArn=${Rule.Arn}")
    }

    @Test("attaching an AWS-managed policy by ARN is broadening: its statements are not in the template")
    func managedPolicyArn() {
        let base = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        var admin = base
        admin.properties["ManagedPolicyArns"] = [.sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")]
        let changes = compare([base], [admin])
        #expect(changes.statements.map { "\($0.row.action) \($0.verdict.rawValue)" } == [
            "policy arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess broadening",
        ])
        #expect(changes.statements.first?.locations.map(\.description) == ["Resources.ReaderRole.Properties.ManagedPolicyArns[0]"])
    }

    @Test("a key policy's Resource * is its own key, so two keys' statements never match each other")
    func keyPolicyResource() {
        let key = { (id: String) in
            Resource(id, type: "AWS::KMS::Key", properties: ["KeyPolicy": ["Statement": [[
                "Effect": "Allow", "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                "Action": "kms:*", "Resource": "*",
            ]]]])
        }
        let changes = compare([key("OldKey")], [key("OldKey"), key("NewKey")])
        #expect(rows(changes) == ["added kms:* ${NewKey.Arn} broadening"])
    }

    @Test("NotAction rows: excluding less is broadening")
    func notAction() {
        let statement = { (excluded: String) -> Value in ["Effect": "Allow", "NotAction": .string(excluded), "Resource": "*"] }
        let role = { (excluded: String) in
            Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects], extraStatements: [statement(excluded)])
        }
        let changes = compare([role("iam:*")], [role("iam:CreateUser")])
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.action) \($0.verdict.rawValue)" } == [
            "removed not iam:* neutral",
            "added not iam:CreateUser broadening",
        ])
    }

    @Test("a statement under Fn::If exists only when its condition holds")
    func conditionalStatement() {
        var role = Fixtures.role(actions: ["s3:GetObject"], resources: [Fixtures.objects])
        let before = role
        role.properties["Policies"] = [[
            "PolicyName": "Read",
            "PolicyDocument": ["Statement": [.if("IsProduction", ["Effect": "Allow", "Action": "s3:GetObject", "Resource": Fixtures.objects], else: .ref("AWS::NoValue"))]],
        ]]
        let changes = compare([before], [role])
        #expect(changes.statements.map { "\($0.change.rawValue) \($0.row.conditionText) \($0.verdict.rawValue)" } == [
            "removed - narrowing",
            "added if IsProduction narrowing",
        ])
    }
}

import AWSResources

/// Actions the catalog says `s3:GetObject*` matches, for the union test.
enum IAMActionCatalogFixture {
    static var getObjectActions: [String] { IAMActionCatalog.matching("s3:GetObject*") }
}
