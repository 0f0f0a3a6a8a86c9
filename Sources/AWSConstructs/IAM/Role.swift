import AWSResources
import CloudFormation
import IAMPolicies
import SecurityRules

/// Something that can be granted permissions: a role, or a construct that
/// acts through one (a function).
public protocol Grantee: AnyObject {
    var role: Role { get }
}

/// An IAM role trusted by one AWS service, with one inline policy holding
/// every statement granted to it, merged: same effect, resources and
/// conditions make one statement; actions and resources sorted.
public final class Role: ResourceDeclaration, Grantee {
    public let logicalID: String
    /// The service that may assume the role, such as `lambda.amazonaws.com`.
    public let trustedService: String
    public var roleName: TemplateExpression<String>?
    public var description: TemplateExpression<String>?
    public private(set) var statements: [PolicyStatement] = []
    /// Security rules that do not fit this role's grants, each with the reason.
    public var suppressions: [RuleSuppression] = []

    public init(_ logicalID: String, trustedService: String, roleName: TemplateExpression<String>? = nil, description: TemplateExpression<String>? = nil) {
        self.logicalID = logicalID
        self.trustedService = trustedService
        self.roleName = roleName
        self.description = description
    }

    public var role: Role { self }

    /// `Ref`: the role's name.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<IAMRoleARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }

    public func addToPolicy(_ statement: PolicyStatement) {
        statements.append(statement)
    }

    public func declaredResources() -> [Resource] {
        let trust = PolicyDocument([PolicyDocument.Statement(
            effect: .allow, principal: .service(.string(trustedService)), actions: ["sts:AssumeRole"])]).templateValue
        var policies: [IAM.Role.Policy]?
        if !statements.isEmpty {
            policies = [IAM.Role.Policy(policyDocument: PolicyStatement.document(statements), policyName: .literal("\(logicalID)Policy"))]
        }
        return IAM.Role(
            logicalID, assumeRolePolicyDocument: trust, description: description, policies: policies, roleName: roleName,
            attributes: ResourceAttributes(metadata: RuleSuppression.metadata(suppressions))
        ).declaredResources()
    }
}
