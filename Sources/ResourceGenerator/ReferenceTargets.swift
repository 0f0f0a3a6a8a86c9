/// A property that holds the ARN, name or ID of another resource type: which
/// type and which of its properties, from the schema's `relationshipRef` or
/// cfn-lint's `format` (`AWS::KMS::Key.Arn`) where the schema is silent.
struct ReferenceTarget: Hashable, Comparable {
    var typeName: String  // AWS::KMS::Key
    var property: String  // Arn

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.typeName, lhs.property) < (rhs.typeName, rhs.property)
    }

    /// `AWS::KMS::Key.Arn`: how the schemas spell it, and the documentation's.
    var spelling: String { "\(typeName).\(property)" }

    /// `KMSKeyArn`.
    var swiftName: String {
        typeName.split(separator: ":").filter { !$0.isEmpty }.dropFirst().map { SwiftNames.type(String($0)) }.joined()
            + SwiftNames.type(property)
    }

    /// cfn-lint's formats that name a resource property, with the property of
    /// the resource type each one means. Formats of values no resource in a
    /// template produces (`AWS::EC2::Image.Id`, a hosted zone ID of an alias
    /// target) and names whose `Ref` is ambiguous (a security group's name)
    /// stay plain strings.
    static let formats: [String: ReferenceTarget] = [
        "AWS::IAM::Role.Arn": .init(typeName: "AWS::IAM::Role", property: "Arn"),
        "AWS::KMS::Key.Arn": .init(typeName: "AWS::KMS::Key", property: "Arn"),
        "AWS::KMS::Key.Id": .init(typeName: "AWS::KMS::Key", property: "KeyId"),
        "AWS::KMS::Alias.AliasName": .init(typeName: "AWS::KMS::Alias", property: "AliasName"),
        "AWS::EC2::SecurityGroup.Id": .init(typeName: "AWS::EC2::SecurityGroup", property: "GroupId"),
        "AWS::EC2::Subnet.Id": .init(typeName: "AWS::EC2::Subnet", property: "SubnetId"),
        "AWS::EC2::VPC.Id": .init(typeName: "AWS::EC2::VPC", property: "VpcId"),
        "AWS::S3::Bucket.Name": .init(typeName: "AWS::S3::Bucket", property: "BucketName"),
        "AWS::Lambda::Function.Arn": .init(typeName: "AWS::Lambda::Function", property: "Arn"),
        "AWS::SNS::Topic.Arn": .init(typeName: "AWS::SNS::Topic", property: "TopicArn"),
        "AWS::SQS::Queue.Arn": .init(typeName: "AWS::SQS::Queue", property: "Arn"),
        "AWS::Logs::LogGroup.Name": .init(typeName: "AWS::Logs::LogGroup", property: "LogGroupName"),
        "AWS::ACM::Certificate.Arn": .init(typeName: "AWS::CertificateManager::Certificate", property: "Id"),
        "AWS::Route53::HostedZone.Id": .init(typeName: "AWS::Route53::HostedZone", property: "Id"),
    ]

    /// cfn-lint's formats of lists, each item one of `formats`.
    static let listFormats: [String: String] = [
        "AWS::EC2::SecurityGroup.Ids": "AWS::EC2::SecurityGroup.Id",
        "AWS::EC2::Subnet.Ids": "AWS::EC2::Subnet.Id",
    ]

    /// The targets a string node accepts: its own relationship or format, or
    /// every branch's of an `anyOf`/`oneOf` (nil when one branch accepts
    /// something else, so that nothing valid is refused).
    static func targets(of node: [String: Any]) -> [ReferenceTarget]? {
        if let relationship = node["relationshipRef"] as? [String: Any],
            let typeName = relationship["typeName"] as? String,
            let path = relationship["propertyPath"] as? String,
            let property = path.split(separator: "/").last, path.split(separator: "/").count == 2
        {
            return [ReferenceTarget(typeName: typeName, property: String(property))]
        }
        if let format = node["format"] as? String {
            return formats[format].map { [$0] }
        }
        guard let branches = (node["anyOf"] ?? node["oneOf"]) as? [[String: Any]], !branches.isEmpty else { return nil }
        var result: [ReferenceTarget] = []
        for branch in branches {
            guard let targets = targets(of: branch) else { return nil }
            for target in targets where !result.contains(target) { result.append(target) }
        }
        return result
    }
}

/// The reference kinds the generated types use, each a set of targets, named
/// and collected across every type so that each is declared once.
final class ReferenceKindCatalog {
    private(set) var kinds: [String: [ReferenceTarget]] = [:]

    /// The kind accepting `targets`, in the order the schema lists them.
    func kind(for targets: [ReferenceTarget]) -> String {
        let name = targets.map(\.swiftName).joined(separator: "Or")
        kinds[name] = targets
        return name
    }
}
