extension SchemaValidation {
    /// `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`, in that order.
    ///
    /// - `allOf`: each branch's violations are reported as they are.
    /// - `anyOf`/`oneOf` with no matching branch: one violation at the value's
    ///   path that summarizes why (see `summary(of:at:)`).
    /// - `oneOf` with more than one branch that surely matches: one violation.
    ///   A branch that matched only because an intrinsic function was taken on
    ///   trust might not match once deployed, so it is not counted.
    /// - `not`: a violation only when the branch surely matches.
    /// - `if`: `then` applies when the test surely matches, `else` when it
    ///   fails; when it matched only on trust, neither applies.
    mutating func checkCombinators(_ value: Value, _ node: JSONSchema.Node, enclosing: [Int]) {
        for branch in node.allOf {
            check(value, branch, enclosing: enclosing)
        }

        if !node.anyOf.isEmpty {
            let outcomes = node.anyOf.map { outcome(of: value, against: $0, enclosing: enclosing) }
            if !outcomes.contains(where: \.matches) {
                report("matches none of the allowed shapes: \(summary(of: outcomes, at: path))")
            }
        }

        if !node.oneOf.isEmpty {
            let outcomes = node.oneOf.map { outcome(of: value, against: $0, enclosing: enclosing) }
            let sureMatches = outcomes.enumerated().filter { $0.element.surelyMatches }
            if !outcomes.contains(where: \.matches) {
                report("matches none of the allowed shapes: \(summary(of: outcomes, at: path))")
            } else if sureMatches.count > 1 {
                let shapes = sureMatches.map { describeShape(node: $0.element.schema, position: $0.offset + 1) }
                report("matches more than one of the allowed shapes (\(shapes.joined(separator: "; "))); exactly one must match")
            }
        }

        if let not = node.not, outcome(of: value, against: not, enclosing: enclosing).surelyMatches {
            report(notAllowedMessage(for: value, forbidden: nodes[not]))
        }

        if let condition = node.condition {
            let test = outcome(of: value, against: condition.test, enclosing: enclosing)
            if test.surelyMatches, let then = condition.then {
                check(value, then, enclosing: enclosing)
            } else if !test.matches, let otherwise = condition.otherwise {
                check(value, otherwise, enclosing: enclosing)
            }
        }
    }

    /// Why no branch matched, kept short and in branch order: the first
    /// violation of each branch (prefixed with its path below the value when
    /// it is deeper), without repeats, at most three and a count of the rest.
    /// Branches that only fail on `type` are left out when another branch
    /// accepts the value's type, since they do not describe the problem.
    private func summary(of outcomes: [BranchOutcome], at path: TemplatePath) -> String {
        let rightType = outcomes.filter { outcome in
            !outcome.findings.contains { $0.isTypeMismatch && $0.violation.path == path }
        }
        var reasons: [String] = []
        for outcome in rightType.isEmpty ? outcomes : rightType {
            guard let first = outcome.findings.first else { continue }
            let reason = Self.describe(first.violation, below: path)
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        let shownLimit = 3
        var text = reasons.prefix(shownLimit).joined(separator: "; ")
        if reasons.count > shownLimit {
            text += "; and \(reasons.count - shownLimit) more"
        }
        return text
    }

    /// The message, prefixed with the part of its path below `base`
    /// (`Code.ZipFile: …`) when the violation is deeper than `base`.
    private static func describe(_ violation: SchemaViolation, below base: TemplatePath) -> String {
        let components = violation.path.components
        guard components.count > base.components.count,
              Array(components.prefix(base.components.count)) == base.components
        else { return violation.message }
        let relative = TemplatePath(Array(components.dropFirst(base.components.count)))
        return "\(relative): \(violation.message)"
    }

    /// A branch of `oneOf` as a reader can recognize it: by the properties it
    /// requires, or else by its position.
    private func describeShape(node index: Int, position: Int) -> String {
        let required = nodes[index].required
        if required.isEmpty { return "shape \(position)" }
        return "requiring " + required.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `'rdsadmin' is not allowed here`, or for an object that `not` forbids
    /// by its required properties, `'A' must not be set here`.
    private func notAllowedMessage(for value: Value, forbidden: JSONSchema.Node) -> String {
        guard case .object = value else { return "\(value.schemaQuoted) is not allowed here" }
        let names = forbidden.required.map { "'\($0)'" }
        switch names.count {
        case 0: return "this object is not allowed here"
        case 1: return "\(names[0]) must not be set here"
        default: return "\(names.joined(separator: ", ")) must not be set together here"
        }
    }
}
