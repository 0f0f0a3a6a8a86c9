import CloudFormation
import CloudFormationTesting
import Testing

/// Whom a resource policy's `Principal` takes in: everyone, one principal by
/// ARN, a service, or an account — which, for principals of that account,
/// hands the decision to their identity policies instead of granting itself
/// (IAM User Guide, "AWS JSON policy elements: Principal", and "Policy
/// evaluation for requests within a single account").
@Suite("Principals in resource policies")
struct PrincipalMatchingTests {
    /// A queue whose policy lets `principal` send messages; a role that has
    /// no identity policy and one that is allowed to send by its own.
    static func evaluator(sendersAre principal: Value) -> PolicyEvaluator {
        PolicyEvaluator(Template(resources: [
            Resource("Work", type: "AWS::SQS::Queue", properties: ["QueueName": "work"]),
            Resource("WorkPolicy", type: "AWS::SQS::QueuePolicy", properties: [
                "Queues": [.ref("Work")],
                "PolicyDocument": IAMTestTemplates.document([
                    "Effect": "Allow", "Principal": principal, "Action": "sqs:SendMessage", "Resource": .getAtt("Work", "Arn"),
                ]),
            ]),
            IAMTestTemplates.role("Idle", name: "idle"),
            IAMTestTemplates.role("Sender", name: "sender", statements: [
                ["Effect": "Allow", "Action": "sqs:SendMessage", "Resource": .getAtt("Work", "Arn")],
            ]),
        ]))
    }

    func sends(_ principal: Principal, when sendersAre: Value) -> Decision {
        Self.evaluator(sendersAre: sendersAre).allows(principal, "sqs:SendMessage", on: .queue("work"))
    }

    @Test("\"*\" and {\"AWS\": \"*\"} take in everyone: roles, services, anyone")
    func everyone() {
        for element: Value in ["*", ["AWS": "*"]] {
            #expect(sends(.role("Idle"), when: element).isAllowed)
            #expect(sends(.service("sns.amazonaws.com"), when: element).isAllowed)
            #expect(sends(.anyone, when: element).isAllowed)
        }
    }

    @Test("{\"AWS\": role ARN} takes in that role only")
    func oneRole() {
        let element: Value = ["AWS": "arn:aws:iam::123456789012:role/idle"]
        let decision = sends(.role("Idle"), when: element)
        #expect(decision.isAllowed)
        #expect(decision.statements.map(\.kind) == [.queuePolicy])
        #expect(sends(.arn("arn:aws:iam::123456789012:role/idle"), when: element).isAllowed)  // the same role, by ARN
        #expect(sends(.anyone, when: element).isImplicitlyDenied)
        #expect(sends(.service("sns.amazonaws.com"), when: element).isImplicitlyDenied)
    }

    @Test("Naming the account (its ID or root ARN) grants a role of it nothing by itself: its identity policy decides")
    func accountDelegatesToIdentityPolicies() {
        for element: Value in [["AWS": "123456789012"], ["AWS": "arn:aws:iam::123456789012:root"]] {
            #expect(sends(.role("Idle"), when: element).isImplicitlyDenied)
            #expect(sends(.role("Sender"), when: element).isAllowed)
            #expect(sends(.root, when: element).isAllowed)
            #expect(sends(.anyone, when: element).isImplicitlyDenied)
        }
    }

    @Test("{\"Service\": name} takes in that service only")
    func service() {
        let element: Value = ["Service": "sns.amazonaws.com"]
        #expect(sends(.service("sns.amazonaws.com"), when: element).isAllowed)
        #expect(sends(.service("events.amazonaws.com"), when: element).isImplicitlyDenied)
        #expect(sends(.role("Idle"), when: element).isImplicitlyDenied)
    }

    @Test("Another account named by the policy: allowed as far as this template decides, with a note")
    func crossAccount() {
        let element: Value = ["AWS": "arn:aws:iam::999999999999:root"]
        let partner = sends(.arn("arn:aws:iam::999999999999:role/partner"), when: element)
        #expect(partner.isAllowed)
        #expect(partner.notes == [
            "the identity policies of arn:aws:iam::999999999999:role/partner are not in the template: not evaluated",
            "arn:aws:iam::999999999999:role/partner is in account 999999999999, not 123456789012: its own account's policies must allow the request too; not evaluated",
        ])
        #expect(sends(.accountRoot("999999999999"), when: element).isAllowed)
        #expect(sends(.accountRoot("111111111111"), when: element).isImplicitlyDenied)
    }
}
