import CloudFormation

/// Values of policy statements as one short line of text, the way an ARN is
/// read: `Ref` and `Fn::GetAtt` become `${Table}` and `${Table.Arn}`, a
/// `Fn::Sub` is its text with its variables filled in, a `Fn::Join` of parts
/// is the joined text.
///
/// The same value always gives the same text, and two spellings of one ARN
/// (`!Sub ${Bucket.Arn}/*` and `!Join ['', [!GetAtt Bucket.Arn, /*]]`) give
/// the same text, so statement rows compare by what they grant rather than by
/// how the template wrote it. Wildcards stay wildcards, so the text can be
/// matched as an IAM pattern.
enum CompactText {
    static func text(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.entries.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
        case .intrinsic(let intrinsic): text(intrinsic)
        }
    }

    private static func text(_ intrinsic: Intrinsic) -> String {
        switch intrinsic {
        case .ref(let name):
            return "${\(name)}"
        case .getAtt(let resource, let attribute):
            return "${\(resource).\(attribute)}"
        case .sub(let template, let variables):
            return substituting(variables, into: template)
        case .join(let delimiter, .list(let parts)):
            return parts.map(text).joined(separator: delimiter)
        default:
            return "\(intrinsic.shortTag) \(text(intrinsic.longFormArgument))"
        }
    }

    /// A `Fn::Sub` variable is written `${Name}`; `${!Name}` is literal text and stays.
    private static func substituting(_ variables: Object, into template: String) -> String {
        var result = template
        for entry in variables.entries {
            result = result.replacing("${\(entry.key)}", with: text(entry.value))
        }
        return result
    }
}
