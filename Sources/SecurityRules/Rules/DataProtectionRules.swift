import AWSResources
import CloudFormation
import Foundation

/// Recovering data: point-in-time recovery, deletion protection, key rotation.
enum DataProtectionRules {
    static let all: [SecurityRule] = [
        SecurityRule(
            "DYNAMODB-PITR", .warning, types: ["AWS::DynamoDB::Table"], checkov: ["CKV_AWS_28"],
            title: "Tables have point-in-time recovery.",
            reason: "Without it, a bad write or delete cannot be undone: on-demand backups only restore what was there when they were taken.",
            fix: "set PointInTimeRecoverySpecification PointInTimeRecoveryEnabled true"
        ) { resource, _ in
            CustomerKeyEncryption.value(at: ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"], in: resource) == true ? []
                : [RuleViolation(["Properties", "PointInTimeRecoverySpecification"], "point-in-time recovery is off")]
        },
        SecurityRule(
            "DELETION-PROTECTION", .warning, types: DeletionProtection.types,
            title: "Resources whose type offers deletion protection (DeletionProtectionEnabled in its schema) turn it on.",
            reason: "DeletionPolicy protects a resource from the stack; deletion protection also from a console click or an API call.",
            fix: "set DeletionProtectionEnabled true"
        ) { resource, _ in
            resource.properties["DeletionProtectionEnabled"] == true ? []
                : [RuleViolation(["Properties", "DeletionProtectionEnabled"], "deletion protection is off")]
        },
        SecurityRule(
            "KMS-ROTATION", .error, types: ["AWS::KMS::Key"], checkov: ["CKV_AWS_7"],
            title: "Symmetric keys rotate their key material every year.",
            reason: "Rotation limits how much data one key version protects, and is what auditors (and AWS's own best practices) expect of a customer key.",
            fix: "set EnableKeyRotation true"
        ) { resource, _ in
            if let spec = resource.properties["KeySpec"]?.literalString, spec != "SYMMETRIC_DEFAULT" { return [] }
            return resource.properties["EnableKeyRotation"] == true ? []
                : [RuleViolation(["Properties", "EnableKeyRotation"], "key rotation is off")]
        },
    ]
}

/// The generated resource types whose schema has a `DeletionProtectionEnabled`
/// property, read from the schemas themselves.
enum DeletionProtection {
    static let types: [String] = GeneratedResourceTypes.all.compactMap { type in
        contains(type.schemaJSON, "\"DeletionProtectionEnabled\"") ? type.typeName : nil
    }.sorted()

    /// Whether `text` contains `word`: C's `strstr` on the UTF-8 bytes; a
    /// schema is tens of kilobytes of ASCII, which `String.contains` would
    /// compare character by character, Unicode rules and all.
    static func contains(_ text: String, _ word: String) -> Bool {
        text.withCString { haystack in word.withCString { strstr(haystack, $0) != nil } }
    }
}
