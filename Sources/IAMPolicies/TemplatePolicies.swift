import CloudFormation
import Foundation

/// Every policy statement of a template, found once for every kind of policy
/// CloudFormation has (`PolicyKind.all`).
///
/// A document may be an object or a JSON string; `Statement` a list or one
/// statement; a document, a statement list or a statement may be `Fn::If`,
/// each branch holding under `if C` or `unless C` (`AWS::NoValue`: nothing).
public enum TemplatePolicies {
    /// The statements, in template order.
    public static func statements(in template: Template) -> [PolicyStatementSite] {
        policies(in: template).flatMap(\.statements)
    }

    /// The policies with their statements, in template order (a policy with
    /// no statement too: a key policy that is `Fn::If` of two documents is two).
    public static func policies(in template: Template) -> [(policy: FoundPolicy, statements: [PolicyStatementSite])] {
        let managedAttachments = managedPolicyAttachments(in: template)
        var result: [(policy: FoundPolicy, statements: [PolicyStatementSite])] = []
        for resource in template.resources {
            let base = resource.condition.map { [ConditionBranch($0, holds: true)] } ?? []
            let properties: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            for kind in PolicyKind.kinds(of: resource.type) {
                let identities = identities(of: kind, resource) + (kind == .managedPolicy ? managedAttachments[resource.logicalID] ?? [] : [])
                let governed = governed(by: kind, resource)
                func policy(at path: TemplatePath) -> FoundPolicy {
                    FoundPolicy(kind: kind, logicalID: resource.logicalID, path: path, identities: identities, governed: governed)
                }
                switch kind.location {
                case .document(let components):
                    for (path, document) in values(at: components, in: resource.properties, under: properties) {
                        let found = policy(at: path)
                        result.append((found, statements(inDocument: document, at: path, policy: found, conditions: base)))
                    }
                case .statementProperties:
                    guard let statement = StatementProperties.statement(of: resource.type, properties: resource.properties) else { continue }
                    let found = policy(at: properties)
                    let path = resource.properties["Statement"] != nil ? properties.appending("Statement") : properties
                    result.append((found, [PolicyStatementSite(statement: statement, path: path, policy: found, conditions: base)]))
                case .samPolicies:
                    guard let value = resource.properties["Policies"] else { continue }
                    let path = properties.appending("Policies")
                    let found = policy(at: path)
                    var statements: [PolicyStatementSite] = []
                    for (itemPath, item, conditions) in samItems(value, at: path, conditions: base) {
                        guard case .object(let object) = item, object["Statement"] != nil else { continue }
                        statements += self.statements(inDocument: item, at: itemPath, policy: found, conditions: conditions)
                    }
                    result.append((found, statements))
                }
            }
        }
        return result
    }

    /// The policies identities refer to that are not written in the template:
    /// `ManagedPolicyArns` entries other than the template's managed policies,
    /// and SAM `Policies` entries that are names or policy templates.
    public static func outsidePolicies(in template: Template) -> [OutsidePolicy] {
        var result: [OutsidePolicy] = []
        for resource in template.resources {
            let base = resource.condition.map { [ConditionBranch($0, holds: true)] } ?? []
            let properties: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            if let kind = identityKind(resource.type), case .list(let arns)? = resource.properties["ManagedPolicyArns"] {
                let identity = AttachedIdentity(kind: kind, name: .intrinsic(.ref(resource.logicalID)))
                for (index, arn) in arns.enumerated() {
                    if case .intrinsic(.ref(let id)) = arn, template.resource(id)?.type == "AWS::IAM::ManagedPolicy" { continue }
                    result.append(OutsidePolicy(
                        identity: identity, reference: arn, path: properties.appending("ManagedPolicyArns").appending(index: index),
                        conditions: base))
                }
            }
            if PolicyKind.kinds(of: resource.type).contains(where: { $0.location == .samPolicies }), let value = resource.properties["Policies"] {
                let identity = AttachedIdentity(kind: "role", name: .intrinsic(.ref(resource.logicalID + "Role")))
                for (path, item, conditions) in samItems(value, at: properties.appending("Policies"), conditions: base) {
                    if case .object(let object) = item, object["Statement"] != nil { continue }
                    result.append(OutsidePolicy(identity: identity, reference: item, path: path, conditions: conditions))
                }
            }
        }
        return result
    }

    // MARK: Documents

    /// The values at a property path (`*`: every item of a list), with their paths.
    private static func values(at components: [String], in properties: Object, under path: TemplatePath) -> [(TemplatePath, Value)] {
        var found: [(TemplatePath, Value)] = [(path, .object(properties))]
        for component in components {
            found = found.flatMap { path, value -> [(TemplatePath, Value)] in
                switch (component, value) {
                case ("*", .list(let items)):
                    return items.indices.map { (path.appending(index: $0), items[$0]) }
                case (_, .object(let object)):
                    return object[component].map { [(path.appending(component), $0)] } ?? []
                default:
                    return []
                }
            }
        }
        return found
    }

    /// The statements of one document.
    private static func statements(
        inDocument document: Value, at path: TemplatePath, policy: FoundPolicy, conditions: [ConditionBranch]
    ) -> [PolicyStatementSite] {
        branches(of: document, conditions: conditions).flatMap { document, conditions -> [PolicyStatementSite] in
            guard case .object(let object) = parsed(document), let statement = object["Statement"] else { return [] }
            let statementPath = path.appending("Statement")
            return branches(of: statement, conditions: conditions).flatMap { statement, conditions -> [PolicyStatementSite] in
                let items: [(TemplatePath, Value)] = if case .list(let list) = statement {
                    list.indices.map { (statementPath.appending(index: $0), list[$0]) }
                } else {
                    [(statementPath, statement)]
                }
                return items.flatMap { itemPath, item in
                    branches(of: item, conditions: conditions).compactMap { item, conditions in
                        guard case .object = item else { return nil }
                        return PolicyStatementSite(statement: item, path: itemPath, policy: policy, conditions: conditions)
                    }
                }
            }
        }
    }

    /// A value's `Fn::If` branches, each with the condition it holds under;
    /// `AWS::NoValue` is none, and a branch that contradicts the conditions is dropped.
    static func branches(of value: Value, conditions: [ConditionBranch]) -> [(Value, [ConditionBranch])] {
        switch value {
        case .intrinsic(.if(let name, let then, let otherwise)):
            return [(then, true), (otherwise, false)].flatMap { branch, holds -> [(Value, [ConditionBranch])] in
                if conditions.contains(ConditionBranch(name, holds: !holds)) { return [] }
                let extended = conditions.contains(ConditionBranch(name, holds: holds)) ? conditions : conditions + [ConditionBranch(name, holds: holds)]
                return branches(of: branch, conditions: extended)
            }
        case .intrinsic(.ref("AWS::NoValue")):
            return []
        default:
            return [(value, conditions)]
        }
    }

    /// A document written as a JSON string, read; anything else as it is.
    static func parsed(_ document: Value) -> Value {
        guard case .string(let text) = document, let data = text.data(using: .utf8),
            let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return document }
        return value(ofJSON: json) ?? document
    }

    private static func value(ofJSON json: Any) -> Value? {
        switch json {
        case let text as String: return .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return number.doubleValue == Double(number.intValue) ? .integer(number.intValue) : .double(number.doubleValue)
        case let list as [Any]: return .list(list.compactMap(value(ofJSON:)))
        case let object as [String: Any]:
            // JSON objects come unordered; sorted keys keep every reading the same.
            return .object(Object(object.keys.sorted().compactMap { key in value(ofJSON: object[key]!).map { Object.Entry(key, $0) } }))
        case is NSNull: return .null
        default: return nil
        }
    }

    /// SAM `Policies`: one value or a list, each entry with its path and conditions.
    private static func samItems(_ value: Value, at path: TemplatePath, conditions: [ConditionBranch])
        -> [(TemplatePath, Value, [ConditionBranch])]
    {
        branches(of: value, conditions: conditions).flatMap { value, conditions -> [(TemplatePath, Value, [ConditionBranch])] in
            guard case .list(let items) = value else { return [(path, value, conditions)] }
            return items.indices.flatMap { index in
                branches(of: items[index], conditions: conditions).map { (path.appending(index: index), $0.0, $0.1) }
            }
        }
    }

    // MARK: Attachments

    private static func identities(of kind: PolicyKind, _ resource: Resource) -> [AttachedIdentity] {
        guard kind.side == .identity || kind.side == .limit else { return [] }
        switch kind.attachment {
        case .holder:
            return [AttachedIdentity(kind: identityKind(resource.type) ?? "policy", name: .intrinsic(.ref(resource.logicalID)))]
        case .identities(let properties):
            return properties.flatMap { property -> [AttachedIdentity] in
                listItems(resource.properties[property.property]).map { AttachedIdentity(kind: property.identity, name: $0) }
            }
        case .samRole:
            return [AttachedIdentity(kind: "role", name: .intrinsic(.ref(resource.logicalID + "Role")))]
        case .resources, .none:
            return []
        }
    }

    private static func governed(by kind: PolicyKind, _ resource: Resource) -> [Value] {
        guard kind.isResourcePolicy else { return [] }
        switch kind.attachment {
        case .holder: return [.intrinsic(.ref(resource.logicalID))]
        case .resources(let property, _): return listItems(resource.properties[property])
        case .identities, .samRole, .none: return []
        }
    }

    private static func listItems(_ value: Value?) -> [Value] {
        switch value {
        case .list(let items)?: items
        case let value?: [value]
        case nil: []
        }
    }

    /// The template's managed policies attached by an identity's
    /// `ManagedPolicyArns: [!Ref Policy]`, by the policy's logical ID.
    private static func managedPolicyAttachments(in template: Template) -> [String: [AttachedIdentity]] {
        var attachments: [String: [AttachedIdentity]] = [:]
        for resource in template.resources {
            guard let kind = identityKind(resource.type), case .list(let arns)? = resource.properties["ManagedPolicyArns"] else { continue }
            for case .intrinsic(.ref(let id)) in arns where template.resource(id)?.type == "AWS::IAM::ManagedPolicy" {
                attachments[id, default: []].append(AttachedIdentity(kind: kind, name: .intrinsic(.ref(resource.logicalID))))
            }
        }
        return attachments
    }

    /// `role`, `user` or `group` for the IAM identity types.
    public static func identityKind(_ type: String) -> String? {
        switch type {
        case "AWS::IAM::Role": "role"
        case "AWS::IAM::User": "user"
        case "AWS::IAM::Group": "group"
        default: nil
        }
    }
}
