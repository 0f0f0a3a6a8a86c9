import CloudFormation

/// The policy statement rows one template adds or removes, each with a verdict.
///
/// - An added Allow that no old Allow covers is broadening. One covered only
///   by old rows that were themselves cut down (`s3:Get*` → `s3:GetObject`)
///   is narrowing: it is what remains of a smaller grant. Otherwise it is neutral.
/// - A removed Allow that the new Allow rows still cover is neutral; otherwise narrowing.
/// - An added Deny is narrowing and a removed one broadening, unless Deny
///   rows on the other side cover it (then neutral).
///
/// A resource renamed (the same type and properties under a new logical ID)
/// is the same resource to the reader, so the old template's rows are read
/// with the new name: grants that follow the rename are no change.
///
/// Coverage reads each template's ARNs in one spelling (`ARNSpelling`):
/// `${Bucket.Arn}/*` and a hand-written `arn:aws:s3:::${Bucket}/*` grant the
/// same objects, so rewriting one as the other is neutral, and a grant on
/// `table/*` cut down to `${Table.Arn}` is narrowing. The rows keep the text
/// the templates wrote.
enum IAMComparison {
    /// `renames`: old logical ID → new one, for the renamed resources.
    static func changes(old: Template, new: Template, renames: [(old: String, new: String)] = []) -> [StatementChange] {
        let before = RowSet(old, renaming: renames), after = RowSet(new)
        let oldSpelling = ARNSpelling(old, renaming: renames), newSpelling = ARNSpelling(new)
        let coverage = StatementCoverage()
        let added = after.rows.filter { !before.contains($0) }
        let removed = before.rows.filter { !after.contains($0) }

        // Coverage compares rows in one spelling of their ARNs.
        let oldRows = before.rows.map { (row: $0, spelled: oldSpelling.normalized($0)) }
        let newRows = after.rows.map(newSpelling.normalized)
        let oldAllows = oldRows.filter { $0.row.effect == .allow }
        let oldDenies = oldRows.filter { $0.row.effect == .deny }.map(\.spelled)
        let newAllows = newRows.filter { $0.effect == .allow }, newDenies = newRows.filter { $0.effect == .deny }
        var verdictOfRemoved: [StatementRow: StatementChange.Verdict] = [:]
        for row in removed {
            let covered = coverage.isCovered(oldSpelling.normalized(row), by: row.effect == .allow ? newAllows : newDenies)
            verdictOfRemoved[row] = covered ? .neutral : (row.effect == .allow ? .narrowing : .broadening)
        }
        // Old Allow rows that still stand, or were rewritten without losing anything.
        let undiminishedAllows = oldAllows.filter { verdictOfRemoved[$0.row] != .narrowing }.map(\.spelled)

        var result: [StatementChange] = []
        for row in added {
            let verdict: StatementChange.Verdict
            let spelled = newSpelling.normalized(row)
            if row.effect == .deny {
                verdict = coverage.isCovered(spelled, by: oldDenies) ? .neutral : .narrowing
            } else if coverage.isCovered(spelled, by: undiminishedAllows) {
                verdict = .neutral
            } else if coverage.isCovered(spelled, by: oldAllows.map(\.spelled)) {
                verdict = .narrowing
            } else {
                verdict = .broadening
            }
            result.append(StatementChange(change: .added, row: row, verdict: verdict, locations: after.locations(of: row)))
        }
        for row in removed {
            result.append(StatementChange(change: .removed, row: row, verdict: verdictOfRemoved[row]!, locations: before.locations(of: row)))
        }
        return result.sorted(by: displayOrder)
    }

    /// Rows about the same principal and resource together, and within them
    /// the removed rows before the added ones, as a diff reads: a pattern that
    /// shrank sits just above what replaced it.
    private static func displayOrder(_ lhs: StatementChange, _ rhs: StatementChange) -> Bool {
        func key(_ change: StatementChange) -> (String, String, String, String, String, String) {
            let row = change.row
            return (row.principal.description, row.resource.description, change.change == .removed ? "0" : "1",
                    row.action.description.lowercased(), row.conditionText, row.effect.rawValue)
        }
        return key(lhs) < key(rhs)
    }

    /// A template's rows, each once, in the order first found, with every place it is written.
    private struct RowSet {
        private(set) var rows: [StatementRow] = []
        private var paths: [StatementRow: [TemplatePath]] = [:]

        init(_ template: Template, renaming renames: [(old: String, new: String)] = []) {
            for collected in StatementSource.all(in: template) {
                for row in StatementExpansion.rows(of: collected).map({ $0.renaming(renames) }) {
                    if paths[row] == nil { rows.append(row) }
                    if paths[row, default: []].last != collected.path { paths[row, default: []].append(collected.path) }
                }
            }
        }

        func contains(_ row: StatementRow) -> Bool { paths[row] != nil }
        func locations(of row: StatementRow) -> [TemplatePath] { paths[row] ?? [] }
    }
}
