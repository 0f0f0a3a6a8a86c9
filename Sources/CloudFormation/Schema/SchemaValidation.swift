/// One pass of checking a value against a schema, collecting what is wrong.
///
/// Keywords run in this order for each value, and their violations come out
/// in it:
/// 1. `Fn::If` is split into its branches; any other intrinsic stops here.
/// 2. `$ref` (the referenced schema, at the same path).
/// 3. `type`. A value of the wrong type gets that one message and no more:
///    the other keywords of the node would only restate it.
/// 4. `enum`, `const`.
/// 5. `pattern`, `minLength`, `maxLength`.
/// 6. `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
/// 7. Arrays: `minItems`, `maxItems`, `uniqueItems`, then each item.
/// 8. Objects: see `checkObject`.
/// 9. `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`: see `checkCombinators`.
struct SchemaValidation {
    struct Finding {
        var violation: SchemaViolation
        /// The value is not of the schema's `type`. A `oneOf`/`anyOf` summary
        /// leaves such branches out when another branch fits the type,
        /// because "expected string, found object" says nothing about what
        /// is wrong with the object.
        var isTypeMismatch = false
    }

    let nodes: [JSONSchema.Node]
    private(set) var findings: [Finding] = []
    /// Where the value being checked is: `base`, then the keys and indices
    /// below it, pushed and popped as the check descends. A `TemplatePath`
    /// is built only for a finding (or a combinator's side check), not for
    /// every value of every resource.
    private let base: TemplatePath
    private var location: [TemplatePath.Component] = []
    /// Whether a check was skipped because it met an intrinsic function. A
    /// branch of `oneOf`, `not` or `if` that passed this way might not pass
    /// once deployed, so it does not count as a sure match.
    private(set) var metIntrinsic = false

    init(nodes: [JSONSchema.Node], at base: TemplatePath) {
        self.nodes = nodes
        self.base = base
    }

    /// The path of the value being checked.
    var path: TemplatePath {
        location.reduce(base) { $0.appending($1) }
    }

    /// Runs `body` with `component` added to the location.
    mutating func inside(_ component: TemplatePath.Component, _ body: (inout SchemaValidation) -> Void) {
        location.append(component)
        body(&self)
        location.removeLast()
    }

    /// A finding at the value being checked.
    mutating func report(_ message: String, isTypeMismatch: Bool = false) {
        findings.append(Finding(violation: SchemaViolation(path: path, message: message), isTypeMismatch: isTypeMismatch))
    }

    /// A finding at `component` below the value being checked.
    mutating func report(below component: TemplatePath.Component, _ message: String) {
        findings.append(Finding(violation: SchemaViolation(path: path.appending(component), message: message)))
    }

    /// Checks `value` against the node, and everything the node leads to.
    ///
    /// `enclosing` holds the nodes already being checked against this same
    /// value (through `$ref`s and combinators; descending into a property or
    /// item starts afresh). Meeting one of them again is a loop that never
    /// descends into the value (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`),
    /// and checking it again could only repeat what the first visit reports,
    /// so it ends there.
    mutating func check(_ value: Value, _ nodeIndex: Int, enclosing: [Int] = []) {
        guard !enclosing.contains(nodeIndex) else { return }
        let node = nodes[nodeIndex]

        switch value {
        case .intrinsic(let function) where !function.branches.isEmpty:
            for (branch, index) in function.branches where !branch.refersToNoValue {
                inside(.key(function.longName)) { $0.inside(.index(index)) { $0.check(branch, nodeIndex, enclosing: enclosing) } }
            }
            return
        case .intrinsic:
            if node.constrainsValues { metIntrinsic = true }
            return
        case .object(let object) where object.isUntypedFunction || object.isRewrittenByTransform:
            // Its value is known only once CloudFormation has processed the template.
            if node.constrainsValues { metIntrinsic = true }
            return
        default:
            break
        }

        if node.rejectsEverything {
            report("no value is allowed here")
            return
        }
        // Only `$ref`, combinators and schema dependencies check this same
        // value again; most nodes have none, and skip building the list.
        let sameValue = node.checksSameValueAgain ? enclosing + [nodeIndex] : enclosing
        if let reference = node.reference {
            check(value, reference, enclosing: sameValue)
        }
        if let types = node.types, !types.contains(where: value.schemaAccepts) {
            let expected = SchemaMessageText.alternatives(types.map(\.rawValue))
            report("expected \(expected), found \(value.schemaTypeDescription)", isTypeMismatch: true)
            return
        }
        checkAllowedValues(value, node)
        checkText(value, node)
        checkNumber(value, node)
        if case .list(let items) = value {
            checkArray(items, node)
        }
        if case .object(let object) = value {
            checkObject(object, node, enclosing: sameValue)
        }
        checkCombinators(value, node, enclosing: sameValue)
    }

    /// Checks `value` on the side, leaving this pass's findings untouched: how
    /// `anyOf`, `oneOf`, `not` and `if` find out whether a branch matches.
    mutating func outcome(of value: Value, against nodeIndex: Int, enclosing: [Int]) -> BranchOutcome {
        var branch = SchemaValidation(nodes: nodes, at: path)
        branch.check(value, nodeIndex, enclosing: enclosing)
        // A decision that rested on an unknown value is itself unsure.
        if branch.metIntrinsic { metIntrinsic = true }
        return BranchOutcome(schema: nodeIndex, findings: branch.findings, metIntrinsic: branch.metIntrinsic)
    }

    // MARK: Any value

    /// `enum` and `const`, compared leniently (`5` matches `"5"`).
    private mutating func checkAllowedValues(_ value: Value, _ node: JSONSchema.Node) {
        if let allowed = node.allowedValues, !allowed.allows(value) {
            report("\(value.schemaQuoted) is not one of \(Self.describe(allowed, for: value))")
        }
        if let constant = node.constant, !constant.allows(value) {
            report("\(value.schemaQuoted) must be \(constant.texts.first ?? "")")
        }
    }

    /// Up to 12 values are listed; a longer list (instance types, runtimes)
    /// would drown the message, so it is counted and a close value suggested.
    private static func describe(_ allowed: JSONSchema.AllowedValues, for value: Value) -> String {
        let listLimit = 12
        guard allowed.texts.count > listLimit else { return allowed.texts.joined(separator: ", ") }
        let counted = "the \(allowed.texts.count) allowed values"
        if case .string(let text) = value {
            let suggestion = SchemaMessageText.suggestion(for: text, among: allowed.texts.sorted())
            if !suggestion.isEmpty { return counted + suggestion }
        }
        return counted + " (" + allowed.texts.prefix(listLimit).joined(separator: ", ") + ", …)"
    }

    // MARK: Strings

    /// `pattern` applies to the text of any scalar, as CloudFormation would
    /// pass it (so `5` must match a pattern of digits, as in cfn-lint).
    /// Lengths apply to strings only and count Unicode scalars (code points),
    /// as JSON Schema specifies; `é` written as one scalar is 1, and an emoji
    /// with a skin tone modifier is 2.
    private mutating func checkText(_ value: Value, _ node: JSONSchema.Node) {
        if let pattern = node.pattern, let text = value.schemaText, !pattern.isFound(in: text) {
            report("\(value.schemaQuoted) does not match the pattern \(pattern.source)")
        }
        guard node.minLength != nil || node.maxLength != nil, case .string(let text) = value else { return }
        let length = text.unicodeScalars.count
        if let minimum = node.minLength, length < minimum {
            report("length \(length) is less than the minimum \(minimum)")
        }
        if let maximum = node.maxLength, length > maximum {
            report("length \(length) is more than the maximum \(maximum)")
        }
    }

    // MARK: Numbers

    /// Applies to integers, doubles, and strings that read as numbers.
    private mutating func checkNumber(_ value: Value, _ node: JSONSchema.Node) {
        guard node.minimum != nil || node.maximum != nil || node.exclusiveMinimum != nil || node.exclusiveMaximum != nil,
              let number = value.schemaNumber
        else { return }
        let shown = value.schemaQuoted
        if let limit = node.minimum, number < limit.value {
            report("\(shown) is less than the minimum \(limit.text)")
        }
        if let limit = node.maximum, number > limit.value {
            report("\(shown) is more than the maximum \(limit.text)")
        }
        if let limit = node.exclusiveMinimum, number <= limit.value {
            report("\(shown) is not more than the exclusive minimum \(limit.text)")
        }
        if let limit = node.exclusiveMaximum, number >= limit.value {
            report("\(shown) is not less than the exclusive maximum \(limit.text)")
        }
    }

    // MARK: Arrays

    /// `Ref AWS::NoValue` items are removed by CloudFormation, so they are
    /// neither counted nor compared nor checked; paths keep the template's
    /// indices all the same.
    private mutating func checkArray(_ items: [Value], _ node: JSONSchema.Node) {
        let present = items.indices.filter { !items[$0].refersToNoValue }
        if let minimum = node.minItems, present.count < minimum {
            report("\(SchemaMessageText.items(present.count)), fewer than the minimum \(minimum)")
        }
        if let maximum = node.maxItems, present.count > maximum {
            report("\(SchemaMessageText.items(present.count)), more than the maximum \(maximum)")
        }
        // A comparison key spells out the whole item; one item is always unique.
        if node.uniqueItems, present.count > 1 {
            var firstIndexByKey: [String: Int] = [:]
            for index in present {
                let key = items[index].schemaComparisonKey
                if let first = firstIndexByKey[key] {
                    report(below: .index(index), "\(items[index].schemaQuoted) is the same as item \(first); items must be unique")
                } else {
                    firstIndexByKey[key] = index
                }
            }
        }
        for index in present {
            let schema = index < node.positionalItems.count ? node.positionalItems[index] : node.items
            if let schema {
                inside(.index(index)) { $0.check(items[index], schema) }
            }
        }
    }
}

/// How one branch of a combinator fared against a value.
struct BranchOutcome {
    var schema: Int
    var findings: [SchemaValidation.Finding]
    var metIntrinsic: Bool

    var matches: Bool { findings.isEmpty }
    /// Matched without taking any intrinsic function on trust.
    var surelyMatches: Bool { findings.isEmpty && !metIntrinsic }
}
