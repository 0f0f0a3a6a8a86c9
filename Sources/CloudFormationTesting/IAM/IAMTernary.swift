/// What the evaluator knows about whether something holds: yes, no, or
/// unknown (Kleene's three-valued logic).
///
/// Unknown comes from what a template does not decide on its own: an `Fn::If`
/// whose branches disagree, a value that cannot be resolved, a condition the
/// evaluator does not evaluate. Keeping it apart from "no" is what lets the
/// evaluator be conservative in both directions: an Allow counts only when it
/// certainly applies, a Deny counts unless it certainly does not.
enum IAMTernary: Hashable, Sendable {
    case yes, no, unknown

    init(_ value: Bool) { self = value ? .yes : .no }

    static prefix func ! (value: IAMTernary) -> IAMTernary {
        switch value {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }

    static func && (lhs: IAMTernary, rhs: @autoclosure () -> IAMTernary) -> IAMTernary {
        if lhs == .no { return .no }
        let right = rhs()
        if right == .no { return .no }
        return lhs == .yes && right == .yes ? .yes : .unknown
    }

    static func || (lhs: IAMTernary, rhs: @autoclosure () -> IAMTernary) -> IAMTernary {
        if lhs == .yes { return .yes }
        let right = rhs()
        if right == .yes { return .yes }
        return lhs == .no && right == .no ? .no : .unknown
    }

    /// True when any holds (an empty list holds nowhere).
    static func any(_ values: some Sequence<IAMTernary>) -> IAMTernary {
        values.reduce(.no) { $0 || $1 }
    }

    /// True when all hold (an empty list holds everywhere).
    static func all(_ values: some Sequence<IAMTernary>) -> IAMTernary {
        values.reduce(.yes) { $0 && $1 }
    }

    /// The answer over several alternatives of which the template does not say
    /// which one is real (the branches of `Fn::If`): the common answer when
    /// they agree, unknown when they do not. No alternatives at all: no.
    static func across(_ values: [IAMTernary]) -> IAMTernary {
        guard let first = values.first else { return .no }
        return values.allSatisfy { $0 == first } ? first : .unknown
    }
}
