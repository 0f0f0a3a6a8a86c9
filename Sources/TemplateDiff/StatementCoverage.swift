import AWSResources
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
/// cover `s3:GetObject*` if those are all the actions it matches. Rows under
/// the two branches of a template condition (`if C` and `unless C`, from one
/// `Fn::If`) cover together what either would cover without it.
final class StatementCoverage {
    /// Patterns expanded once per comparison; `*` alone is every action AWS documents.
    private var expansions: [String: Set<String>] = [:]

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
        guard !row.action.isNegated else { return false }
        let needed = actions(row.action.text)
        guard !needed.isEmpty else { return false }
        var granted = Set<String>()
        for candidate in candidates where !candidate.action.isNegated {
            granted.formUnion(actions(candidate.action.text))
            if needed.isSubset(of: granted) { return true }
        }
        return false
    }

    private func principalCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        if outer == StatementTerm("*") { return true }
        return outer == inner
    }

    private func resourceCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        switch (outer.isNegated, inner.isNegated) {
        case (false, false): IAMWildcard.templateText(outer.text, arn: true).covers(.templateText(inner.text, arn: true))
        // "Everything but X" covers "everything but Y" when it excludes less: when Y's pattern covers X's.
        case (true, true): IAMWildcard.templateText(inner.text, arn: true).covers(.templateText(outer.text, arn: true))
        case (false, true): outer.text == "*"
        case (true, false): false
        }
    }

    private func actionCovers(_ outer: StatementTerm, _ inner: StatementTerm) -> Bool {
        switch (outer.isNegated, inner.isNegated) {
        case (false, false):
            return patternCovers(outer.text, inner.text)
        case (true, true):
            return patternCovers(inner.text, outer.text)  // excludes less, as for resources
        case (false, true):
            return outer.text == "*"
        case (true, false):
            // Everything but X covers the actions of Y when none of them is in X.
            let wanted = actions(inner.text)
            return !wanted.isEmpty && wanted.isDisjoint(with: actions(outer.text))
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
        let key = pattern.lowercased()
        if let known = expansions[key] { return known }
        let expanded = Set(IAMActionCatalog.matching(key))
        expansions[key] = expanded
        return expanded
    }
}
