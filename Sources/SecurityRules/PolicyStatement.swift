import CloudFormation

/// A statement of a policy document as the rules read it: literal values,
/// both branches of an `Fn::If` (either may be deployed), anything else
/// kept as written.
struct PolicyStatement {
    var isAllow: Bool
    var isDeny: Bool
    /// `Principal` as written; `nil` in identity policies.
    var principal: Value?
    /// Literal actions of `Action`.
    var actions: [String]
    var hasNotAction: Bool
    var resources: [Value]
    var condition: Object?
    /// Path of the statement, below the resource.
    var path: [TemplatePath.Component]

    /// The statements of a policy document at `path` (below the resource).
    static func all(in document: Value?, at path: [TemplatePath.Component]) -> [PolicyStatement] {
        guard let document else { return [] }
        var result: [PolicyStatement] = []
        for (choice, choicePath) in choices(document, path) {
            guard case .object(let object) = choice, let statements = object["Statement"] else { continue }
            let statementPath = choicePath + [.key("Statement")]
            for (listChoice, listPath) in choices(statements, statementPath) {
                switch listChoice {
                case .list(let items):
                    for (index, item) in items.enumerated() {
                        for (one, onePath) in choices(item, listPath + [.index(index)]) {
                            if case .object(let statement) = one { result.append(PolicyStatement(statement, onePath)) }
                        }
                    }
                case .object(let statement):
                    result.append(PolicyStatement(statement, listPath))
                default:
                    continue
                }
            }
        }
        return result
    }

    init(_ statement: Object, _ path: [TemplatePath.Component]) {
        isAllow = statement["Effect"] == "Allow"
        isDeny = statement["Effect"] == "Deny"
        principal = statement["Principal"]
        actions = Self.strings(statement["Action"])
        hasNotAction = statement["NotAction"] != nil
        resources = Self.values(statement["Resource"])
        condition = statement["Condition"]?.objectValue
        self.path = path
    }

    /// A value and, for `Fn::If`, each branch instead (recursively), with its path.
    static func choices(_ value: Value, _ path: [TemplatePath.Component]) -> [(Value, [TemplatePath.Component])] {
        guard case .intrinsic(let function) = value, !function.branches.isEmpty else { return [(value, path)] }
        return function.branches.flatMap { choices($0.value, path + [.key(function.longName), .index($0.index)]) }
    }

    private static func values(_ value: Value?) -> [Value] {
        switch value {
        case .list(let items)?: items.flatMap { choices($0, []).map(\.0) }
        case let single?: choices(single, []).map(\.0)
        case nil: []
        }
    }

    private static func strings(_ value: Value?) -> [String] {
        values(value).compactMap(\.literalString)
    }

    /// Whether the statement applies to everyone: `Principal: "*"` or `{AWS: "*"}`.
    var isAnyPrincipal: Bool {
        guard let principal else { return false }
        for choice in Self.choices(principal, []).map(\.0) {
            if choice == "*" { return true }
            if case .object(let object) = choice, let aws = object["AWS"], Self.values(aws).contains("*") { return true }
        }
        return false
    }

    /// Whether an action of the statement covers `action` (`*`, `service:*`,
    /// or a pattern whose wildcards match it), compared without case as IAM does.
    func covers(_ action: String) -> Bool {
        actions.contains { IAMPattern.matches($0, action) }
    }

    /// Whether any resource is `*` itself.
    var hasStarResource: Bool { resources.contains("*") }

    /// `Bool: {aws:SecureTransport: false}`: the request is made without TLS.
    var isWithoutTLSCondition: Bool {
        guard let bool = condition?["Bool"]?.objectValue, let value = bool["aws:SecureTransport"] else { return false }
        return value == false || value == "false"
    }
}

/// IAM's wildcard matching of action names: `*` any run of characters, `?`
/// one, letters compared without case.
enum IAMPattern {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased().utf8), t = Array(text.lowercased().utf8)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
