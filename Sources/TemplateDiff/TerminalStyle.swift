/// ANSI colours for the terminal report, or none: the same text either way,
/// so a plain rendering is exactly the coloured one with the escapes removed.
struct TerminalStyle {
    enum Role {
        case heading, added, removed, modified, replacement, dataLoss, broadening, narrowing, neutral, note
    }

    var colour: Bool

    func apply(_ role: Role, to text: String) -> String {
        guard colour, !text.isEmpty else { return text }
        return "\u{1B}[\(code(role))m" + text + "\u{1B}[0m"
    }

    private func code(_ role: Role) -> String {
        switch role {
        case .heading: "1"
        case .added, .narrowing: "32"
        case .removed: "31"
        case .modified: "33"
        case .replacement: "1;33"
        case .dataLoss, .broadening: "1;31"
        case .neutral: "2"
        case .note: "36"
        }
    }
}
