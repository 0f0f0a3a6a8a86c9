import CloudFormation
import IAMPolicies

/// The evaluator's answer to one request: allowed, explicitly denied or
/// implicitly denied, with the statements that decided it and notes on what
/// the template left open.
///
/// The answer is conservative: `isAllowed` only when the template's policies
/// certainly allow the request (every `Fn::If` branch, every condition
/// evaluated), and denied whenever a Deny might apply. `mightBeAllowed` is
/// the other bound — true when the request would be allowed if everything
/// left open went its way — which is the one to use for "nobody may …"
/// checks. When both agree, the template decides the request on its own.
public struct Decision: Hashable, Sendable {
    public enum Outcome: String, Hashable, Sendable {
        case allowed
        /// A Deny applies (or might: see the statements' `isCertain`).
        case explicitlyDenied = "explicitly denied"
        /// Nothing allows it.
        case implicitlyDenied = "implicitly denied"
    }

    /// A statement that bears on the decision.
    public struct Statement: Hashable, Sendable, CustomStringConvertible {
        public var effect: PolicyEffect
        public var kind: PolicyKind
        /// The resource that holds the policy.
        public var logicalID: String
        /// Where the statement is in the template:
        /// `Resources.Role.Properties.Policies[0].PolicyDocument.Statement[1]`.
        public var path: TemplatePath
        /// False when it applies only maybe: an `Fn::If` branch, an
        /// unresolved value or an unevaluated condition decides.
        public var isCertain: Bool

        public var description: String {
            "\(effect.rawValue) \(path) (\(kind))" + (isCertain ? "" : ", maybe")
        }
    }

    public var principal: Principal
    public var action: String
    /// The resource's ARN; empty when the target could not be resolved.
    public var resource: String
    public var outcome: Outcome
    /// Whether the request would be allowed if every unresolved value and
    /// unevaluated condition in the template went its way.
    public var mightBeAllowed: Bool
    /// For an explicit deny, the Deny statements that apply; otherwise the
    /// Allow statements that apply, certainly or maybe, in template order.
    public var statements: [Statement]
    /// What the evaluator could not evaluate, or assumed, in the order it came up.
    public var notes: [String]

    public var isAllowed: Bool { outcome == .allowed }
    public var isExplicitlyDenied: Bool { outcome == .explicitlyDenied }
    public var isImplicitlyDenied: Bool { outcome == .implicitlyDenied }
    /// Whether the template decides the request on its own: the conservative
    /// answer and the optimistic one agree.
    public var isDefinite: Bool { isAllowed == mightBeAllowed }
}

extension Decision: CustomStringConvertible {
    /// Several lines: the outcome, the statements, the notes. Meant for a
    /// test's failure message: `#expect(decision.isAllowed, "\(decision)")`.
    public var description: String {
        var lines = ["\(principal) → \(action) on \(resource.isEmpty ? "(unresolved)" : resource): \(outcome.rawValue)"
            + (isAllowed || !mightBeAllowed ? "" : " (might be allowed)")]
        lines += statements.map { "  by \($0)" }
        lines += notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
