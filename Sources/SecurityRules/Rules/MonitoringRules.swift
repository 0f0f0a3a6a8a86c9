import CloudFormation

/// Logs that expire; alarms that act.
enum MonitoringRules {
    static let all: [SecurityRule] = [
        SecurityRule(
            "LOGS-RETENTION", .warning, types: ["AWS::Logs::LogGroup"], checkov: ["CKV_AWS_66"],
            title: "Log groups say how long they keep logs.",
            reason: "Without RetentionInDays logs are kept forever: cost grows without bound, and personal data in them outlives any retention policy.",
            fix: "set RetentionInDays (365 by default in Function)"
        ) { resource, _ in
            resource.properties["RetentionInDays"] != nil ? [] : [RuleViolation(["Properties", "RetentionInDays"], "the log group keeps logs forever")]
        },
        SecurityRule(
            "CLOUDWATCH-ALARM-ACTIONS", .warning, types: ["AWS::CloudWatch::Alarm"],
            title: "Alarms keep their actions enabled.",
            reason: "An alarm with ActionsEnabled false changes state and tells nobody.",
            fix: "remove ActionsEnabled false"
        ) { resource, _ in
            resource.properties["ActionsEnabled"] == false ? [RuleViolation(["Properties", "ActionsEnabled"], "the alarm's actions are disabled")] : []
        },
    ]
}
