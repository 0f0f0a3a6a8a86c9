import Foundation

/// `docs/security-rules.md`: every rule with its level, types, reason, fix
/// and checkov counterparts, as Markdown (written by `synth rules --markdown`,
/// and compared with the committed file by the tests).
public enum SecurityRulesDocument {
    public static func markdown() -> String {
        var lines = [
            "# Security rules",
            "",
            "Written by `synth rules --markdown > docs/security-rules.md`; a test checks that this file is current.",
            "",
            "`synth` runs these rules on every stack at synthesis, and `synth validate` on any template. An `error`",
            "stops synthesis; a `warning` is printed. A resource waives a rule with a reason in its metadata",
            "(`Metadata.synth.suppress: [{rule, reason}]`, also written as checkov skips of the checks in the",
            "last column); a stack sets a rule's level (`error`, `warning`, `off`) with a reason in the template's",
            "`Metadata.synth.rules: [{rule, level, reason}]`. A suppression that waives nothing is a warning.",
            "",
            "A rule is an error where its finding leaves data readable by someone it should not be (no customer key,",
            "public access, plain HTTP, wildcard grants, a key Macie cannot use) and a warning where it weakens",
            "recovery or oversight (versions, logs, backups, dead letters, retention, concurrency).",
            "",
            "| rule | level | resource types | requires | checkov |",
            "|---|---|---|---|---|",
        ]
        for rule in SecurityRulePack.rules {
            let types = rule.resourceTypes.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| [\(rule.id)](#\(rule.id.lowercased())) | \(rule.level.rawValue) | \(types) | \(escaped(rule.title)) | \(rule.checkov.joined(separator: ", ")) |")
        }
        for rule in SecurityRulePack.rules {
            lines += ["", "## \(rule.id)", "", escaped(rule.title), "", "- Why: \(escaped(rule.reason))", "- Fix: \(escaped(rule.fix))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
