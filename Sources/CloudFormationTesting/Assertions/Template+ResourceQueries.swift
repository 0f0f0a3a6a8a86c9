import CloudFormation

// Queries over a template's resources, in the spirit of the AWS CDK's
// `Template.hasResourceProperties`, `resourceCountIs` and `findResources`.
// Each `match…` returns a `MatchResult`: `#expect(template.match…(…).isMatch)`
// shows its message on failure. Each `has…` returns the bare `Bool`, for
// conditions; the `expect…` forms in `Template+Expectations.swift` record an
// issue with the message.
extension Template {
    /// How many resources of the type the template has.
    public func resourceCount(ofType type: String) -> Int {
        resources.count { $0.type == type }
    }

    /// The resources of the type, in template order.
    public func resources(ofType type: String) -> [Resource] {
        resources.filter { $0.type == type }
    }

    /// The resources of the type whose whole entry (`Type`, `Condition`,
    /// `DependsOn`, `DeletionPolicy`, `Properties`, … as the template shows
    /// them) matches the pattern, in template order.
    public func resources(ofType type: String, matching pattern: Matcher) -> [Resource] {
        let ids = Set(matchResource(type, pattern).matchingIDs)
        return resources.filter { $0.type == type && ids.contains($0.logicalID) }
    }

    /// The resources of the type whose properties match the pattern, in template order.
    public func resources(ofType type: String, withProperties pattern: Matcher) -> [Resource] {
        let ids = Set(matchResourceProperties(type, pattern).matchingIDs)
        return resources.filter { $0.type == type && ids.contains($0.logicalID) }
    }

    /// Whether some resource of the type has properties that match the pattern
    /// (a deep partial match, for a plain object pattern). A resource without
    /// properties has the empty object.
    ///
    /// On failure, the message names the resources of the type that were
    /// looked at, the closest ones with each mismatching path, or, when there
    /// is none of the type, the types there are.
    public func matchResourceProperties(_ type: String, _ pattern: Matcher) -> MatchResult {
        let candidates = resources(ofType: type).map { resource in
            QueryCandidate(
                id: resource.logicalID, value: .object(resource.properties),
                path: ["Resources", resource.logicalID, "Properties"])
        }
        return run(TemplateQuery.resources(ofType: type, wholeResource: false), pattern, candidates, type: type)
    }

    /// `matchResourceProperties(type, pattern).isMatch`.
    public func hasResourceProperties(_ type: String, _ pattern: Matcher) -> Bool {
        matchResourceProperties(type, pattern).isMatch
    }

    /// Whether some resource of the type matches the pattern as a whole entry:
    /// `["DeletionPolicy": "Retain", "Properties": [...]]`. The entry has the
    /// keys the template shows (`Type`, `Condition`, `DependsOn`, `Metadata`,
    /// `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`,
    /// `UpdateReplacePolicy`, `Properties`); as in the template, one
    /// `DependsOn` is a string and several are a list, and a resource without
    /// properties has no `Properties` key.
    public func matchResource(_ type: String, _ pattern: Matcher) -> MatchResult {
        let candidates = resources(ofType: type).map { resource in
            QueryCandidate(
                id: resource.logicalID, value: TemplateEntryValues.resource(resource),
                path: ["Resources", resource.logicalID])
        }
        return run(TemplateQuery.resources(ofType: type, wholeResource: true), pattern, candidates, type: type)
    }

    /// `matchResource(type, pattern).isMatch`.
    public func hasResource(_ type: String, _ pattern: Matcher) -> Bool {
        matchResource(type, pattern).isMatch
    }

    /// Whether the template has exactly `count` resources of the type; the
    /// result lists those it has (or, for none, the types it has).
    public func matchResourceCount(_ type: String, _ count: Int) -> MatchResult {
        let ids = resources(ofType: type).map(\.logicalID)
        let expected = count == 0 ? "no \(type) resources" : Self.counted(count, "\(type) resource")
        let message: String
        if ids.count == count {
            message = ids.isEmpty
                ? "The template has no \(type) resources, as expected."
                : "The template has \(Self.counted(ids.count, "\(type) resource")), as expected: \(TemplateQuery.list(ids))."
        } else if ids.isEmpty {
            message = "Expected \(expected), found none.\n" + MissingEntryMessage.noResource(ofType: type, in: self)
        } else {
            message = "Expected \(expected), found \(ids.count): \(TemplateQuery.list(ids))."
        }
        return MatchResult(
            isMatch: ids.count == count, matchingIDs: ids, nearMisses: [], examinedCount: ids.count, message: message)
    }

    private func run(_ query: TemplateQuery, _ pattern: Matcher, _ candidates: [QueryCandidate], type: String) -> MatchResult {
        guard !candidates.isEmpty else {
            Capture.publish([], for: pattern)
            return MatchResult(
                isMatch: false, matchingIDs: [], nearMisses: [], examinedCount: 0,
                message: MissingEntryMessage.noResource(ofType: type, in: self))
        }
        return query.run(pattern, on: candidates)
    }

    /// `1 AWS::S3::Bucket resource`, `2 AWS::S3::Bucket resources`.
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
