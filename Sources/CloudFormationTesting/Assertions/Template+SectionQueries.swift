import CloudFormation

// Queries over outputs, parameters, conditions and mappings. Each matches
// either any entry of its section (`hasOutput(pattern)`) or the one the test
// names (`hasOutput("QueueURL", pattern)`; the pattern defaults to `anyValue`,
// so `hasOutput("QueueURL")` asks only that it exist).
//
// An output is matched as the template shows it (`Description`, `Condition`,
// `Value`, `Export: {Name}`), a parameter likewise (`Type`, `Default`,
// `AllowedValues`, …), a condition as its condition function, a mapping as its
// object of top-level keys.
extension Template {
    public func matchOutput(_ pattern: Matcher) -> MatchResult {
        Self.section("output").run(pattern, on: outputCandidates)
    }

    public func matchOutput(_ logicalID: String, _ pattern: Matcher = .anyValue) -> MatchResult {
        Self.named(logicalID, "output", in: outputCandidates, pattern)
    }

    public func hasOutput(_ pattern: Matcher) -> Bool { matchOutput(pattern).isMatch }

    public func hasOutput(_ logicalID: String, _ pattern: Matcher = .anyValue) -> Bool {
        matchOutput(logicalID, pattern).isMatch
    }

    public func matchParameter(_ pattern: Matcher) -> MatchResult {
        Self.section("parameter").run(pattern, on: parameterCandidates)
    }

    public func matchParameter(_ logicalID: String, _ pattern: Matcher = .anyValue) -> MatchResult {
        Self.named(logicalID, "parameter", in: parameterCandidates, pattern)
    }

    public func hasParameter(_ pattern: Matcher) -> Bool { matchParameter(pattern).isMatch }

    public func hasParameter(_ logicalID: String, _ pattern: Matcher = .anyValue) -> Bool {
        matchParameter(logicalID, pattern).isMatch
    }

    public func matchCondition(_ pattern: Matcher) -> MatchResult {
        Self.section("condition").run(pattern, on: conditionCandidates)
    }

    public func matchCondition(_ name: String, _ pattern: Matcher = .anyValue) -> MatchResult {
        Self.named(name, "condition", in: conditionCandidates, pattern)
    }

    public func hasCondition(_ pattern: Matcher) -> Bool { matchCondition(pattern).isMatch }

    public func hasCondition(_ name: String, _ pattern: Matcher = .anyValue) -> Bool {
        matchCondition(name, pattern).isMatch
    }

    public func matchMapping(_ pattern: Matcher) -> MatchResult {
        Self.section("mapping").run(pattern, on: mappingCandidates)
    }

    public func matchMapping(_ name: String, _ pattern: Matcher = .anyValue) -> MatchResult {
        Self.named(name, "mapping", in: mappingCandidates, pattern)
    }

    public func hasMapping(_ pattern: Matcher) -> Bool { matchMapping(pattern).isMatch }

    public func hasMapping(_ name: String, _ pattern: Matcher = .anyValue) -> Bool {
        matchMapping(name, pattern).isMatch
    }

    private var outputCandidates: [QueryCandidate] {
        outputs.map { QueryCandidate(id: $0.logicalID, value: TemplateEntryValues.output($0), path: ["Outputs", $0.logicalID]) }
    }

    private var parameterCandidates: [QueryCandidate] {
        parameters.map {
            QueryCandidate(id: $0.logicalID, value: TemplateEntryValues.parameter($0), path: ["Parameters", $0.logicalID])
        }
    }

    private var conditionCandidates: [QueryCandidate] {
        conditions.map { QueryCandidate(id: $0.name, value: $0.expression, path: ["Conditions", $0.name]) }
    }

    private var mappingCandidates: [QueryCandidate] {
        mappings.map { QueryCandidate(id: $0.name, value: TemplateEntryValues.mapping($0), path: ["Mappings", $0.name]) }
    }

    private static func section(_ noun: String) -> SectionQuery {
        SectionQuery(query: TemplateQuery.section(noun))
    }

    private static func named(
        _ id: String, _ noun: String, in candidates: [QueryCandidate], _ pattern: Matcher
    ) -> MatchResult {
        let query = TemplateQuery.section(noun)
        guard let candidate = candidates.first(where: { $0.id == id }) else {
            Capture.publish([], for: pattern)
            return MatchResult(
                isMatch: false, matchingIDs: [], nearMisses: [], examinedCount: 0,
                message: MissingEntryMessage.noEntry(
                    named: id, noun: noun, pluralNoun: query.pluralNoun, existing: candidates.map(\.id)))
        }
        return query.runNamed(pattern, on: candidate)
    }
}

/// A query over a whole section, which says so when the section is empty.
private struct SectionQuery {
    var query: TemplateQuery

    func run(_ pattern: Matcher, on candidates: [QueryCandidate]) -> MatchResult {
        guard !candidates.isEmpty else {
            Capture.publish([], for: pattern)
            return MatchResult(
                isMatch: false, matchingIDs: [], nearMisses: [], examinedCount: 0,
                message: "The template has no \(query.pluralNoun).")
        }
        return query.run(pattern, on: candidates)
    }
}
