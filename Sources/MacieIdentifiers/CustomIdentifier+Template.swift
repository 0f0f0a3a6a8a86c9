import CloudFormation

extension CustomIdentifier {
    /// The CloudFormation type this struct describes.
    public static let resourceType = "AWS::Macie::CustomDataIdentifier"

    /// The identifier an `AWS::Macie::CustomDataIdentifier` declares, or `nil`
    /// when the resource is of another type or a property the tester needs is
    /// not a literal (a `Ref`, an `Fn::Sub`…): those are only known once
    /// CloudFormation deploys the stack, and a guess would test the wrong thing.
    public init?(resource: Resource) {
        guard resource.type == Self.resourceType,
            let name = Self.literalString(resource.properties["Name"]),
            let regex = Self.literalString(resource.properties["Regex"]),
            let keywords = Self.literalStrings(resource.properties["Keywords"]),
            let ignoreWords = Self.literalStrings(resource.properties["IgnoreWords"])
        else { return nil }
        var distance = Self.defaultMaximumMatchDistance
        if let value = resource.properties["MaximumMatchDistance"] {
            guard let literal = Self.literalInteger(value) else { return nil }
            distance = literal
        }
        self.init(name: name, regex: regex, keywords: keywords, ignoreWords: ignoreWords, maximumMatchDistance: distance)
    }

    /// Every custom data identifier of `template` whose criteria are literal
    /// values, in template order.
    public static func all(in template: Template) -> [CustomIdentifier] {
        template.resources.compactMap(CustomIdentifier.init(resource:))
    }

    /// The identifier of `template` called `name` (Macie's `Name`, not the
    /// logical ID: findings and job settings show the name).
    public static func named(_ name: String, in template: Template) -> CustomIdentifier? {
        all(in: template).first { $0.name == name }
    }

    private static func literalString(_ value: Value?) -> String? {
        if case .string(let string)? = value { return string }
        return nil
    }

    /// An absent list is an empty one; a list with any non-literal entry is
    /// not literal.
    private static func literalStrings(_ value: Value?) -> [String]? {
        guard let value else { return [] }
        guard case .list(let items) = value else { return nil }
        var strings: [String] = []
        for item in items {
            guard case .string(let string) = item else { return nil }
            strings.append(string)
        }
        return strings
    }

    /// A template read back from YAML or JSON may carry the number as a
    /// string (`"50"`); CloudFormation converts it, and so does the tester.
    private static func literalInteger(_ value: Value) -> Int? {
        switch value {
        case .integer(let integer): integer
        case .string(let string): Int(string)
        default: nil
        }
    }
}
