import ArgumentParser
import SecurityRules

/// `synth rules`: the security rules synth runs, one a line; `--markdown`
/// writes their documentation (docs/security-rules.md).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the security rules synth runs at synthesis and in validate.")

    @Flag(help: "Print the rules' documentation as Markdown (docs/security-rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(SecurityRulesDocument.markdown(), terminator: "")
            return
        }
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        let width = SecurityRulePack.rules.map(\.id.count).max() ?? 0
        for rule in SecurityRulePack.rules {
            print("\(padded(rule.id, width))  \(padded(rule.level.rawValue, 7))  \(rule.title)")
        }
    }
}
