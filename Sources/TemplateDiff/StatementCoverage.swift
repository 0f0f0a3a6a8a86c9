import AWSResources
import Foundation
import IAMPolicies

/// Whether rows of one template already grant (or deny) everything a row of
/// the other grants (or denies): the subsumption behind the broadening verdict.
///
/// A row covers another of the same effect when its principal is the same or
/// `*`; its resource pattern matches every resource the other's does; its
/// action pattern matches every action the other's does (by the IAM actions
/// AWS documents, from `IAMActionCatalog`, so `s3:Get*` covers
/// `s3:GetObject`); and its conditions are a subset of the other's, since
/// each condition only narrows. Several rows that differ only in their
/// actions cover together: `s3:GetObject` and `s3:GetObjectAcl` as two rows
/// cover `s3:GetObject*` if those are all the actions it matches (`NotAction`
/// rows by the actions they leave). Rows under
/// the two branches of a template condition (`if C` and `unless C`, from one
/// `Fn::If`) cover together what either would cover without it.
final class StatementCoverage {

    func isCovered(_ row: StatementRow, by rows: some Sequence<StatementRow>) -> Bool {
        let relevant = rows.filter {
            $0.effect == row.effect && principalCovers($0.principal, row.principal) && resourceCovers($0.resource, row.resource)
        }
        return isCovered(row, byRelevant: relevant)
    }

    /// `rows` already match the row's effect, principal and resource. When
    /// they do not cover it as it is, it is covered if it is both when a
    /// template condition they hold under (and it does not mention) holds and
    /// when it does not.
    private func isCovered(_ row: StatementRow, byRelevant rows: [StatementRow]) -> Bool {
        if isCoveredDirectly(row, by: rows) { return true }
        let mentioned = Set(row.conditions.compactMap(\.templateConditionName))
        let split = rows.lazy.flatMap(\.conditions).compactMap(\.templateConditionName).filter { !mentioned.contains($0) }.min()
        guard let split else { return false }
        return [true, false].allSatisfy { holds in
            let branch = StatementRow(
                effect: row.effect, principal: row.principal, action: row.action, resource: row.resource,
                conditions: row.conditions + [.templateCondition(split, holds: holds)])
            return isCovered(branch, byRelevant: rows)
        }
    }

    private func isCoveredDirectly(_ row: StatementRow, by rows: [StatementRow]) -> Bool {
        let candidates = rows.filter { Set($0.conditions).isSubset(of: row.conditions) }
        if candidates.contains(where: { actionCovers($0.action, row.action) }) { return true }
        // Together: what the row grants, less what each candidate grants, leaves nothing.
        var remaining = granted(by: row.action)
        guard !remaining.isEmpty else { return false }
        for candidate in candidates {
            if candidate.action.isNegated {
                remaining.formIntersection(Set(candidate.action.patterns.flatMap(actions)))
            } else {
                remaining.subtract(actions(candidate.action.text))
            }
            if remaining.isEmpty { return true }
        }
        return false
    }

    /// The documented actions a row's action term grants: every one but those excluded, for a negated term.
    private func granted(by term: StatementTerm) -> Set<String> {
        guard term.isNegated else { return actions(term.text) }
        return Self.everyAction.subtracting(term.patterns.flatMap(actions))
    }

    /// Every action AWS documents, read once.
    private static let everyAction = Set(IAMActionCatalog.matching("*"))

    private func principalCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        if outer == StatementTerm("*") { return true }
        return outer == inner
    }

    private func resourceCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        func pattern(_ text: String) -> IAMWildcard { .templateText(text, arn: true) }
        switch (outer.isNegated, inner.isNegated) {
        case (false, false):
            return pattern(outer.text).covers(pattern(inner.text))
        case (true, true):
            // "Everything but X" covers "everything but Y" when it excludes less: each of X within one of Y.
            return outer.patterns.allSatisfy { excluded in inner.patterns.contains { pattern($0).covers(pattern(excluded)) } }
        case (false, true):
            return outer.text == "*"
        case (true, false):
            // Everything but X covers what none of X touches.
            return outer.patterns.allSatisfy { !pattern($0).overlaps(pattern(inner.text)) }
        }
    }

    private func actionCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        switch (outer.isNegated, inner.isNegated) {
        case (false, false):
            return patternCovers(outer.text, inner.text)
        case (true, true):
            // Excludes less, as for resources: each of X within Y, by text or by the actions they match.
            let excludedByInner = Set(inner.patterns.flatMap(actions))
            return outer.patterns.allSatisfy { excluded in
                inner.patterns.contains { patternCovers($0, excluded) }
                    || { let own = actions(excluded); return !own.isEmpty && own.isSubset(of: excludedByInner) }()
            }
        case (false, true):
            return outer.text == "*"
        case (true, false):
            // Everything but X covers the actions of Y when none of them is in X.
            let wanted = actions(inner.text)
            return !wanted.isEmpty && wanted.isDisjoint(with: Set(outer.patterns.flatMap(actions)))
        }
    }

    /// By the text first (which also decides patterns no documented action
    /// matches, such as an action newer than the data), then by the actions each matches.
    private func patternCovers(_ outer: String, _ inner: String) -> Bool {
        if IAMWildcard.templateText(outer, lowercased: true).covers(.templateText(inner, lowercased: true)) { return true }
        let wanted = actions(inner)
        return !wanted.isEmpty && wanted.isSubset(of: actions(outer))
    }

    private func actions(_ pattern: String) -> Set<String> {
        Self.expansions.actions(pattern)
    }

    /// Patterns expanded once per process: the catalog is fixed, and a diff
    /// (or many) asks about the same few patterns again and again.
    private static let expansions = ActionExpansions()

    private final class ActionExpansions: @unchecked Sendable {
        private var known: [String: Set<String>] = [:]
        private let lock = NSLock()

        func actions(_ pattern: String) -> Set<String> {
            let key = pattern.lowercased()
            lock.lock()
            defer { lock.unlock() }
            if let found = known[key] { return found }
            let expanded = Set(IAMActionCatalog.matching(key))
            known[key] = expanded
            return expanded
        }
    }
}
