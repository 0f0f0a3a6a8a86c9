extension StackSetDeployment {
    /// The largest member template a StackSet takes inline (`TemplateBody`).
    public static let templateBodyBytes = 51_200

    /// Everything wrong with the deployment's settings, at once.
    public func problems(stack: String) -> [Diagnostic] {
        var problems: [String] = []
        if !Self.isValidName(name) {
            problems.append("StackSet name '\(name)' must start with a letter and hold only letters, digits and hyphens (at most 128)")
        }
        if organizationalUnits.isEmpty { problems.append("a StackSet needs at least one organizational unit (ou-… or r-…)") }
        for unit in organizationalUnits where !Self.isOrganizationalUnit(unit) {
            problems.append("'\(unit)' is not an organizational unit ID (ou-xxxx-xxxxxxxx) or a root ID (r-xxxx)")
        }
        if regions.isEmpty { problems.append("a StackSet needs at least one Region") }
        for region in regions where !Self.isRegion(region) {
            problems.append("'\(region)' is not a Region name such as us-east-1")
        }
        if Set(regions).count != regions.count { problems.append("a Region is listed twice") }
        for (label, bound, floor) in [("failure tolerance", failureTolerance, 0), ("maximum concurrency", maxConcurrency, 1)] {
            switch bound {
            case .accounts(let count) where count < floor:
                problems.append("the \(label) must be at least \(floor) account\(floor == 1 ? "" : "s")")
            case .percentage(let percent) where percent < floor || percent > 100:
                problems.append("the \(label) must be a percentage from \(floor) to 100")
            default: break
            }
        }
        if case .accounts(let tolerance) = failureTolerance, case .accounts(let concurrency) = maxConcurrency, concurrency < tolerance + 1 {
            problems.append("the maximum concurrency (\(concurrency)) must be at least the failure tolerance plus one (\(tolerance + 1))")
        }
        return problems.map { Diagnostic(.error, stack: stack, path: ["StackSet"], $0) }
    }

    /// The template that creates the StackSet: one `AWS::CloudFormation::StackSet`
    /// holding the member template's text.
    ///
    /// - Throws: `SynthesisError` for invalid settings, or a member template
    ///   past what a StackSet takes inline.
    public func template(memberTemplate body: String, stack: String) throws(SynthesisError) -> Template {
        var problems = problems(stack: stack)
        let bytes = body.utf8.count
        if bytes > Self.templateBodyBytes {
            problems.append(Diagnostic(.error, stack: stack, path: ["StackSet"], """
                the member template is \(bytes) bytes; a StackSet takes at most \(Self.templateBodyBytes) inline: \
                move function code out of the template (code from a folder) or split the stack
                """))
        }
        guard problems.isEmpty else { throw SynthesisError(problems) }

        var preferences: Object = ["RegionConcurrencyType": .string(regionOrder.rawValue)]
        switch failureTolerance {
        case .accounts(let count): preferences["FailureToleranceCount"] = .integer(count)
        case .percentage(let percent): preferences["FailureTolerancePercentage"] = .integer(percent)
        }
        switch maxConcurrency {
        case .accounts(let count): preferences["MaxConcurrentCount"] = .integer(count)
        case .percentage(let percent): preferences["MaxConcurrentPercentage"] = .integer(percent)
        }
        if regionOrder == .sequential { preferences["RegionOrder"] = .list(regions.map(Value.string)) }

        var properties: Object = [
            "StackSetName": .string(name),
            "Description": .string("\(stack), deployed to the accounts of \(organizationalUnits.joined(separator: ", "))"),
            "PermissionModel": "SERVICE_MANAGED",
            "CallAs": .string(caller.rawValue),
            "AutoDeployment": .object(automaticDeployment
                ? ["Enabled": true, "RetainStacksOnAccountRemoval": .bool(retainStacksOnAccountRemoval)]
                : ["Enabled": false]),
            "ManagedExecution": ["Active": .bool(managedExecution)],
            "OperationPreferences": .object(preferences),
            "StackInstancesGroup": [[
                "DeploymentTargets": ["OrganizationalUnitIds": .list(organizationalUnits.map(Value.string))],
                "Regions": .list(regions.map(Value.string)),
            ]],
            "TemplateBody": .string(body),
        ]
        if !capabilities.isEmpty { properties["Capabilities"] = .list(capabilities.map(Value.string)) }
        if !parameters.isEmpty {
            properties["Parameters"] = .list(parameters.keys.sorted().map { key in
                ["ParameterKey": .string(key), "ParameterValue": .string(parameters[key]!)]
            })
        }
        let logicalID = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } + "StackSet"
        return Template(
            description: "The StackSet that deploys \(stack) to every account of its organizational units",
            resources: [Resource(logicalID, type: "AWS::CloudFormation::StackSet", properties: properties)],
            outputs: [Output("StackSetId", value: .ref(logicalID), description: "The StackSet's ID")])
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter, name.count <= 128 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func isOrganizationalUnit(_ id: String) -> Bool {
        let lowercaseAlphanumeric: (Character) -> Bool = { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        let pieces = id.split(separator: "-", omittingEmptySubsequences: false)
        if pieces.count == 3, pieces[0] == "ou" {
            return (4...32).contains(pieces[1].count) && (8...32).contains(pieces[2].count)
                && pieces[1].allSatisfy(lowercaseAlphanumeric) && pieces[2].allSatisfy(lowercaseAlphanumeric)
        }
        return pieces.count == 2 && pieces[0] == "r" && (4...32).contains(pieces[1].count) && pieces[1].allSatisfy(lowercaseAlphanumeric)
    }

    private static func isRegion(_ name: String) -> Bool {
        let pieces = name.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 3, let number = pieces.last, number.allSatisfy(\.isNumber) else { return false }
        return pieces.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
