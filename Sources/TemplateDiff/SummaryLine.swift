/// The one line at the end of the terminal report: counts, with the hazards first after the resources.
enum SummaryLine {
    static func text(_ summary: ChangeSummary) -> String {
        var parts: [String] = []
        let resourceCounts = [
            (summary.resourcesAdded, "added"), (summary.resourcesRemoved, "removed"),
            (summary.resourcesModified, "modified"), (summary.resourcesRenamed, "renamed"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !resourceCounts.isEmpty {
            let total = summary.resourcesAdded + summary.resourcesRemoved + summary.resourcesModified + summary.resourcesRenamed
            parts.append(counted(total, "resource") + " changed (" + resourceCounts.joined(separator: ", ") + ")")
        }
        if summary.replacements > 0 { parts.append(counted(summary.replacements, "replacement")) }
        if summary.replacementsUnknown > 0 { parts.append("\(summary.replacementsUnknown) of unknown type, replacement unknown") }
        if summary.dataLoss > 0 { parts.append("\(summary.dataLoss) losing data") }
        if summary.statementsAdded + summary.statementsRemoved > 0 {
            parts.append("IAM statement rows: \(summary.statementsAdded) added, \(summary.statementsRemoved) removed "
                + "(\(summary.broadening) broadening, \(summary.narrowing) narrowing)")
        }
        if summary.parametersChanged > 0 { parts.append(counted(summary.parametersChanged, "parameter") + " changed") }
        if summary.outputsChanged > 0 { parts.append(counted(summary.outputsChanged, "output") + " changed") }
        if summary.otherSectionsChanged > 0 { parts.append(counted(summary.otherSectionsChanged, "other change")) }
        return "Summary: " + (parts.isEmpty ? "no changes" : parts.joined(separator: "; ")) + "."
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }
}
