/// The parameters CloudFormation defines in every stack, used with `Ref`.
public enum PseudoParameter: String, CaseIterable, Hashable, Sendable {
    case accountID = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    /// Removes a property when returned by `Fn::If`.
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackID = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"

    public var ref: Value { .ref(rawValue) }
}

extension Value {
    public static var accountID: Value { PseudoParameter.accountID.ref }
    public static var notificationARNs: Value { PseudoParameter.notificationARNs.ref }
    public static var noValue: Value { PseudoParameter.noValue.ref }
    public static var partition: Value { PseudoParameter.partition.ref }
    public static var region: Value { PseudoParameter.region.ref }
    public static var stackID: Value { PseudoParameter.stackID.ref }
    public static var stackName: Value { PseudoParameter.stackName.ref }
    public static var urlSuffix: Value { PseudoParameter.urlSuffix.ref }
}
