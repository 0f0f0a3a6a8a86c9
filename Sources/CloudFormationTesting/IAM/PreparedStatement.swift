import IAMPolicies
/// One alternative of a statement (no `Fn::If` left inside), with its
/// elements picked out and its action and resource patterns parsed once, when
/// the policies are collected, rather than on every request: listing a
/// principal's effective permissions asks tens of thousands of questions.
struct PreparedStatement: Sendable {
    enum Effect: Sendable { case allow, deny, invalid }

    /// An entry of `Action` or `Resource`.
    enum Entry: Sendable {
        case pattern(IAMWildcard)
        /// Has policy variables (`${aws:username}`): parsed per request.
        case withVariables(String)
        case unresolved(SymbolicValue)
    }

    /// `Action` or `NotAction` (`Resource` or `NotResource`), parsed.
    struct Element: Sendable {
        var entries: [Entry]
        var negated: Bool
    }

    /// The statement as resolved, for the rare lookups not parsed here.
    let value: SymbolicValue
    /// False for a value that is not a statement object at all.
    let isObject: Bool
    let effect: Effect
    let actions: Element?
    let resources: Element?
    let principal: SymbolicValue?
    let notPrincipal: SymbolicValue?
    let condition: SymbolicValue?

    init(_ value: SymbolicValue) {
        self.value = value
        if case .object = value { isObject = true } else { isObject = false }
        effect = switch value["Effect"] {
        case .string("Allow"): .allow
        case .string("Deny"): .deny
        default: .invalid
        }
        actions = Self.element(value, "Action", "NotAction") { text in
            .pattern(.request(text, lowercased: true))
        }
        resources = Self.element(value, "Resource", "NotResource") { text in
            if text.contains("${") { return .withVariables(text) }
            return IAMWildcard.pattern(text, arn: true).map(Entry.pattern) ?? .withVariables(text)
        }
        principal = value["Principal"]
        notPrincipal = value["NotPrincipal"]
        condition = value["Condition"]
    }

    private static func element(
        _ value: SymbolicValue, _ key: String, _ notKey: String, parse: (String) -> Entry
    ) -> Element? {
        let (listed, negated): (SymbolicValue?, Bool) = value[key] != nil ? (value[key], false) : (value[notKey], true)
        guard let listed else { return nil }
        return Element(
            entries: listed.listItems.map { entry in entry.scalarText.map(parse) ?? .unresolved(entry) },
            negated: negated)
    }
}
