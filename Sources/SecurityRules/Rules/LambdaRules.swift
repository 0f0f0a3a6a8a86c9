import AWSResources
import CloudFormation

/// Functions: failures kept, concurrency bounded, a runtime that still gets
/// security patches, logs that expire.
enum LambdaRules {
    static let function = "AWS::Lambda::Function"

    static let all: [SecurityRule] = [
        SecurityRule(
            "LAMBDA-DLQ", .warning, types: [function], checkov: ["CKV_AWS_116"],
            title: "Functions send failed asynchronous invocations to a dead-letter queue or topic.",
            reason: "After its retries, Lambda drops an event that keeps failing; a dead-letter target keeps it for inspection and replay.",
            fix: "set DeadLetterConfig TargetArn to an encrypted queue or topic"
        ) { resource, _ in
            resource.properties["DeadLetterConfig"]?.objectValue?["TargetArn"] != nil ? []
                : [RuleViolation(["Properties", "DeadLetterConfig"], "the function has no dead-letter target")]
        },
        SecurityRule(
            "LAMBDA-CONCURRENCY", .warning, types: [function], checkov: ["CKV_AWS_115"],
            title: "Functions reserve their concurrency.",
            reason: "A reserved limit keeps a runaway trigger from exhausting the account's concurrency (and every other function with it), and bounds what a flood of events costs.",
            fix: "set ReservedConcurrentExecutions"
        ) { resource, _ in
            resource.properties["ReservedConcurrentExecutions"] != nil ? []
                : [RuleViolation(["Properties", "ReservedConcurrentExecutions"], "no reserved concurrency")]
        },
        SecurityRule(
            "LAMBDA-RUNTIME", .error, types: [function], checkov: ["CKV_AWS_363"],
            title: "Functions use a runtime AWS still supports (not deprecated), per cfn-lint's runtime data.",
            reason: "A deprecated runtime gets no more security patches, and creating or updating functions with it is blocked soon after.",
            fix: "use the latest runtime of the language (python3.13, nodejs22.x, …)"
        ) { resource, context in
            guard case .string(let runtime)? = resource.properties["Runtime"] else { return [] }
            switch LambdaRuntimeCatalog.status(of: runtime, on: context.today) {
            case .supported, .unknown: return []
            case .deprecated(let since, _, let successor), .creationBlocked(let since, let successor):
                return [RuleViolation(["Properties", "Runtime"], "runtime \(runtime) is deprecated since \(since)" + (successor.map { "; use \($0)" } ?? ""))]
            }
        },
        SecurityRule(
            "LAMBDA-LOG-RETENTION", .warning, types: [function],
            title: "Functions write to a log group of the stack (which LOGS-RETENTION then checks), not to one Lambda creates without retention.",
            reason: "The log group Lambda creates on first run keeps logs forever and is outside the stack: never encrypted with its key, never deleted with it.",
            fix: "declare the log group (/aws/lambda/NAME or LoggingConfig.LogGroup) with RetentionInDays and KmsKeyId"
        ) { resource, context in
            if let group = resource.properties["LoggingConfig"]?.objectValue?["LogGroup"] {
                if RuleContext.targets(group).contains(where: { context.resources[$0]?.type == "AWS::Logs::LogGroup" }) { return [] }
                if let name = group.literalString, context.logGroupNames.contains(name) { return [] }
            }
            if let name = resource.properties["FunctionName"]?.literalString, context.logGroupNames.contains("/aws/lambda/\(name)") { return [] }
            return [RuleViolation(["Properties"], "no log group of the stack receives the function's logs")]
        },
    ]
}
