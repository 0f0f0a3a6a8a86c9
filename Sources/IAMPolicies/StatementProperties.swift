import CloudFormation

/// The statement a resource whose properties are one statement adds to the
/// resource policy it names, written as a policy statement so it is read
/// like any other.
///
/// | type | principal | action | resource | conditions |
/// |---|---|---|---|---|
/// | `AWS::Lambda::Permission` | `Principal` | `Action` | `FunctionName` | `SourceArn` (`ArnLike aws:SourceArn`), `SourceAccount`, `PrincipalOrgID`, `EventSourceToken`, `FunctionUrlAuthType` (`StringEquals`) |
/// | `AWS::Lambda::LayerVersionPermission` | `Principal` | `Action` | `LayerVersionArn` | `OrganizationId` (`StringEquals aws:PrincipalOrgID`) |
/// | `AWS::Events::EventBusPolicy` | `Statement`, or `Principal` | `Action` | `EventBusName` (`default`) | `Condition` `{Type, Key, Value}` (`StringEquals`) |
public enum StatementProperties {
    /// The statement, `nil` for a type whose properties are not one statement.
    public static func statement(of resourceType: String, properties: Object) -> Value? {
        switch resourceType {
        case "AWS::Lambda::Permission":
            var statement: Object = ["Effect": "Allow"]
            statement["Principal"] = properties["Principal"].map(principal)
            statement["Action"] = properties["Action"] ?? "lambda:InvokeFunction"
            statement["Resource"] = properties["FunctionName"]
            var conditions = Object()
            if let sourceArn = properties["SourceArn"] { conditions["ArnLike"] = ["aws:SourceArn": sourceArn] }
            var equals = Object()
            equals["aws:SourceAccount"] = properties["SourceAccount"]
            equals["aws:PrincipalOrgID"] = properties["PrincipalOrgID"]
            equals["lambda:EventSourceToken"] = properties["EventSourceToken"]
            equals["lambda:FunctionUrlAuthType"] = properties["FunctionUrlAuthType"]
            if !equals.isEmpty { conditions["StringEquals"] = .object(equals) }
            if !conditions.isEmpty { statement["Condition"] = .object(conditions) }
            return .object(statement)
        case "AWS::Lambda::LayerVersionPermission":
            var statement: Object = ["Effect": "Allow"]
            statement["Principal"] = properties["Principal"].map(principal)
            statement["Action"] = properties["Action"] ?? "lambda:GetLayerVersion"
            statement["Resource"] = properties["LayerVersionArn"]
            if let organization = properties["OrganizationId"] {
                statement["Condition"] = ["StringEquals": ["aws:PrincipalOrgID": organization]]
            }
            return .object(statement)
        case "AWS::Events::EventBusPolicy":
            let bus = properties["EventBusName"] ?? "default"
            if case .object(var statement)? = properties["Statement"] {
                if statement["Resource"] == nil, statement["NotResource"] == nil { statement["Resource"] = bus }
                return .object(statement)
            }
            var statement: Object = ["Effect": "Allow"]
            statement["Principal"] = properties["Principal"].map(principal)
            statement["Action"] = properties["Action"] ?? "events:PutEvents"
            statement["Resource"] = bus
            if case .object(let condition)? = properties["Condition"], let key = condition["Key"], let value = condition["Value"],
                case .string(let keyText) = key
            {
                statement["Condition"] = ["StringEquals": .object(Object([Object.Entry(keyText, value)]))]
            }
            return .object(statement)
        default:
            return nil
        }
    }

    /// A principal written as one string: `*` (anyone), a service
    /// (`events.amazonaws.com`), or an account or ARN.
    public static func principal(_ value: Value) -> Value {
        if case .string(let text) = value {
            if text == "*" { return "*" }
            return [principalKey(of: text): value]
        }
        return ["AWS": value]
    }

    /// `Service` for a service principal name, `AWS` for an account ID or ARN.
    public static func principalKey(of text: String) -> String {
        let isAccount = text.count == 12 && text.allSatisfy(\.isNumber)
        return text.hasPrefix("arn:") || isAccount ? "AWS" : "Service"
    }
}
