import Foundation

/// A `pattern` (or a `patternProperties` key), compiled the first time a
/// value is matched against it.
///
/// Schemas are written for ECMA-262 regular expressions; NSRegularExpression
/// speaks ICU, so the source goes through `ECMAPatternTranslation` first.
/// A pattern ICU still cannot compile is kept with no expression and matches
/// everything: a schema's regex quirk must never fail (or crash) a synthesis.
///
/// Compiling is lazy because a parsed schema reaches many more patterns than
/// a template exercises, and compiling an ICU expression (above all one with
/// Unicode property classes such as `\p{L}`) costs more than validating a
/// whole resource.
final class SchemaPattern: @unchecked Sendable {
    // @unchecked: `compiled` is only touched under `lock`, and
    // NSRegularExpression is immutable once created (Apple documents it as
    // safe to use from several threads at once; it is only not marked
    // Sendable on every platform).

    /// The pattern as the schema wrote it, for messages.
    let source: String
    private let lock = NSLock()
    /// `nil` until first used; then `.some(nil)` when the pattern is empty
    /// (it matches everything) or does not compile.
    private var compiled: NSRegularExpression??

    init(_ source: String) {
        self.source = source
    }

    private var expression: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let expression = source.isEmpty
            ? nil : try? NSRegularExpression(pattern: ECMAPatternTranslation.icuPattern(for: source))
        compiled = .some(expression)
        return expression
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns
    /// are not anchored; the schema writes `^…$` when it means the whole text).
    func isFound(in text: String) -> Bool {
        guard let expression else { return true }
        let range = NSRange(text.startIndex..., in: text)
        return expression.rangeOfFirstMatch(in: text, options: [], range: range).location != NSNotFound
    }

    /// Whether the pattern could be compiled (used by tests and for checking
    /// how much of a schema is enforced).
    var isEnforced: Bool { expression != nil }
}
