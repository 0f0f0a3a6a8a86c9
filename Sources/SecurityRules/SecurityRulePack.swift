import AWSResources
import CloudFormation

/// The security rules, run on a template at synthesis (after the checks of
/// `AWSChecks`) and by `synth validate`: each finding is an error or a
/// warning by its rule's level, unless the stack sets another level or the
/// resource suppresses the rule with a reason (`RuleSuppression`); a
/// suppression that waives nothing is a warning, a malformed one an error.
public struct SecurityRulePack: TemplateCheck {
    /// Every rule, in the order of the documentation (`docs/security-rules.md`).
    public static let rules: [SecurityRule] =
        S3Rules.all + CustomerKeyEncryption.all + DataProtectionRules.all + LambdaRules.all + MessagingRules.all
        + MonitoringRules.all + IAMRules.all + ResourcePolicyRules.all + MacieRules.all

    private static let byID: [String: SecurityRule] = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
    private static let byType: [String: [SecurityRule]] = {
        var result: [String: [SecurityRule]] = [:]
        for rule in rules { for type in rule.resourceTypes { result[type, default: []].append(rule) } }
        return result
    }()

    public static func rule(_ id: String) -> SecurityRule? { byID[id] }

    /// `; did you mean …?` naming the rules of the same service, or nothing.
    static func suggestion(for id: String) -> String {
        let service = id.split(separator: "-").first.map(String.init)?.uppercased() ?? ""
        let near = rules.map(\.id).filter { $0.hasPrefix(service + "-") }
        return near.isEmpty ? "" : "; did you mean \(near.joined(separator: " or "))?"
    }

    /// The day (`YYYY-MM-DD`) runtimes are judged on.
    public let today: String

    public init(today: String = LambdaRuntimeCheck.currentDay()) {
        self.today = today
    }

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        report(for: template).diagnostics(stack: stack)
    }

    /// Every finding of every rule in force, suppressed or not, in template order.
    public func report(for template: Template) -> SecurityReport {
        let (settings, settingProblems) = StackRuleSetting.read(from: template)
        var report = SecurityReport(settings: settings.values.sorted { $0.rule < $1.rule }, problems: settingProblems)
        let context = RuleContext(template, today: today)
        for resource in template.resources {
            let (suppressions, problems) = RuleSuppression.read(from: resource)
            report.problems += problems
            var used = Set<String>()
            let base: TemplatePath = ["Resources", resource.logicalID]
            for rule in Self.byType[resource.type] ?? [] {
                let level = (settings[rule.id] ?? settings["*"])?.level ?? rule.level
                guard level != .off else { used.insert(rule.id); continue }
                let suppression = suppressions.first { $0.0.rule == rule.id }?.0
                for violation in rule.check(resource, context) {
                    if suppression != nil { used.insert(rule.id) }
                    var path = base
                    for component in violation.path {
                        switch component {
                        case .key(let key): path = path.appending(key)
                        case .index(let index): path = path.appending(index: index)
                        }
                    }
                    report.findings.append(SecurityFinding(
                        rule: rule.id, level: level, logicalID: resource.logicalID, path: path,
                        detail: violation.detail, fix: rule.fix, suppressedBecause: suppression?.reason))
                }
            }
            for (suppression, path) in suppressions {
                if used.contains(suppression.rule) {
                    report.usedSuppressions.append((suppression, resource.logicalID))
                } else {
                    report.unusedSuppressions.append((suppression, resource.logicalID, path))
                }
            }
        }
        return report
    }
}

extension SecurityRulePack {
    /// The summary of what a synthesized template waives, from its metadata
    /// and the diagnostics synthesis gave (which name the unused
    /// suppressions), without running the rules again.
    public static func summary(of template: Template, stack: String, diagnostics: [Diagnostic]) -> [String] {
        SecuritySummary(of: template, unused: Set(diagnostics.filter { $0.severity == .warning }.map(\.path))).lines(stack: stack)
    }
}
