import CloudFormation
import Foundation

/// Records the values a pattern matched, for a test to look at afterwards:
///
/// ```swift
/// let role = Capture()
/// #expect(template.hasResourceProperties("AWS::Lambda::Function", ["Role": .capture(role)]))
/// #expect(role.value == .getAtt("ExportRole", "Arn"))
/// ```
///
/// A query (or `Matcher.matches(_:)`) **replaces** what each capture in its
/// pattern holds with what it recorded in every match, in template order: one
/// value per matching resource, more if the capture sits where a list pattern
/// matches several elements. When nothing matches, the capture ends up empty.
/// Values are recorded as the template holds them (`.ref("X")`, not its long form).
public final class Capture: @unchecked Sendable {
    // Sendable so patterns can be; a lock guards the values, since tests run
    // in parallel and a capture is a shared reference.
    private let lock = NSLock()
    private var recorded: [Value] = []

    public init() {}

    /// Every value recorded by the last query that used this capture.
    public var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The first value recorded, or `nil` if none was.
    public var value: Value? { values.first }

    /// The first value, if it is a string.
    public var string: String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The first value, if it is an integer.
    public var integer: Int? {
        if case .integer(let number)? = value { return number }
        return nil
    }

    /// The first value, if it is a number (an integer converts).
    public var double: Double? {
        switch value {
        case .double(let number)?: number
        case .integer(let number)?: Double(number)
        default: nil
        }
    }

    /// The first value, if it is a boolean.
    public var bool: Bool? {
        if case .bool(let flag)? = value { return flag }
        return nil
    }

    /// The first value, if it is a list.
    public var list: [Value]? {
        if case .list(let elements)? = value { return elements }
        return nil
    }

    /// The first value, if it is an object.
    public var object: Object? {
        if case .object(let object)? = value { return object }
        return nil
    }

    /// The logical ID the first value refers to, if it is a `Ref`.
    public var referencedLogicalID: String? {
        if case .intrinsic(.ref(let logicalID))? = value { return logicalID }
        return nil
    }

    private func replace(with values: [Value]) {
        lock.lock()
        defer { lock.unlock() }
        recorded = values
    }
}

extension Matcher {
    /// Whatever `pattern` matches (any value, by default), recorded into
    /// `capture` when the whole pattern matches.
    public static func capture(_ capture: Capture, _ pattern: Matcher = .anyValue) -> Matcher {
        Matcher(kind: .capture(capture, pattern))
    }
}

extension Capture {
    /// A value a capture saw during an evaluation that may still fail.
    struct Recording {
        var capture: Capture
        var value: Value
    }

    /// Sets every capture in `pattern` to the values recorded in the
    /// successful matches, in order; captures with no recording become empty.
    static func publish(_ matches: [[Recording]], for pattern: Matcher) {
        for capture in captures(in: pattern) {
            capture.replace(with: matches.flatMap { $0.filter { $0.capture === capture }.map(\.value) })
        }
    }

    /// The captures a pattern holds, each once, in the order they appear.
    private static func captures(in pattern: Matcher) -> [Capture] {
        var found: [Capture] = []
        func visit(_ matcher: Matcher) {
            switch matcher.kind {
            case .scalar, .absent, .anyValue, .string:
                break
            case .not(let inner):
                visit(inner)
            case .capture(let capture, let inner):
                if !found.contains(where: { $0 === capture }) { found.append(capture) }
                visit(inner)
            case .object(let entries, _):
                entries.forEach { visit($0.matcher) }
            case .array(let elements, _):
                elements.forEach(visit)
            }
        }
        visit(pattern)
        return found
    }
}
