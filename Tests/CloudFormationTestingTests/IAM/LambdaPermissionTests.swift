import CloudFormation
import CloudFormationTesting
import Testing

/// An `AWS::Lambda::Permission` is one Allow statement in its function's
/// resource policy; its `SourceArn` becomes an `aws:SourceArn` condition,
/// which is what keeps other rules (and other accounts' rules) from invoking.
@Suite("Lambda permissions")
struct LambdaPermissionTests {
    static let template = Template(resources: [
        IAMTestTemplates.role("ExportRole"),
        Resource("Export", type: "AWS::Lambda::Function", properties: [
            "FunctionName": "export-people", "Role": .getAtt("ExportRole", "Arn"), "Handler": "index.handler",
            "Runtime": "python3.13", "Code": ["ZipFile": "def handler(event, context): pass"],
        ]),
        Resource("Nightly", type: "AWS::Events::Rule", properties: [
            "Name": "nightly-export", "ScheduleExpression": "cron(0 3 * * ? *)",
            "Targets": [["Arn": .getAtt("Export", "Arn"), "Id": "export"]],
        ]),
        Resource("NightlyMayInvoke", type: "AWS::Lambda::Permission", properties: [
            "Action": "lambda:InvokeFunction", "FunctionName": .ref("Export"), "Principal": "events.amazonaws.com",
            "SourceArn": .getAtt("Nightly", "Arn"),
        ]),
    ])

    let iam = PolicyEvaluator(template)
    let events = Principal.service("events.amazonaws.com")

    @Test("EventBridge may invoke the function when the request comes from the rule")
    func invokeFromTheRule() throws {
        let ruleArn = try #require(iam.arn(of: "Nightly"))
        #expect(ruleArn == "arn:aws:events:us-east-1:123456789012:rule/nightly-export")
        let decision = iam.allows(events, "lambda:InvokeFunction", on: .function("Export"), context: ["aws:SourceArn": ruleArn])
        #expect(decision.outcome == .allowed)
        #expect(decision.resource == "arn:aws:lambda:us-east-1:123456789012:function:export-people")
        #expect(decision.statements.map(\.path.description) == ["Resources.NightlyMayInvoke.Properties"])
        #expect(decision.statements.map(\.kind) == [.lambdaPermission])
    }

    @Test("EventBridge may not invoke it on behalf of another rule")
    func notFromAnotherRule() {
        let otherRule = "arn:aws:events:us-east-1:123456789012:rule/someone-elses"
        let decision = iam.allows(events, "lambda:InvokeFunction", on: .function("Export"), context: ["aws:SourceArn": otherRule])
        #expect(decision.outcome == .implicitlyDenied)
        #expect(!decision.mightBeAllowed)
    }

    @Test("Without aws:SourceArn in the request the permission's condition is unevaluated: not allowed, but it might be")
    func withoutSourceArn() {
        let decision = iam.allows(events, "lambda:InvokeFunction", on: .function("Export"))
        #expect(decision.outcome == .implicitlyDenied)
        #expect(decision.mightBeAllowed)
        #expect(decision.notes == [
            "condition ArnLike on aws:SourceArn is unevaluated: the request context says nothing about aws:SourceArn",
        ])
    }

    @Test("The permission names one service for one action: others get nothing")
    func onlyThatServiceAndAction() throws {
        let ruleArn = try #require(iam.arn(of: "Nightly"))
        let context: RequestContext = ["aws:SourceArn": ruleArn]
        #expect(!iam.allows(.service("sns.amazonaws.com"), "lambda:InvokeFunction", on: .function("Export"), context: context).mightBeAllowed)
        #expect(!iam.allows(events, "lambda:UpdateFunctionCode", on: .function("Export"), context: context).mightBeAllowed)
        // Lambda is named too: by the role's trust policy.
        #expect(iam.principals()
            == [.role("ExportRole"), .service("events.amazonaws.com"), .service("lambda.amazonaws.com"), .anyone])
    }
}
