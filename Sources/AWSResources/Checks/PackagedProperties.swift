import CloudFormation

/// Properties that `aws cloudformation package` accepts as a local path (a
/// string) and replaces with the S3 location it uploads the file to. The
/// schema check reads such a path as that location, and checks the rest.
enum PackagedProperties {
    /// Type name → property → the value the path stands for.
    static let locations: [String: [String: Value]] = [
        "AWS::Lambda::Function": ["Code": ["S3Bucket": "packaged-bucket", "S3Key": "packaged-key"]],
    ]

    /// `properties` with each local path replaced by the location it stands for.
    static func asPackaged(_ properties: Object, type: String) -> Object {
        guard let locations = locations[type] else { return properties }
        var result = properties
        for (name, location) in locations {
            if case .string? = properties[name] { result[name] = location }
        }
        return result
    }
}
