import CloudFormation

/// One entry of the template a query considers: its logical ID, the value the
/// pattern is matched against, and where that value sits in the template.
struct QueryCandidate {
    var id: String
    var value: Value
    var path: TemplatePath
}

/// Matches a pattern against a list of template entries and writes the
/// result's message: the part every query (`hasResourceProperties`,
/// `hasOutput`, …) shares.
struct TemplateQuery {
    /// What one entry is called: `AWS::S3::Bucket resource`, `output`.
    var noun: String
    var pluralNoun: String
    /// What a matching entry does: `matches the pattern`,
    /// `has properties matching the pattern`.
    var predicate: String
    var pluralPredicate: String

    /// How many near misses a message spells out; the rest are only named.
    static let shownNearMisses = 3
    /// How many logical IDs a message lists before it only counts them.
    static let listedIDs = 10

    /// Matches every candidate; captures in the pattern get what the matching
    /// candidates recorded.
    func run(_ pattern: Matcher, on candidates: [QueryCandidate]) -> MatchResult {
        var matchingIDs: [String] = []
        var recordings: [[Capture.Recording]] = []
        var misses: [(candidate: QueryCandidate, evaluation: PatternEvaluation, order: Int)] = []
        for (order, candidate) in candidates.enumerated() {
            let evaluation = MatchEvaluation.evaluate(pattern, against: candidate.value, at: candidate.path)
            if evaluation.isMatch {
                matchingIDs.append(candidate.id)
                recordings.append(evaluation.recordings)
            } else {
                misses.append((candidate, evaluation, order))
            }
        }
        Capture.publish(recordings, for: pattern)

        // Closest first; ties keep template order, so messages never depend on
        // how a sort happens to break them.
        let ranked = misses.sorted {
            ($0.evaluation.weight, $0.evaluation.mismatches.count, $0.order)
                < ($1.evaluation.weight, $1.evaluation.mismatches.count, $1.order)
        }
        let nearMisses = ranked.map { NearMiss(logicalID: $0.candidate.id, mismatches: $0.evaluation.mismatches) }
        let ids = candidates.map(\.id)
        let message = matchingIDs.isEmpty
            ? failureMessage(examined: ids, nearMisses: nearMisses)
            : "\(matchingIDs.count) of \(ids.count) \(pluralNoun) \(pluralPredicate): \(Self.list(matchingIDs))."
        return MatchResult(
            isMatch: !matchingIDs.isEmpty, matchingIDs: matchingIDs, nearMisses: nearMisses,
            examinedCount: candidates.count, message: message)
    }

    /// Matches one entry that the test named.
    func runNamed(_ pattern: Matcher, on candidate: QueryCandidate) -> MatchResult {
        let evaluation = MatchEvaluation.evaluate(pattern, against: candidate.value, at: candidate.path)
        Capture.publish(evaluation.isMatch ? [evaluation.recordings] : [], for: pattern)
        if evaluation.isMatch {
            return MatchResult(
                isMatch: true, matchingIDs: [candidate.id], nearMisses: [], examinedCount: 1,
                message: "\(Self.capitalized(noun)) \(candidate.id) \(predicate).")
        }
        let miss = NearMiss(logicalID: candidate.id, mismatches: evaluation.mismatches)
        let lines = ["\(Self.capitalized(noun)) \(candidate.id) does not match the pattern:"]
            + evaluation.mismatches.map { "  \($0)" }
        return MatchResult(
            isMatch: false, matchingIDs: [], nearMisses: [miss], examinedCount: 1,
            message: lines.joined(separator: "\n"))
    }

    private func failureMessage(examined: [String], nearMisses: [NearMiss]) -> String {
        var lines = ["No \(noun) \(predicate); looked at \(examined.count): \(Self.list(examined))."]
        if nearMisses.count > 1 { lines.append("Closest first:") }
        for miss in nearMisses.prefix(Self.shownNearMisses) {
            let count = miss.mismatches.count == 1 ? "1 mismatch" : "\(miss.mismatches.count) mismatches"
            lines.append("  \(miss.logicalID) (\(count)):")
            lines += miss.mismatches.map { "    \($0)" }
        }
        let rest = nearMisses.dropFirst(Self.shownNearMisses).map(\.logicalID)
        if !rest.isEmpty {
            lines.append("  \(rest.count) more, further off: \(Self.list(rest)).")
        }
        return lines.joined(separator: "\n")
    }

    /// `A, B, C`, or the first few and how many more.
    static func list(_ ids: [String]) -> String {
        guard ids.count > listedIDs else { return ids.joined(separator: ", ") }
        return ids.prefix(listedIDs).joined(separator: ", ") + " and \(ids.count - listedIDs) more"
    }

    static func capitalized(_ noun: String) -> String {
        noun.prefix(1).uppercased() + noun.dropFirst()
    }
}

extension TemplateQuery {
    static func resources(ofType type: String, wholeResource: Bool) -> TemplateQuery {
        TemplateQuery(
            noun: "\(type) resource", pluralNoun: "\(type) resources",
            predicate: wholeResource ? "matches the pattern" : "has properties matching the pattern",
            pluralPredicate: wholeResource ? "match the pattern" : "have properties matching the pattern")
    }

    static func section(_ noun: String) -> TemplateQuery {
        TemplateQuery(
            noun: noun, pluralNoun: noun + "s", predicate: "matches the pattern", pluralPredicate: "match the pattern")
    }
}
