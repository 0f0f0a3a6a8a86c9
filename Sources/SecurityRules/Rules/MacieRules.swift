import CloudFormation
import MacieIdentifiers

/// What Macie needs to scan a stack's data: a custom identifier's regex it
/// can run, and keys it may decrypt with.
enum MacieRules {
    /// The name of Macie's service-linked role, which runs its jobs.
    static let serviceLinkedRole = "AWSServiceRoleForAmazonMacie"

    static let all: [SecurityRule] = [
        SecurityRule(
            "MACIE-REGEX", .error, types: ["AWS::Macie::CustomDataIdentifier"],
            title: "A custom data identifier's regex uses only the PCRE subset Macie runs.",
            reason: "Macie leaves out capturing groups, backreferences, look-arounds, global flags and more: it rejects such a regex, or (with an escape it reads differently) matches something else than was tested.",
            fix: "write (?:…) for groups, spell cases out as [Aa], and test with `synth identifiers test`"
        ) { resource, _ in
            guard let regex = resource.properties["Regex"]?.literalString else { return [] }
            return MacieRegexSyntax.problems(in: regex).map { RuleViolation(["Properties", "Regex"], $0) }
        },
        SecurityRule(
            "MACIE-KEY-DECRYPT", .error, types: ["AWS::KMS::Key"],
            title: "In a stack with Macie, a key that encrypts a bucket lets Macie's service-linked role decrypt, in the key policy.",
            reason: "Macie reads objects as \(serviceLinkedRole); without kms:Decrypt in the key policy it skips every object the key encrypts and reports nothing, so sensitive data goes unnoticed.",
            fix: "add a key policy statement allowing kms:Decrypt to arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/macie.amazonaws.com/\(serviceLinkedRole) (Key.allow(.role(…), [.decrypt]))"
        ) { resource, context in
            guard context.usesMacie, context.bucketKeys.contains(resource.logicalID) else { return [] }
            let statements = PolicyStatement.all(in: resource.properties["KeyPolicy"], at: [.key("Properties"), .key("KeyPolicy")])
            let allowsMacie = statements.contains { statement in
                statement.isAllow && statement.covers("kms:Decrypt") && namesMacie(statement.principal, context)
            }
            return allowsMacie ? [] : [RuleViolation(["Properties", "KeyPolicy"], "the key encrypts a bucket and no statement lets Macie's \(serviceLinkedRole) decrypt")]
        },
    ]

    /// Whether a principal is Macie's service-linked role: its ARN, or the
    /// `ServiceRole` attribute of the stack's `AWS::Macie::Session`.
    static func namesMacie(_ principal: Value?, _ context: RuleContext) -> Bool {
        guard let aws = principal?.objectValue?["AWS"] else { return false }
        return RuleContext.list(aws).contains { value in
            PolicyStatement.choices(value, []).contains { choice, _ in
                switch choice {
                case .string(let text), .intrinsic(.sub(let text, _)): text.hasSuffix("/\(serviceLinkedRole)")
                case .intrinsic(.getAtt(let id, "ServiceRole")): context.resources[id]?.type == "AWS::Macie::Session"
                default: false
                }
            }
        }
    }
}
