import CloudFormation

/// A policy statement found in a template, with what its policy implies
/// about it: whose identity policy it is, and what a missing or `*`
/// resource means.
struct CollectedStatement {
    var statement: Object
    /// Where the statement is written.
    var path: TemplatePath
    /// For identity policies, the identities they are attached to
    /// (`role:${ExportRole}`); `nil` for resource policies, whose statements name principals.
    var identityPrincipals: [String]?
    /// The resource of a statement that names none: a trust policy's role.
    var defaultResource: String?
    /// What `Resource: "*"` means: a key policy's `*` is its own key.
    var wildcardResource: String?
    var templateConditions: [ConditionClause]
}

/// Finds every policy statement of a template: roles' trust policies and
/// inline policies (and users' and groups'), `AWS::IAM::Policy` and
/// `ManagedPolicy`, AWS-managed policies attached by ARN, bucket, queue and
/// topic policies, key policies, and `AWS::Lambda::Permission` (as the Allow
/// statement it adds to the function's resource policy).
enum PolicyStatementCollector {
    static func statements(in template: Template) -> [CollectedStatement] {
        let managedPolicyAttachments = attachmentsOfManagedPolicies(in: template)
        var result: [CollectedStatement] = []
        for resource in template.resources {
            let base = resource.condition.map { [ConditionClause.templateCondition($0, holds: true)] } ?? []
            let path: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            let properties = resource.properties
            /// The statements of the document at `documentPath`, with what its place implies about them.
            func document(
                at documentPath: TemplatePath, identities: [String]? = nil,
                defaultResource: String? = nil, wildcardResource: String? = nil
            ) {
                guard let value = value(at: documentPath, in: resource) else { return }
                let prototype = CollectedStatement(
                    statement: [:], path: documentPath, identityPrincipals: identities,
                    defaultResource: defaultResource, wildcardResource: wildcardResource, templateConditions: base)
                result += statements(inDocument: value, at: documentPath, prototype: prototype)
            }
            let compactID = "${\(resource.logicalID)}"
            switch resource.type {
            case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
                let identity = "\(identityKind(resource.type)!):\(compactID)"
                if resource.type == "AWS::IAM::Role" {
                    document(at: path.appending("AssumeRolePolicyDocument"), defaultResource: "${\(resource.logicalID).Arn}")
                }
                if case .list(let policies)? = properties["Policies"] {
                    for index in policies.indices {
                        document(at: path.appending("Policies").appending(index: index).appending("PolicyDocument"), identities: [identity])
                    }
                }
                result += awsManagedPolicies(of: resource, identity: identity, at: path, conditions: base, in: template)
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
                // A policy attached to nothing (yet) still shows, under its own name.
                var identities = identities(attachedBy: properties) + (managedPolicyAttachments[resource.logicalID] ?? [])
                if identities.isEmpty { identities = ["policy:\(compactID)"] }
                document(at: path.appending("PolicyDocument"), identities: identities)
            case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy":
                document(at: path.appending("PolicyDocument"))
            case "AWS::KMS::Key":
                document(at: path.appending("KeyPolicy"), wildcardResource: "${\(resource.logicalID).Arn}")
            case "AWS::Lambda::Permission":
                result.append(CollectedStatement(
                    statement: LambdaPermissionStatement.statement(of: properties), path: ["Resources", resource.logicalID],
                    identityPrincipals: nil, defaultResource: nil, wildcardResource: nil, templateConditions: base))
            default:
                break
            }
        }
        return result
    }

    private static func value(at path: TemplatePath, in resource: Resource) -> Value? {
        var value: Value? = .object(resource.properties)
        for component in path.components.dropFirst(3) {
            switch (component, value) {
            case (.key(let key), .object(let object)?): value = object[key]
            case (.index(let index), .list(let items)?): value = items.indices.contains(index) ? items[index] : nil
            default: return nil
            }
        }
        return value
    }

    /// The statements of one policy document: `Statement` is a list or a
    /// single statement; an item may be `Fn::If`, each branch a statement
    /// that exists under the condition (or `AWS::NoValue`, none).
    private static func statements(inDocument document: Value, at path: TemplatePath, prototype: CollectedStatement) -> [CollectedStatement] {
        guard case .object(let object) = document, let statement = object["Statement"] else { return [] }
        let statementPath = path.appending("Statement")
        switch statement {
        case .list(let items):
            return items.indices.flatMap { index in
                expandingConditionals(items[index], at: statementPath.appending(index: index), prototype: prototype)
            }
        default:
            return expandingConditionals(statement, at: statementPath, prototype: prototype)
        }
    }

    private static func expandingConditionals(_ value: Value, at path: TemplatePath, prototype: CollectedStatement) -> [CollectedStatement] {
        switch value {
        case .object(let statement):
            var collected = prototype
            collected.statement = statement
            collected.path = path
            return [collected]
        case .intrinsic(.if(let condition, let then, let otherwise)):
            var whenTrue = prototype, whenFalse = prototype
            whenTrue.templateConditions.append(.templateCondition(condition, holds: true))
            whenFalse.templateConditions.append(.templateCondition(condition, holds: false))
            return expandingConditionals(then, at: path, prototype: whenTrue)
                + expandingConditionals(otherwise, at: path, prototype: whenFalse)
        default:
            return []
        }
    }

    /// `Roles`, `Users` and `Groups` of a policy, as identities.
    private static func identities(attachedBy properties: Object) -> [String] {
        [("Roles", "role"), ("Users", "user"), ("Groups", "group")].flatMap { key, kind -> [String] in
            guard case .list(let names)? = properties[key] else { return [] }
            return names.map { "\(kind):\(CompactText.text($0))" }
        }
    }

    /// Managed policies of the template attached by a role's, user's or
    /// group's `ManagedPolicyArns: [!Ref Policy]`, by the policy's logical ID.
    private static func attachmentsOfManagedPolicies(in template: Template) -> [String: [String]] {
        let managed = Set(template.resources.filter { $0.type == "AWS::IAM::ManagedPolicy" }.map(\.logicalID))
        var attachments: [String: [String]] = [:]
        for resource in template.resources {
            guard let kind = identityKind(resource.type), case .list(let arns)? = resource.properties["ManagedPolicyArns"] else { continue }
            for arn in arns {
                if case .intrinsic(.ref(let id)) = arn, managed.contains(id) {
                    attachments[id, default: []].append("\(kind):${\(resource.logicalID)}")
                }
            }
        }
        return attachments
    }

    /// A managed policy attached by ARN that is not one of the template's
    /// (`arn:aws:iam::aws:policy/ReadOnlyAccess`): its statements are not in the
    /// template, so it is one row whose action is the policy itself, which no
    /// row but `Allow *` on `*` covers. Attaching one is therefore broadening.
    private static func awsManagedPolicies(
        of resource: Resource, identity: String, at path: TemplatePath, conditions: [ConditionClause], in template: Template
    ) -> [CollectedStatement] {
        guard case .list(let arns)? = resource.properties["ManagedPolicyArns"] else { return [] }
        return arns.indices.compactMap { index in
            if case .intrinsic(.ref(let id)) = arns[index], template.resource(id)?.type == "AWS::IAM::ManagedPolicy" { return nil }
            return CollectedStatement(
                statement: ["Effect": "Allow", "Action": .string("policy \(CompactText.text(arns[index]))"), "Resource": "*"],
                path: path.appending("ManagedPolicyArns").appending(index: index), identityPrincipals: [identity],
                defaultResource: nil, wildcardResource: nil, templateConditions: conditions)
        }
    }

    private static func identityKind(_ type: String) -> String? {
        switch type {
        case "AWS::IAM::Role": "role"
        case "AWS::IAM::User": "user"
        case "AWS::IAM::Group": "group"
        default: nil
        }
    }
}
