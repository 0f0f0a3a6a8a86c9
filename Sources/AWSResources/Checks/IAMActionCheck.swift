import CloudFormation

/// Every action an IAM policy statement names must exist. Some services
/// reject a policy with a misspelt action at deploy time, long after synthesis;
/// IAM accepts it, and the action silently grants nothing.
///
/// Policy documents are found by shape, not by resource type: any object in a
/// resource's properties with a `Statement` key (a list of statements or a
/// single one). That covers inline and managed policies, trust policies, and
/// the resource policies of buckets, keys, topics and queues alike. Each
/// literal `Action` or `NotAction` (a string or a list of strings) must name
/// an action, or be a wildcard pattern that matches at least one. Both
/// branches of an `Fn::If` are literal choices and are checked; any other
/// intrinsic is only known at deploy time and is skipped.
public struct IAMActionCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        // Stacks repeat the same actions in many statements; each is looked up once.
        var problemsByAction: [String: String?] = [:]
        func cachedProblem(_ action: String) -> String? {
            if let known = problemsByAction[action] { return known }
            let found = problem(with: action)
            problemsByAction[action] = found
            return found
        }
        var diagnostics: [Diagnostic] = []
        for resource in template.resources {
            let properties = Value.object(resource.properties)
            // A first look without paths; where is worked out only for a
            // resource with a problem.
            var hasProblem = false
            findPolicyDocuments(in: properties, at: .untracked) { action, _ in
                if cachedProblem(action) != nil { hasProblem = true }
            }
            guard hasProblem else { continue }
            findPolicyDocuments(in: properties, at: ["Resources", resource.logicalID, "Properties"]) { action, path in
                if let message = cachedProblem(action) {
                    diagnostics.append(Diagnostic(.error, stack: stack, path: path, message))
                }
            }
        }
        return diagnostics
    }

    /// Calls `check` with every literal action of every statement under `value`, in template order.
    private func findPolicyDocuments(
        in value: Value, at path: TemplatePath, _ check: (String, TemplatePath) -> Void
    ) {
        switch value {
        case .object(let object):
            for entry in object.entries {
                let entryPath = path.appending(entry.key)
                if entry.key == "Statement" {
                    forEachStatement(in: entry.value, at: entryPath) { statement, statementPath in
                        checkActions(of: statement, at: statementPath, check)
                    }
                } else {
                    findPolicyDocuments(in: entry.value, at: entryPath, check)
                }
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                findPolicyDocuments(in: item, at: path.appending(index: index), check)
            }
        case .intrinsic(.if):
            for (choice, choicePath) in literalChoices(of: value, at: path) {
                findPolicyDocuments(in: choice, at: choicePath, check)
            }
        case .string, .integer, .double, .bool, .null, .intrinsic:
            break
        }
    }

    /// A `Statement` holds a list of statements or a single one; either may be a literal `Fn::If`.
    private func forEachStatement(
        in value: Value, at path: TemplatePath, _ body: (Object, TemplatePath) -> Void
    ) {
        for (choice, choicePath) in literalChoices(of: value, at: path) {
            switch choice {
            case .object(let statement):
                body(statement, choicePath)
            case .list(let statements):
                for (index, statement) in statements.enumerated() {
                    for case (.object(let object), let statementPath) in
                        literalChoices(of: statement, at: choicePath.appending(index: index))
                    {
                        body(object, statementPath)
                    }
                }
            default:
                break
            }
        }
    }

    private func checkActions(of statement: Object, at path: TemplatePath, _ check: (String, TemplatePath) -> Void) {
        for entry in statement.entries where entry.key == "Action" || entry.key == "NotAction" {
            for (choice, choicePath) in literalChoices(of: entry.value, at: path.appending(entry.key)) {
                switch choice {
                case .string(let action):
                    check(action, choicePath)
                case .list(let actions):
                    for (index, action) in actions.enumerated() {
                        for case (.string(let text), let actionPath) in
                            literalChoices(of: action, at: choicePath.appending(index: index))
                        {
                            check(text, actionPath)
                        }
                    }
                default:
                    break
                }
            }
        }
    }

    /// The literal values `value` may be: itself, or both branches of an `Fn::If`
    /// (at `…Fn::If[1]` and `…Fn::If[2]`), nested as deep as they go.
    private func literalChoices(of value: Value, at path: TemplatePath) -> [(Value, TemplatePath)] {
        guard case .intrinsic(let function) = value, case .if(_, let then, let otherwise) = function else {
            return [(value, path)]
        }
        let ifPath = path.appending(function.longName)
        return literalChoices(of: then, at: ifPath.appending(index: 1))
            + literalChoices(of: otherwise, at: ifPath.appending(index: 2))
    }

    /// Why `action` grants nothing, or `nil` when it names at least one action.
    private func problem(with action: String) -> String? {
        if action == "*" { return nil }
        guard let colon = action.firstIndex(of: ":") else {
            let services = IAMActionCatalog.servicePrefixes(havingAction: action)
            guard !services.isEmpty else {
                return "IAM action '\(action)' has no service prefix; write it as 'service:\(action)'"
            }
            return "IAM action '\(action)' has no service prefix; did you mean \(Self.list(services.map { "'\($0):\(action)'" }))?"
        }
        let prefix = String(action[..<colon])
        if action[action.index(after: colon)...].isEmpty {
            return "IAM action '\(action)' names no action after the service prefix"
        }
        let isPattern = isWildcard(action)
        if !isWildcard(prefix), !IAMActionCatalog.isServicePrefix(prefix) {
            // A pattern has no single action to suggest.
            let suggestion = isPattern ? nil : IAMActionCatalog.suggestion(for: action)
            return "IAM action '\(action)' has the unknown service prefix '\(prefix)'" + Self.didYouMean(suggestion)
        }
        if isPattern {
            guard IAMActionCatalog.matching(action).isEmpty else { return nil }
            return "IAM action pattern '\(action)' matches no \(isWildcard(prefix) ? "IAM" : prefix) action"
        }
        guard !IAMActionCatalog.exists(action) else { return nil }
        return "IAM action '\(action)' does not exist" + Self.didYouMean(IAMActionCatalog.suggestion(for: action))
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    private func isWildcard(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" }
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`; more than three end with how many more there are.
    private static func list(_ items: [String]) -> String {
        let shown = items.prefix(3)
        let rest = items.count - shown.count
        if rest > 0 { return shown.joined(separator: ", ") + " or \(rest) more" }
        if shown.count == 1 { return shown[0] }
        return shown.dropLast().joined(separator: ", ") + " or " + shown.last!
    }
}
