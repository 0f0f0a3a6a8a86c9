import CloudFormation
import IAMPolicies

/// One spelling for the ARNs a template writes in several ways, so that the
/// coverage behind the verdicts compares what rows grant, not how they are
/// written. Rows keep their text in the report; only coverage reads this one.
///
/// - `${Resource.Arn}` (and the other ARN attributes below) becomes the ARN
///   it returns, written with `${Resource}`, so a hand-written
///   `arn:aws:s3:::${Bucket}/*` and `${Bucket.Arn}/*` are the same objects,
///   and `arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*` covers
///   `${Table.Arn}`.
/// - `arn:aws:` becomes `arn:${AWS::Partition}:`. A template that hard-codes
///   the standard partition was written for it, and there the two are one ARN.
///   (In another partition the hard-coded ARN names nothing, so a grant
///   written with `${AWS::Partition}` is broader there; the report cannot know
///   the partition the stack is deployed in.)
///
/// The ARNs are `ResourceARN`'s (AWS's ARN formats) with `${AWS::Partition}`,
/// `${AWS::Region}`, `${AWS::AccountId}` and the resource's `${LogicalID}`
/// as its name, for the `Arn` attribute of the types it knows; and these:
///
/// | type | attribute | ARN |
/// |---|---|---|
/// | `AWS::SQS::Queue` | `Arn` | named `${Q.QueueName}` |
/// | `AWS::SNS::Topic` | `TopicArn` | `${T}` (its `Ref` is the ARN) |
/// | `AWS::IAM::Role` | `Arn` | named `<path>${R}` (a literal `Path`, `/` by default) |
/// | `AWS::Events::Rule` | `Arn` | only on the default bus |
/// | `AWS::Macie::Session` | `ServiceRole` | Macie's service-linked role |
///
/// Other attributes and types keep their `${Resource.Attribute}` text.
struct ARNSpelling {
    /// By logical ID (as the rows write it, after renames); looked up, never iterated.
    private let resources: [String: Resource]

    /// `renames`: old logical ID → new one, as the rows of `template` are renamed.
    init(_ template: Template, renaming renames: [(old: String, new: String)] = []) {
        let newID = Dictionary(renames.map { ($0.old, $0.new) }, uniquingKeysWith: { first, _ in first })
        var resources: [String: Resource] = [:]
        for resource in template.resources {
            let id = newID[resource.logicalID] ?? resource.logicalID
            if resources[id] == nil { resources[id] = resource }
        }
        self.resources = resources
    }

    /// The row with its principal, resource and condition values in this spelling.
    func normalized(_ row: StatementRow) -> StatementRow {
        let conditions = row.conditions.map { clause -> ConditionClause in
            guard case .iam(let op, let key, let values) = clause else { return clause }
            return .iam(operator: op, key: key, values: values.map(normalized).sorted())
        }
        return StatementRow(
            effect: row.effect, principal: normalized(row.principal), action: row.action,
            resource: normalized(row.resource), conditions: conditions)
    }

    private func normalized(_ term: StatementTerm) -> StatementTerm {
        term.mapping(normalized)
    }

    func normalized(_ text: String) -> String {
        expandingAttributes(in: text).replacing("arn:aws:", with: "arn:${AWS::Partition}:")
    }

    /// Each `${Resource.Attribute}` with a known ARN replaced by it.
    private func expandingAttributes(in text: String) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close]
            if let dot = name.firstIndex(of: "."), let arn = arn(String(name[..<dot]), String(name[name.index(after: dot)...])) {
                result += arn
            } else {
                result += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private func arn(_ logicalID: String, _ attribute: String) -> String? {
        guard let resource = resources[logicalID] else { return nil }
        let ref = "${\(logicalID)}"
        func arn(named name: String) -> String? {
            ResourceARN.arn(
                ofType: resource.type, name: name, partition: "${AWS::Partition}", region: "${AWS::Region}", account: "${AWS::AccountId}")
        }
        switch (resource.type, attribute) {
        case ("AWS::SQS::Queue", "Arn"): return arn(named: "${\(logicalID).QueueName}")
        case ("AWS::SNS::Topic", "TopicArn"): return ref
        case ("AWS::IAM::Role", "Arn"):
            let path: String? = switch resource.properties["Path"] {
            case nil: "/"
            case .string(let path)?: path
            default: nil
            }
            return path.flatMap { arn(named: String($0.dropFirst()) + ref) }
        case ("AWS::Events::Rule", "Arn"):
            let bus = resource.properties["EventBusName"]
            guard bus == nil || bus == "default" else { return nil }
            return arn(named: ref)
        case ("AWS::Macie::Session", "ServiceRole"):
            return ResourceARN.macieServiceLinkedRole(partition: "${AWS::Partition}", account: "${AWS::AccountId}")
        case (_, "Arn"):
            return arn(named: ref)
        default:
            return nil
        }
    }
}
