import CloudFormation
import IAMPolicies
import Testing
@testable import TemplateDiff

/// Two spellings IAM reads alike are no change, in every kind of policy of
/// the catalog: a statement's `Action` (and `Resource`, principals, condition
/// values) in another order, and `"x"` written as `["x"]`.
@Suite("Policy spellings that are no change, in every kind of policy")
struct PolicySpellingTests {
    /// A statement whose lists are written in `order`, or with `one` value written as a scalar.
    static func statement(reversed: Bool = false, scalar: Bool = false) -> Value {
        func list(_ items: [Value]) -> Value {
            if scalar { return items[0] }
            return .list(reversed ? items.reversed() : items)
        }
        return [
            "Effect": "Allow",
            "Principal": ["AWS": list(["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"])],
            "Action": list(["s3:GetObject", "s3:PutObject"]),
            "Resource": list(["arn:aws:s3:::data/*", "arn:aws:s3:::logs/*"]),
            "Condition": ["StringEquals": ["aws:SourceAccount": list(["111122223333", "444455556666"])]],
        ]
    }

    /// A template with one resource of the kind's type holding `statement` where the kind says.
    static func template(_ kind: PolicyKind, _ statement: Value) -> Template? {
        let document: Value = ["Version": "2012-10-17", "Statement": [statement]]
        let properties: Value
        switch kind.location {
        case .document(let path):
            properties = path.reversed().reduce(document) { inner, component in component == "*" ? .list([inner]) : [component: inner] }
        case .samPolicies:
            properties = ["Policies": [document]]
        case .statementProperties:
            // Only an event bus policy takes a statement; the others' properties hold one action each.
            guard kind.resourceType == "AWS::Events::EventBusPolicy" else { return nil }
            properties = ["StatementId": "s", "Statement": statement]
        }
        guard case .object(let object) = properties else { return nil }
        var template = Template()
        template.resources = [Resource("Holder", type: kind.resourceType, properties: object)]
        return template
    }

    static let documentKinds = PolicyKind.all.filter { template($0, statement()) != nil }

    @Test("the catalog's kinds are all exercised but the one-action statement resources")
    func coverage() {
        #expect(Self.documentKinds.count == PolicyKind.all.count - 2)
    }

    @Test("another order of the lists is no change", arguments: documentKinds)
    func reordered(kind: PolicyKind) throws {
        let old = try #require(Self.template(kind, Self.statement()))
        let new = try #require(Self.template(kind, Self.statement(reversed: true)))
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.resources.isEmpty && changes.statements.isEmpty, "\(kind): \(changes.render(colour: false))")
    }

    @Test("\"x\" and [\"x\"] are no change", arguments: documentKinds)
    func scalarAsList(kind: PolicyKind) throws {
        let scalar = try #require(Self.template(kind, Self.statement(scalar: true)))
        let first: Value = {
            guard case .object(var statement) = Self.statement(scalar: true) else { return Self.statement() }
            for key in ["Action", "Resource"] { statement[key] = .list([statement[key]!]) }
            statement["Principal"] = ["AWS": ["arn:aws:iam::111122223333:root"]]
            statement["Condition"] = ["StringEquals": ["aws:SourceAccount": ["111122223333"]]]
            return .object(statement)
        }()
        let list = try #require(Self.template(kind, first))
        for (old, new) in [(scalar, list), (list, scalar)] {
            let changes = TemplateDiff.compare(old: old, new: new)
            #expect(changes.resources.isEmpty && changes.statements.isEmpty, "\(kind): \(changes.render(colour: false))")
        }
    }

    @Test("a real change still shows, in the spelling each template wrote", arguments: [PolicyKind.bucketPolicy, .inlineRolePolicy])
    func realChange(kind: PolicyKind) throws {
        let old = try #require(Self.template(kind, Self.statement(scalar: true)))
        guard case .object(var widened) = Self.statement(scalar: true) else { return }
        widened["Action"] = ["s3:GetObject", "s3:DeleteObject"]
        let new = try #require(Self.template(kind, .object(widened)))
        let text = TemplateDiff.compare(old: old, new: new).render(colour: false)
        #expect(text.contains(#".Action: "s3:GetObject" → ["s3:GetObject", "s3:DeleteObject"]"#), "\(text)")
    }
}
