import CloudFormation

/// Macie's service-linked role, `AWSServiceRoleForAmazonMacie`, which Macie
/// creates when it is enabled in an account and uses to read what it scans.
enum MacieServiceLinkedRole {
    /// The role's ARN in `account`: an account ID, or `${AWS::AccountId}`.
    static func arn(account: String) -> TemplateExpression<String> {
        .sub(SubTemplate(stringLiteral:
            "arn:${AWS::Partition}:iam::\(account):role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"))
    }
}
