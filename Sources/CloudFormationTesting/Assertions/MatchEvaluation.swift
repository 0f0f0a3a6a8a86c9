import CloudFormation

/// The outcome of matching one value against one pattern.
struct PatternEvaluation {
    /// Empty when the value matches.
    var mismatches: [Mismatch] = []
    /// How much of the pattern failed: the number of the pattern's leaves
    /// (scalars, `absent`, `anyValue`, regexes, …) that the mismatches stand
    /// for. A missing object counts every leaf its pattern lists, so the
    /// closest candidate is the one that fails the fewest expectations, not the
    /// one that happens to produce the fewest lines.
    var weight = 0
    /// What the pattern's captures saw, in the order they saw it; only
    /// published when the whole match succeeds.
    var recordings: [Capture.Recording] = []

    var isMatch: Bool { mismatches.isEmpty }

    static let match = PatternEvaluation()

    static func failure(_ path: TemplatePath, _ message: String, weight: Int) -> PatternEvaluation {
        PatternEvaluation(mismatches: [Mismatch(path: path, message: message)], weight: weight)
    }

    mutating func absorb(_ other: PatternEvaluation) {
        mismatches += other.mismatches
        weight += other.weight
        recordings += other.recordings
    }
}

/// Matches values against patterns: the dispatch over matcher kinds, and the
/// rules every kind shares (what a missing key means, how scalars compare).
/// Objects, arrays and strings have their own files.
enum MatchEvaluation {
    static func evaluate(_ matcher: Matcher, against value: Value, at path: TemplatePath) -> PatternEvaluation {
        evaluate(matcher, value, at: path, exactObjects: false)
    }

    /// - Parameters:
    ///   - value: `nil` when the key the pattern names is not there at all.
    ///   - exactObjects: whether plain object patterns here mean exact keys,
    ///     because an enclosing `objectEquals` or `exactly` said so.
    static func evaluate(_ matcher: Matcher, _ value: Value?, at path: TemplatePath, exactObjects: Bool) -> PatternEvaluation {
        switch matcher.kind {
        case .absent:
            guard let value else { return .match }
            return .failure(path, "expected absent, found \(ValueText.truncatedLine(value, style: .json))", weight: 1)
        case .anyValue:
            return value == nil ? .failure(path, "missing", weight: 1) : .match
        case .not(let negated):
            // The negated pattern's captures saw a value that makes this fail,
            // so nothing inside a `not` is ever recorded.
            let inner = evaluate(negated, value, at: path, exactObjects: exactObjects)
            guard inner.isMatch else { return .match }
            guard let value else { return .failure(path, "missing (expected \(matcher.shortDescription))", weight: 1) }
            return .failure(path, "expected \(matcher.shortDescription), found \(ValueText.truncatedLine(value, style: .json))", weight: 1)
        case .capture(let capture, let pattern):
            var inner = evaluate(pattern, value, at: path, exactObjects: exactObjects)
            if inner.isMatch, let value {
                inner.recordings.insert(Capture.Recording(capture: capture, value: value), at: 0)
            }
            return inner
        case .scalar, .object, .array, .string:
            guard let value else {
                return .failure(path, "missing (expected \(matcher.shortDescription))", weight: size(of: matcher))
            }
            return evaluatePresent(matcher, value, at: path, exactObjects: exactObjects)
        }
    }

    private static func evaluatePresent(
        _ matcher: Matcher, _ value: Value, at path: TemplatePath, exactObjects: Bool
    ) -> PatternEvaluation {
        switch matcher.kind {
        case .scalar(let expected):
            if sameScalar(expected, value) { return .match }
            return .failure(path, "expected \(ValueText.truncatedLine(expected, style: .json)), found \(ValueText.truncatedLine(value, style: .json))", weight: 1)
        case .object(let entries, let rule):
            return evaluateObject(matcher, entries, rule, value, at: path, exactObjects: exactObjects)
        case .array(let elements, let rule):
            return evaluateArray(matcher, elements, rule, value, at: path, exactObjects: exactObjects)
        case .string(let predicate):
            return predicate.evaluate(value, at: path)
        case .absent, .anyValue, .not, .capture:
            return evaluate(matcher, value, at: path, exactObjects: exactObjects)
        }
    }

    /// Equality, except that an integer and a double with the same value are
    /// the same number (JSON does not tell `1` from `1.0`).
    static func sameScalar(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let integer), .double(let double)), (.double(let double), .integer(let integer)):
            Double(integer) == double
        default:
            lhs == rhs
        }
    }

    /// The number of leaves in a pattern, which is what a mismatch of the whole
    /// pattern weighs (see `PatternEvaluation.weight`).
    static func size(of matcher: Matcher) -> Int {
        switch matcher.kind {
        case .scalar, .absent, .anyValue, .string, .not:
            1
        case .capture(_, let pattern):
            size(of: pattern)
        case .object(let entries, _):
            max(1, entries.reduce(0) { $0 + size(of: $1.matcher) })
        case .array(let elements, _):
            max(1, elements.reduce(0) { $0 + size(of: $1) })
        }
    }
}
