import Foundation

/// A `pattern` (or a `patternProperties` key), compiled once when the schema
/// is parsed.
///
/// Schemas are written for ECMA-262 regular expressions; NSRegularExpression
/// speaks ICU, so the source goes through `ECMAPatternTranslation` first.
/// A pattern ICU still cannot compile is kept with no expression and matches
/// everything: a schema's regex quirk must never fail (or crash) a synthesis.
struct SchemaPattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable once created and Apple
    // documents it as safe to use from several threads at once; it is only
    // not marked Sendable on every platform.

    /// The pattern as the schema wrote it, for messages.
    let source: String
    /// `nil` when the pattern is empty (it matches everything) or does not compile.
    let expression: NSRegularExpression?

    init(_ source: String) {
        self.source = source
        if source.isEmpty {
            expression = nil
        } else {
            expression = try? NSRegularExpression(pattern: ECMAPatternTranslation.icuPattern(for: source))
        }
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
