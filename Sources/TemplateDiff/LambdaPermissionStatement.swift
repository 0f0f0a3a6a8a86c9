import CloudFormation

/// The statement an `AWS::Lambda::Permission` adds to its function's
/// resource policy, written as a policy statement so it is compared like any other.
enum LambdaPermissionStatement {
    static func statement(of properties: Object) -> Object {
        var statement: Object = ["Effect": "Allow"]
        statement["Principal"] = properties["Principal"].map(principal)
        statement["Action"] = properties["Action"] ?? "lambda:InvokeFunction"
        statement["Resource"] = properties["FunctionName"]
        var condition = Object()
        if let sourceArn = properties["SourceArn"] { condition["ArnLike"] = ["aws:SourceArn": sourceArn] }
        var equals = Object()
        equals["aws:SourceAccount"] = properties["SourceAccount"]
        equals["aws:PrincipalOrgID"] = properties["PrincipalOrgID"]
        equals["lambda:EventSourceToken"] = properties["EventSourceToken"]
        equals["lambda:FunctionUrlAuthType"] = properties["FunctionUrlAuthType"]
        if !equals.isEmpty { condition["StringEquals"] = .object(equals) }
        if !condition.isEmpty { statement["Condition"] = .object(condition) }
        return statement
    }

    /// `Principal` of a permission is one string: a service
    /// (`events.amazonaws.com`), an account or ARN, or `*`.
    private static func principal(_ value: Value) -> Value {
        if case .string(let text) = value {
            if text == "*" { return "*" }
            if text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn") { return ["Service": value] }
        }
        return ["AWS": value]
    }
}
