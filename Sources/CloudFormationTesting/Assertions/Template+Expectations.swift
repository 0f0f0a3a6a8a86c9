import CloudFormation
import Testing

// The asserting forms of the template queries: each records a Swift Testing
// issue carrying the query's message, at the caller's line, when the query
// fails, and returns the result so a test can go on with what matched.
//
//     template.expectResourceProperties("AWS::S3::Bucket", ["VersioningConfiguration": ["Status": "Enabled"]])
extension Template {
    @discardableResult
    public func expectResourceProperties(
        _ type: String, _ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchResourceProperties(type, pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectResource(
        _ type: String, _ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchResource(type, pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectResourceCount(
        _ type: String, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchResourceCount(type, count), at: sourceLocation)
    }

    @discardableResult
    public func expectOutput(_ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation) -> MatchResult {
        Self.record(matchOutput(pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectOutput(
        _ logicalID: String, _ pattern: Matcher = .anyValue, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchOutput(logicalID, pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectParameter(_ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation) -> MatchResult {
        Self.record(matchParameter(pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectParameter(
        _ logicalID: String, _ pattern: Matcher = .anyValue, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchParameter(logicalID, pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectCondition(_ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation) -> MatchResult {
        Self.record(matchCondition(pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectCondition(
        _ name: String, _ pattern: Matcher = .anyValue, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchCondition(name, pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectMapping(_ pattern: Matcher, sourceLocation: SourceLocation = #_sourceLocation) -> MatchResult {
        Self.record(matchMapping(pattern), at: sourceLocation)
    }

    @discardableResult
    public func expectMapping(
        _ name: String, _ pattern: Matcher = .anyValue, sourceLocation: SourceLocation = #_sourceLocation
    ) -> MatchResult {
        Self.record(matchMapping(name, pattern), at: sourceLocation)
    }

    private static func record(_ result: MatchResult, at sourceLocation: SourceLocation) -> MatchResult {
        if !result.isMatch {
            Issue.record(Comment(rawValue: result.message), sourceLocation: sourceLocation)
        }
        return result
    }
}
