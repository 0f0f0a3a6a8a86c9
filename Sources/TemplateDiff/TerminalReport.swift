import CloudFormation

extension TemplateChanges {
    /// The report for a terminal: Resources, IAM statement changes (a table),
    /// Parameters, Outputs, Other sections, and a one-line summary. With
    /// `colour`, ANSI escapes mark additions, removals and hazards; without,
    /// the same text plain.
    public func render(colour: Bool) -> String {
        TerminalReport(changes: self, style: TerminalStyle(colour: colour)).text
    }
}

/// Writes `TemplateChanges` for people reading a terminal.
struct TerminalReport {
    var changes: TemplateChanges
    var style: TerminalStyle

    private let indent = "    "

    var text: String {
        if changes.isEmpty { return "No changes.\n" }
        var sections: [[String]] = []
        if !changes.resources.isEmpty { sections.append(resourceSection) }
        if !changes.statements.isEmpty { sections.append(statementSection) }
        if !changes.parameters.isEmpty { sections.append(entrySection("Parameters", changes.parameters)) }
        if !changes.outputs.isEmpty { sections.append(entrySection("Outputs", changes.outputs)) }
        if !changes.otherSections.isEmpty {
            sections.append([style.apply(.heading, to: "Other sections")] + changes.otherSections.flatMap { lines(for: $0) })
        }
        sections.append([SummaryLine.text(changes.summary)])
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: Sections

    private var resourceSection: [String] {
        var lines = [style.apply(.heading, to: "Resources")]
        for change in changes.resources {
            let sign: Sign = switch change.kind {
            case .added: .added
            case .removed: .removed
            case .modified, .renamed: .modified
            }
            var header = self.sign(sign) + " " + ChangeWording.title(of: change)
            if let marker = ChangeWording.marker(of: change) {
                let losesData = change.replacement?.losesData == true || change.deletesData
                header += "  " + style.apply(losesData ? .dataLoss : .replacement, to: marker)
            }
            lines.append(header)
            if let replacement = change.replacement {
                lines.append(indent + ChangeWording.replacement(replacement))
            }
            if let removal = change.removal, removal != .noData {
                lines.append(indent + ChangeWording.removal(removal))
            }
            for note in change.notes { lines.append(indent + style.apply(.note, to: "note: " + note)) }
            let createOnly = Set(change.replacement?.createOnlyPaths ?? [])
            for valueChange in change.attributeChanges + change.propertyChanges {
                lines += self.lines(for: valueChange, suffix: createOnly.contains(valueChange.path) ? "  (create-only)" : "")
            }
        }
        return lines
    }

    private var statementSection: [String] {
        var table = TextTable(header: ["", "Effect", "Principal", "Action", "Resource", "Condition", "Verdict"])
        for change in changes.statements {
            let row = change.row
            let verdictRole: TerminalStyle.Role = switch change.verdict {
            case .broadening: .broadening
            case .narrowing: .narrowing
            case .neutral: .neutral
            }
            table.rows.append([
                .init(change.change == .added ? "[+]" : "[-]", change.change == .added ? .added : .removed),
                .init(row.effect.rawValue), .init(row.principal.description), .init(row.action.description),
                .init(row.resource.description), .init(row.conditionText), .init(change.verdict.rawValue, verdictRole),
            ])
        }
        return [style.apply(.heading, to: "IAM statement changes")] + table.lines(style: style)
    }

    private func entrySection(_ title: String, _ entries: [EntryChange]) -> [String] {
        var lines = [style.apply(.heading, to: title)]
        for entry in entries {
            let sign: Sign = switch entry.kind {
            case .added: .added
            case .removed: .removed
            case .modified: .modified
            }
            lines.append(self.sign(sign) + " " + entry.logicalID)
            for note in entry.notes { lines.append(indent + style.apply(.note, to: "note: " + note)) }
            // A removed entry's fields are in the old template; listing them adds nothing.
            if entry.kind != .removed {
                for change in entry.changes { lines += self.lines(for: change) }
            }
        }
        return lines
    }

    // MARK: Lines

    /// What the `[+]`, `[-]` and `[~]` before a resource, parameter or output say.
    private enum Sign {
        case added, removed, modified
    }

    private func sign(_ sign: Sign) -> String {
        switch sign {
        case .added: style.apply(.added, to: "[+]")
        case .removed: style.apply(.removed, to: "[-]")
        case .modified: style.apply(.modified, to: "[~]")
        }
    }

    /// `+ path: new`, `- path: old`, `~ path: old → new`; text of several
    /// lines as the lines that differ.
    private func lines(for change: ValueChange, suffix: String = "") -> [String] {
        let path = change.path.description
        switch (change.old, change.new) {
        case (nil, let new?):
            return [indent + style.apply(.added, to: "+") + " \(path): " + ValueText.truncatedLine(new, style: .flow) + suffix]
        case (let old?, nil):
            return [indent + style.apply(.removed, to: "-") + " \(path): " + ValueText.truncatedLine(old, style: .flow) + suffix]
        case (let old?, let new?):
            if let textLines = multilineChange(old, new) {
                return [indent + style.apply(.modified, to: "~") + " \(path):" + suffix] + textLines
            }
            return [indent + style.apply(.modified, to: "~") + " \(path): "
                + ValueText.truncatedLine(old, style: .flow) + " → " + ValueText.truncatedLine(new, style: .flow) + suffix]
        case (nil, nil):
            return []
        }
    }

    /// For a change of text with line breaks (inline function code), the lines
    /// that differ, without the lines both share at the start and the end.
    private func multilineChange(_ old: Value, _ new: Value) -> [String]? {
        guard case .string(let before) = old, case .string(let after) = new,
            before.contains("\n") || after.contains("\n")
        else { return nil }
        let oldLines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = after.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < min(oldLines.count, newLines.count), oldLines[prefix] == newLines[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(oldLines.count, newLines.count) - prefix,
            oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix]
        {
            suffix += 1
        }
        let removed = oldLines[prefix..<(oldLines.count - suffix)]
        let added = newLines[prefix..<(newLines.count - suffix)]
        let deeper = indent + indent
        let limit = 12
        var lines: [String] = ["\(deeper)@@ line \(prefix + 1) @@"]
        lines += removed.prefix(limit).map { deeper + style.apply(.removed, to: "- " + $0) }
        if removed.count > limit { lines.append(deeper + "… \(removed.count - limit) more lines removed") }
        lines += added.prefix(limit).map { deeper + style.apply(.added, to: "+ " + $0) }
        if added.count > limit { lines.append(deeper + "… \(added.count - limit) more lines added") }
        return lines
    }
}
