import CloudFormation
import Foundation
import CloudFormationTesting
import Testing
import TemplateDiff

/// `synth diff`'s broadening verdict against the test kit's evaluator, both
/// built on IAMPolicies, over generated pairs of policies: the diff says
/// "broadening" exactly when the evaluator finds a request the new template
/// allows and the old one does not.
///
/// **What both model.** Allow statements of one role's identity policies
/// (inline, `AWS::IAM::Policy`, `AWS::IAM::RolePolicy`), with `Action` or
/// `NotAction` and `Resource`, without conditions. Left out: `NotResource`,
/// which the diff weighs against one other row at a time (everything but
/// bucket `a`, and a grant on every bucket beside it, together cover
/// everything but `*/x`; the diff does not see that);
/// Deny statements, which the diff judges row by row (a removed Deny is
/// broadening unless another covers it, whether or not an Allow reaches what
/// it denied) where the evaluator weighs them against the Allows; conditions,
/// which the diff compares as text; and principals named by resource
/// policies, which the diff keeps apart from the role's own grants.
///
/// **The requests.** Every pattern the generator writes names buckets `a`
/// and `b` and key `x`; the requests also name a bucket `z` and a key `k` no
/// pattern names, and a DynamoDB table, so each pattern's wildcards have a
/// witness, and one representative action of each class of actions the
/// patterns tell apart. A request any pattern allows is then among them.
@Suite("The diff's broadening verdict agrees with the evaluator")
struct DiffEvaluatorAgreementTests {
    static let actionPatterns = ["s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*", "s3:List*", "s3:ListBucket"]
    static let resourcePatterns = [
        "arn:aws:s3:::a/*", "arn:aws:s3:::a/x", "arn:aws:s3:::b/*", "arn:aws:s3:::*/x", "arn:aws:s3:::a", "arn:aws:s3:::*", "*",
    ]
    static let actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetObjectAcl", "s3:ListAllMyBuckets", "s3:DeleteObject", "dynamodb:GetItem"]
    static let resources = [
        "arn:aws:s3:::a/x", "arn:aws:s3:::a/k", "arn:aws:s3:::b/x", "arn:aws:s3:::b/k", "arn:aws:s3:::z/x", "arn:aws:s3:::z/k",
        "arn:aws:s3:::a", "arn:aws:s3:::b", "arn:aws:s3:::z", "arn:aws:dynamodb:us-east-1:123456789012:table/t",
    ]

    /// SplitMix64: the same seed gives the same pairs on every run and platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// One generated statement and the policy that holds it.
    struct Statement: Equatable {
        enum Holder: CaseIterable { case inline, policy, rolePolicy }
        var holder: Holder
        var actions: [String]
        var notAction: Bool
        var resources: [String]
        var notResource: Bool

        var value: Value {
            let action: Value = actions.count == 1 ? .string(actions[0]) : .list(actions.map(Value.string))
            let resource: Value = resources.count == 1 ? .string(resources[0]) : .list(resources.map(Value.string))
            return ["Effect": "Allow", notAction ? "NotAction" : "Action": action, notResource ? "NotResource" : "Resource": resource]
        }
    }

    static func statement(_ random: inout Generator) -> Statement {
        func some(_ patterns: [String]) -> [String] {
            let first = random.pick(patterns)
            guard random.below(3) == 0 else { return [first] }
            let second = random.pick(patterns)
            return second == first ? [first] : [first, second]
        }
        return Statement(
            holder: random.pick(Statement.Holder.allCases), actions: some(actionPatterns), notAction: random.below(8) == 0,
            resources: some(resourcePatterns), notResource: false)
    }

    static func policy(_ random: inout Generator) -> [Statement] {
        (0...random.below(3)).map { _ in statement(&random) }
    }

    /// The new policy: half the time an independent one, otherwise the old one changed in one place.
    static func changed(_ old: [Statement], _ random: inout Generator) -> [Statement] {
        var new = old
        switch random.below(6) {
        case 0: return policy(&random)
        case 1: new.append(statement(&random))
        case 2: if new.count > 1 { new.remove(at: random.below(new.count)) }
        case 3: let i = random.below(new.count); new[i].actions = [random.pick(actionPatterns)]
        case 4: let i = random.below(new.count); new[i].resources = [random.pick(resourcePatterns)]
        default: let i = random.below(new.count); new[i].holder = random.pick(Statement.Holder.allCases)
        }
        return new
    }

    static func template(_ statements: [Statement]) -> Template {
        func document(_ holder: Statement.Holder) -> Value? {
            let own = statements.filter { $0.holder == holder }
            return own.isEmpty ? nil : ["Version": "2012-10-17", "Statement": .list(own.map(\.value))]
        }
        var role: Object = [
            "AssumeRolePolicyDocument": ["Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]]],
        ]
        if let inline = document(.inline) { role["Policies"] = [["PolicyName": "inline", "PolicyDocument": inline]] }
        var template = Template()
        template.resources = [Resource("Role", type: "AWS::IAM::Role", properties: role)]
        if let policy = document(.policy) {
            template.resources.append(Resource("Policy", type: "AWS::IAM::Policy", properties: [
                "PolicyName": "p", "Roles": [.intrinsic(.ref("Role"))], "PolicyDocument": policy,
            ]))
        }
        if let policy = document(.rolePolicy) {
            template.resources.append(Resource("RolePolicy", type: "AWS::IAM::RolePolicy", properties: [
                "PolicyName": "rp", "RoleName": .intrinsic(.ref("Role")), "PolicyDocument": policy,
            ]))
        }
        return template
    }

    /// The requests the template's role is allowed, by the evaluator.
    static func allowed(_ template: Template) -> Set<String> {
        let iam = template.iam()
        var allowed = Set<String>()
        for action in actions {
            for resource in resources where iam.allows(.role("Role"), action, on: .arn(resource)).isAllowed {
                allowed.insert("\(action) on \(resource)")
            }
        }
        return allowed
    }

    @Test("over 10,000 generated pairs of policies, broadening exactly when a request is newly allowed")
    func agreement() {
        var random = Generator(state: 20_241_205)
        var allowedByPolicy: [[Statement]: Set<String>] = [:]
        func allowed(_ statements: [Statement]) -> Set<String> {
            if let known = allowedByPolicy[statements] { return known }
            let result = Self.allowed(Self.template(statements))
            allowedByPolicy[statements] = result
            return result
        }
        var disagreements: [String] = [], broadening = 0
        let pairs = Int(ProcessInfo.processInfo.environment["AGREEMENT_PAIRS"] ?? "") ?? 10_000
        for _ in 0..<pairs {
            let old = Self.policy(&random), new = Self.changed(old, &random)
            let newlyAllowed = allowed(new).subtracting(allowed(old))
            let verdict = TemplateDiff.compare(old: Self.template(old), new: Self.template(new)).hasBroadening
            if verdict { broadening += 1 }
            if verdict != !newlyAllowed.isEmpty, disagreements.count < 5 {
                disagreements.append("""
                    diff says \(verdict ? "broadening" : "not broadening"); newly allowed: \(newlyAllowed.sorted())
                      old: \(old.map(\.description))
                      new: \(new.map(\.description))
                    """)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        // Both verdicts occur often enough for the agreement to mean something.
        #expect(broadening > pairs / 5 && broadening < pairs * 4 / 5, "\(broadening) of \(pairs) broadening")
    }
}

extension DiffEvaluatorAgreementTests.Statement: Hashable, CustomStringConvertible {
    var description: String {
        "\(holder): \(notAction ? "NotAction" : "Action") \(actions) \(notResource ? "NotResource" : "Resource") \(resources)"
    }
}
