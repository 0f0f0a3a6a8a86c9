import Foundation

/// A `pattern` (or a `patternProperties` key), compiled the first time a
/// value is matched against it.
///
/// Most patterns are matched by `SimplePattern`. The rest go to
/// NSRegularExpression, which speaks ICU, so the source goes through
/// `ECMAPatternTranslation` first (schemas are written for ECMA-262). A
/// pattern neither can compile is kept with no engine and matches everything:
/// a schema's regex quirk must never fail (or crash) a synthesis.
///
/// Compiling is lazy because a parsed schema reaches many more patterns than
/// a template exercises.
final class SchemaPattern: @unchecked Sendable {
    // @unchecked: `compiled` and `fallback` are only touched under `lock`, and
    // NSRegularExpression is immutable once created (Apple documents it as
    // safe to use from several threads at once; it is only not marked
    // Sendable on every platform).

    private enum Engine {
        case simple(SimplePattern)
        case icu(NSRegularExpression)
        /// Empty, or compiled by neither engine.
        case none
    }

    /// The pattern as the schema wrote it, for messages.
    let source: String
    private let lock = NSLock()
    private var compiled: Engine?
    /// ICU's compilation of a pattern the simple matcher handles, for the
    /// rare text it gives up on (too much backtracking); compiled once.
    private var fallback: NSRegularExpression??

    init(_ source: String) {
        self.source = source
    }

    private var engine: Engine {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let engine: Engine
        if source.isEmpty {
            engine = .none
        } else if let simple = SimplePattern(source) {
            engine = .simple(simple)
        } else if let expression = Self.icuExpression(for: source) {
            engine = .icu(expression)
        } else {
            engine = .none
        }
        compiled = engine
        return engine
    }

    private var fallbackExpression: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let fallback { return fallback }
        let expression = Self.icuExpression(for: source)
        fallback = .some(expression)
        return expression
    }

    static func icuExpression(for source: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: ECMAPatternTranslation.icuPattern(for: source))
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns
    /// are not anchored; the schema writes `^…$` when it means the whole text).
    func isFound(in text: String) -> Bool {
        switch engine {
        case .none:
            return true
        case .simple(let simple):
            if let found = simple.isFound(in: text) { return found }
            // Too much backtracking for the simple matcher: ICU decides.
            guard let expression = fallbackExpression else { return true }
            return Self.isFound(expression, in: text)
        case .icu(let expression):
            return Self.isFound(expression, in: text)
        }
    }

    static func isFound(_ expression: NSRegularExpression, in text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return expression.rangeOfFirstMatch(in: text, options: [], range: range).location != NSNotFound
    }

    /// Whether the pattern could be compiled (used by tests and for checking
    /// how much of a schema is enforced).
    var isEnforced: Bool {
        if case .none = engine { return false }
        return true
    }
}
