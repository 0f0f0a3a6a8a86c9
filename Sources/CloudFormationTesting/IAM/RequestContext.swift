/// The condition keys of one request: what policy conditions are checked
/// against.
///
/// ```swift
/// let overPlainHTTP: RequestContext = ["aws:SecureTransport": "false"]
/// let fromTheRule = RequestContext(["aws:SourceArn": ruleArn], absent: ["aws:SourceAccount"])
/// ```
///
/// Keys are compared case-insensitively, as IAM compares them. Each key is
/// in one of three states:
/// - **given** a value here;
/// - **absent**: declared not to be in the request (`absent:`), so AWS's
///   rules for a missing key apply — plain operators are false, negated ones
///   (`StringNotEquals`, `ArnNotLike`, …) true;
/// - **not said**: neither. Then `…IfExists` passes and `Null` finds the key
///   missing (those operators define what absence means), but any other
///   operator on it is **unevaluated**, because the request might well carry
///   the key: it is reported in the decision's notes, and decided
///   conservatively (an Allow with it does not apply, a Deny does).
///
/// Unless given otherwise, `aws:SecureTransport` is `true` and, for the
/// principal of the request, `aws:PrincipalArn`, `aws:PrincipalAccount`,
/// `aws:PrincipalIsAWSService` and (for a service) `aws:PrincipalServiceName`
/// are filled in.
public struct RequestContext: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// Values by lowercased key; looked up, never iterated into an answer.
    private var values: [String: String]
    private var absentKeys: Set<String>

    /// No keys given but `aws:SecureTransport: true`.
    public init() { self.init([:]) }

    public init(_ values: [String: String], absent: [String] = []) {
        self.values = [:]
        // Sorted, so that of two spellings of one key the same one wins every run.
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { self.values[key.lowercased()] = value }
        absentKeys = Set(absent.map { $0.lowercased() })
        if self.values["aws:securetransport"] == nil, !absentKeys.contains("aws:securetransport") {
            self.values["aws:securetransport"] = "true"
        }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init([:])
        for (key, value) in elements { values[key.lowercased()] = value }  // written order: the last spelling wins
    }

    /// The context with `key` set to `value` (no longer absent).
    public func setting(_ key: String, to value: String) -> RequestContext {
        var copy = self
        copy.values[key.lowercased()] = value
        copy.absentKeys.remove(key.lowercased())
        return copy
    }

    /// The context with `key` declared absent from the request.
    public func withoutKey(_ key: String) -> RequestContext {
        var copy = self
        copy.values[key.lowercased()] = nil
        copy.absentKeys.insert(key.lowercased())
        return copy
    }

    /// The value of `key`, if given.
    public subscript(key: String) -> String? { values[key.lowercased()] }

    enum KeyState: Equatable {
        case given(String)
        case absent
        case notSaid
    }

    func state(of key: String) -> KeyState {
        let key = key.lowercased()
        if let value = values[key] { return .given(value) }
        return absentKeys.contains(key) ? .absent : .notSaid
    }

    /// Fills in what the principal says about itself, without overriding
    /// what the test gave.
    func addingPrincipalKeys(arn: String?, account: String?, service: String?) -> RequestContext {
        var copy = self
        func fill(_ key: String, _ value: String?) {
            guard copy.values[key] == nil, !copy.absentKeys.contains(key) else { return }
            if let value { copy.values[key] = value } else { copy.absentKeys.insert(key) }
        }
        fill("aws:principalarn", arn)
        fill("aws:principalaccount", account)
        fill("aws:principalisawsservice", service == nil ? "false" : "true")
        fill("aws:principalservicename", service)
        return copy
    }
}
