/// A template parameter: a value chosen when the stack is deployed.
public struct Parameter: Hashable, Sendable {
    public var logicalID: String
    public var type: ParameterType
    public var description: String?
    public var defaultValue: Value?
    public var allowedValues: [Value]?
    public var allowedPattern: String?
    public var constraintDescription: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: Double?
    public var maxValue: Double?
    /// Masks the value in the console, CLI and API output.
    public var noEcho: Bool

    public init(
        _ logicalID: String,
        type: ParameterType = .string,
        description: String? = nil,
        default defaultValue: Value? = nil,
        allowedValues: [Value]? = nil,
        allowedPattern: String? = nil,
        constraintDescription: String? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minValue: Double? = nil,
        maxValue: Double? = nil,
        noEcho: Bool = false
    ) {
        self.logicalID = logicalID
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
        self.constraintDescription = constraintDescription
        self.minLength = minLength
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
        self.noEcho = noEcho
    }

    /// `Ref` to this parameter: its value at deployment.
    public var ref: Value { .ref(logicalID) }
}

/// A parameter's type: the basic types, the AWS-specific types that the console
/// offers as pick lists, and SSM parameter types.
public struct ParameterType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let string = ParameterType(rawValue: "String")
    public static let number = ParameterType(rawValue: "Number")
    public static let numberList = ParameterType(rawValue: "List<Number>")
    public static let commaDelimitedList = ParameterType(rawValue: "CommaDelimitedList")

    // AWS-specific parameter types.
    public static let availabilityZoneName = ParameterType(rawValue: "AWS::EC2::AvailabilityZone::Name")
    public static let imageID = ParameterType(rawValue: "AWS::EC2::Image::Id")
    public static let instanceID = ParameterType(rawValue: "AWS::EC2::Instance::Id")
    public static let keyPairName = ParameterType(rawValue: "AWS::EC2::KeyPair::KeyName")
    public static let securityGroupName = ParameterType(rawValue: "AWS::EC2::SecurityGroup::GroupName")
    public static let securityGroupID = ParameterType(rawValue: "AWS::EC2::SecurityGroup::Id")
    public static let subnetID = ParameterType(rawValue: "AWS::EC2::Subnet::Id")
    public static let volumeID = ParameterType(rawValue: "AWS::EC2::Volume::Id")
    public static let vpcID = ParameterType(rawValue: "AWS::EC2::VPC::Id")
    public static let hostedZoneID = ParameterType(rawValue: "AWS::Route53::HostedZone::Id")

    /// `List<T>` of an AWS-specific type, such as a list of subnet IDs.
    public static func list(_ element: ParameterType) -> ParameterType {
        ParameterType(rawValue: "List<\(element.rawValue)>")
    }

    /// A name of an SSM parameter whose value the stack reads at deployment.
    public static func ssmParameterValue(_ valueType: ParameterType) -> ParameterType {
        ParameterType(rawValue: "AWS::SSM::Parameter::Value<\(valueType.rawValue)>")
    }

    public static let ssmParameterName = ParameterType(rawValue: "AWS::SSM::Parameter::Name")

    /// Whether `Ref` to such a parameter yields a list.
    public var isList: Bool {
        rawValue.hasPrefix("List<") || rawValue == "CommaDelimitedList"
            || rawValue.hasPrefix("AWS::SSM::Parameter::Value<List<")
            || rawValue == "AWS::SSM::Parameter::Value<CommaDelimitedList>"
    }
}
