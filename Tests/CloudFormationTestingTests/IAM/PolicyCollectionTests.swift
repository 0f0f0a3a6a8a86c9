import CloudFormation
import CloudFormationTesting
import Testing

/// Where a role's permissions come from: its inline policies, the
/// `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources that list it,
/// the template's managed policies in its `ManagedPolicyArns`, its
/// permissions boundary; and who may assume it, from its trust policy.
@Suite("Policies gathered from the template")
struct PolicyCollectionTests {
    static let tableArn = "arn:aws:dynamodb:us-east-1:123456789012:table/people"

    static func document(_ action: String) -> Value {
        IAMTestTemplates.document(["Effect": "Allow", "Action": .string(action), "Resource": .string(tableArn)])
    }

    static let template = Template(resources: [
        Resource("People", type: "AWS::DynamoDB::Table", properties: ["TableName": "people"]),
        IAMTestTemplates.role("Worker", managedPolicyArns: [
            .ref("Writers"), "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        ]),
        Resource("Readers", type: "AWS::IAM::Policy", properties: [
            "PolicyName": "readers", "PolicyDocument": document("dynamodb:GetItem"), "Roles": [.ref("Worker")],
        ]),
        Resource("Scanners", type: "AWS::IAM::ManagedPolicy", properties: [
            "PolicyDocument": document("dynamodb:Scan"), "Roles": [.ref("Worker")],
        ]),
        Resource("Writers", type: "AWS::IAM::ManagedPolicy", properties: ["PolicyDocument": document("dynamodb:PutItem")]),
        Resource("Deleters", type: "AWS::IAM::ManagedPolicy", properties: ["PolicyDocument": document("dynamodb:DeleteItem")]),
    ])

    let iam = PolicyEvaluator(template)

    @Test("An AWS::IAM::Policy and an AWS::IAM::ManagedPolicy whose Roles list the role apply to it")
    func policiesListingTheRole() {
        let get = iam.allows(.role("Worker"), "dynamodb:GetItem", on: .table("people"))
        #expect(get.isAllowed)
        #expect(get.statements.map(\.kind) == [.policy])
        #expect(get.statements.map(\.logicalID) == ["Readers"])
        let scan = iam.allows(.role("Worker"), "dynamodb:Scan", on: .table("people"))
        #expect(scan.isAllowed)
        #expect(scan.statements.map(\.logicalID) == ["Scanners"])
    }

    @Test("A managed policy of the template named in ManagedPolicyArns applies; one not attached does not")
    func managedPolicyArns() {
        #expect(iam.allows(.role("Worker"), "dynamodb:PutItem", on: .table("people")).isAllowed)
        #expect(iam.allows(.role("Worker"), "dynamodb:DeleteItem", on: .table("people")).isImplicitlyDenied)
    }

    @Test("An AWS managed policy is named in the notes as not evaluated")
    func awsManagedPolicyIsNoted() {
        let decision = iam.allows(.role("Worker"), "logs:CreateLogGroup", on: .arn("*"))
        #expect(decision.isImplicitlyDenied)
        #expect(decision.notes == [
            "managed policy arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole of role Worker is not in the template: not evaluated",
        ])
    }

    @Test("A permissions boundary of the template limits what identity policies grant")
    func permissionsBoundary() {
        var template = Self.template
        template.resources[1] = IAMTestTemplates.role(
            "Worker", statements: [["Effect": "Allow", "Action": "dynamodb:*", "Resource": .string(Self.tableArn)]],
            permissionsBoundary: .ref("Scanners"))
        let iam = PolicyEvaluator(template)
        #expect(iam.allows(.role("Worker"), "dynamodb:Scan", on: .table("people")).isAllowed)
        #expect(iam.allows(.role("Worker"), "dynamodb:BatchWriteItem", on: .table("people")).isImplicitlyDenied)
    }

    @Test("A permissions boundary outside the template makes identity allows uncertain")
    func outsideBoundary() {
        var template = Self.template
        template.resources[1] = IAMTestTemplates.role(
            "Worker", statements: [["Effect": "Allow", "Action": "dynamodb:Query", "Resource": .string(Self.tableArn)]],
            permissionsBoundary: "arn:aws:iam::123456789012:policy/Boundary")
        let decision = PolicyEvaluator(template).allows(.role("Worker"), "dynamodb:Query", on: .table("people"))
        #expect(decision.isImplicitlyDenied)
        #expect(decision.mightBeAllowed)
    }

    @Test("The trust policy answers sts:AssumeRole on the role")
    func trustPolicy() {
        let assume = iam.allows(.service("lambda.amazonaws.com"), "sts:AssumeRole", on: .role("Worker"))
        #expect(assume.isAllowed)
        #expect(assume.statements.map(\.path.description) == ["Resources.Worker.Properties.AssumeRolePolicyDocument.Statement[0]"])
        #expect(iam.allows(.service("ec2.amazonaws.com"), "sts:AssumeRole", on: .role("Worker")).isImplicitlyDenied)
        #expect(iam.allows(.anyone, "sts:AssumeRole", on: .role("Worker")).isImplicitlyDenied)
    }

    @Test("A statement under Fn::If allows only maybe; deciding the condition settles it")
    func statementUnderFnIf() {
        let template = Template(resources: [
            IAMTestTemplates.role("Worker", statements: [
                .if("IsProduction", ["Effect": "Allow", "Action": "dynamodb:Scan", "Resource": .string(Self.tableArn)],
                    else: .noValue),
            ]),
        ])
        let undecided = PolicyEvaluator(template).allows(.role("Worker"), "dynamodb:Scan", on: .table("people"))
        #expect(undecided.isImplicitlyDenied)
        #expect(undecided.mightBeAllowed)
        #expect(undecided.statements.map(\.isCertain) == [false])
        let production = PolicyEvaluator(template, context: EvaluationContext(conditionValues: ["IsProduction": true]))
        #expect(production.allows(.role("Worker"), "dynamodb:Scan", on: .table("people")).isAllowed)
        let development = PolicyEvaluator(template, context: EvaluationContext(conditionValues: ["IsProduction": false]))
        #expect(!development.allows(.role("Worker"), "dynamodb:Scan", on: .table("people")).mightBeAllowed)
    }

    @Test("An unresolvable resource in an Allow matches nothing, and a Deny on one is taken to apply")
    func unresolvedResources() {
        let template = Template(resources: [
            IAMTestTemplates.role("Worker", statements: [
                ["Effect": "Allow", "Action": "s3:GetObject", "Resource": .importValue("SharedBucketObjects")],
            ]),
            IAMTestTemplates.role("Guarded", statements: [
                ["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"],
                ["Effect": "Deny", "Action": "s3:GetObject", "Resource": .importValue("SecretObjects")],
            ]),
        ])
        let iam = PolicyEvaluator(template)
        let allow = iam.allows(.role("Worker"), "s3:GetObject", on: .arn("arn:aws:s3:::shared/a"))
        #expect(allow.isImplicitlyDenied)
        #expect(allow.notes == [
            "Resources.Worker.Properties.Policies[0].PolicyDocument.Statement[0]: resource (unresolved: Fn::ImportValue SharedBucketObjects: another stack's export) cannot be resolved",
        ])
        let deny = iam.allows(.role("Guarded"), "s3:GetObject", on: .arn("arn:aws:s3:::shared/a"))
        #expect(deny.isExplicitlyDenied)
        #expect(deny.mightBeAllowed)
    }
}
