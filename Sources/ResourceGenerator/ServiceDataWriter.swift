import Foundation

/// Writes the AWS service data that AWSResources embeds — IAM actions, the ARN
/// formats of IAM resource types and Lambda runtime lifecycles — from the copies that ship in the cfn-lint package.
///
/// Each data set becomes one raw multi-line string literal in a compact line
/// format, because Swift type-checks a large array or dictionary literal very
/// slowly while a string literal of the same size costs almost nothing; the
/// catalogs in AWSResources parse the text once, on first use. Everything is
/// sorted, so the same cfn-lint data always gives the same bytes and a
/// regeneration shows up in review as a diff of the data, nothing else.
enum ServiceDataWriter {
    static let iamActionsFileName = "IAMActions+Generated.swift"
    static let lambdaRuntimesFileName = "LambdaRuntimes+Generated.swift"
    static let iamResourceARNsFileName = "IAMResourceARNs+Generated.swift"

    /// Where the inputs live, relative to cfn-lint's `cfnlint/data` folder.
    static let policiesPath = "AdditionalSpecs/Policies.json"
    static let runtimeLifecyclePath = "AdditionalSpecs/LmbdRuntimeLifecycle.json"

    /// Reads the two cfn-lint data files under `cfnLintData` (the `cfnlint/data`
    /// folder) and writes both generated sources into `sourcesDirectory`.
    /// Nothing is written unless both inputs are valid.
    static func write(cfnLintData: URL, to sourcesDirectory: URL) throws -> [URL] {
        let policies = try Data(contentsOf: cfnLintData.appendingPathComponent(policiesPath))
        let lifecycles = try Data(contentsOf: cfnLintData.appendingPathComponent(runtimeLifecyclePath))
        let sources = [
            (iamActionsFileName, try iamActionsSource(policiesJSON: policies)),
            (iamResourceARNsFileName, try iamResourceARNsSource(policiesJSON: policies)),
            (lambdaRuntimesFileName, try lambdaRuntimesSource(runtimeLifecycleJSON: lifecycles)),
        ]
        try FileManager.default.createDirectory(at: sourcesDirectory, withIntermediateDirectories: true)
        return try sources.map { name, text in
            let file = sourcesDirectory.appendingPathComponent(name)
            try Data(text.utf8).write(to: file, options: .atomic)
            return file
        }
    }

    // MARK: IAM actions

    /// `IAMActions+Generated.swift`: one line per service prefix, then the
    /// service's actions; `*` after an action marks one without resource-level
    /// permissions, which a later check needs to tell when `Resource: "*"` is required.
    static func iamActionsSource(policiesJSON: Data) throws -> String {
        let services = try JSONDecoder().decode([String: ServicePolicies].self, from: policiesJSON)
        // Lowercase first (IAM names are case-insensitive), merging any names
        // that differ only in case, so the line format can stay lowercase.
        // Sorted here too, so that the first invalid name reported is always the same.
        var actionsByService: [String: [String: Bool]] = [:]
        for (service, policies) in services.sorted(by: { $0.key < $1.key }) {
            let prefix = try validatedName(service, what: "IAM service prefix '\(service)'")
            var actions = actionsByService[prefix, default: [:]]
            for (action, details) in (policies.actions ?? [:]).sorted(by: { $0.key < $1.key }) {
                let name = try validatedName(action, what: "IAM action '\(service):\(action)'")
                let hasResourceLevelPermissions = !(details.resources ?? []).isEmpty
                actions[name] = (actions[name] ?? false) || hasResourceLevelPermissions
            }
            actionsByService[prefix] = actions
        }
        let lines = actionsByService.keys.sorted().map { prefix in
            let actions = actionsByService[prefix]!
            let words = actions.keys.sorted().map { actions[$0]! ? $0 : $0 + "*" }
            return ([prefix] + words).joined(separator: " ")
        }
        return generatedSource(
            from: policiesPath,
            extending: "IAMActionCatalog",
            documentation: [
                "Every IAM action cfn-lint knows, one line per service prefix: the prefix,",
                "then the service's actions, everything lowercased, sorted and separated",
                "by single spaces. An action ending in `*` has no resource-level",
                "permissions: a statement that allows it must say `Resource: \"*\"`.",
            ],
            property: "serviceLines",
            lines: lines
        )
    }

    private struct ServicePolicies: Decodable {
        var actions: [String: ActionDetails]?
        var resources: [String: ResourceDetails]?

        enum CodingKeys: String, CodingKey {
            case actions = "Actions"
            case resources = "Resources"
        }
    }

    private struct ResourceDetails: Decodable {
        var arnFormats: [String]?

        enum CodingKeys: String, CodingKey {
            case arnFormats = "ARNFormats"
        }
    }

    // MARK: IAM resource ARNs

    /// `IAMResourceARNs+Generated.swift`: one line per IAM resource type,
    /// `prefix resource format…`, the service prefix and resource type
    /// lowercased, each ARN format as the data writes it (`.*` where a name goes).
    static func iamResourceARNsSource(policiesJSON: Data) throws -> String {
        let services = try JSONDecoder().decode([String: ServicePolicies].self, from: policiesJSON)
        var lines: [String: String] = [:]
        for (service, policies) in services.sorted(by: { $0.key < $1.key }) {
            let prefix = try validatedName(service, what: "IAM service prefix '\(service)'")
            for (resource, details) in (policies.resources ?? [:]).sorted(by: { $0.key < $1.key }) {
                let name = resource.lowercased().replacing(" ", with: "_")
                guard isToken(name, allowing: "-_/.") else {
                    throw InvalidData(description: "IAM resource type '\(service):\(resource)' is not made of letters, digits and -_/.")
                }
                let formats = try (details.arnFormats ?? []).sorted().map { format in
                    guard format.hasPrefix("arn:"), !format.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "#" }) else {
                        throw InvalidData(description: "ARN format '\(format)' of '\(service):\(resource)' is not an ARN on one word")
                    }
                    return format
                }
                guard !formats.isEmpty else { continue }
                let key = "\(prefix) \(name)"
                lines[key] = ([key] + formats).joined(separator: " ")
            }
        }
        return generatedSource(
            from: policiesPath,
            extending: "IAMResourceCatalog",
            documentation: [
                "The ARN formats of every IAM resource type cfn-lint knows, one line per type:",
                "the service prefix and the resource type (lowercased, a space as `_`), then its formats,",
                "with `${Partition}`, `${Region}`, `${Account}` and `.*` where a name goes.",
            ],
            property: "resourceLines",
            lines: lines.keys.sorted().map { lines[$0]! }
        )
    }

    private struct ActionDetails: Decodable {
        /// The resource types the action can be limited to; empty or absent
        /// when it has no resource-level permissions.
        var resources: [String]?

        enum CodingKeys: String, CodingKey {
            case resources = "Resources"
        }
    }

    // MARK: Lambda runtimes

    /// `LambdaRuntimes+Generated.swift`: one line per runtime with its
    /// deprecation, create-block and update-block dates and its successor.
    static func lambdaRuntimesSource(runtimeLifecycleJSON: Data) throws -> String {
        let runtimes = try JSONDecoder().decode([String: RuntimeLifecycle].self, from: runtimeLifecycleJSON)
        let lines = try runtimes.keys.sorted().map { runtime in
            let lifecycle = runtimes[runtime]!
            let fields = [
                try validatedRuntime(runtime),
                try validatedDate(lifecycle.deprecated, of: runtime),
                try validatedDate(lifecycle.createBlock, of: runtime),
                try validatedDate(lifecycle.updateBlock, of: runtime),
                try lifecycle.successor.map(validatedRuntime) ?? absentField,
            ]
            return fields.joined(separator: " ")
        }
        return generatedSource(
            from: runtimeLifecyclePath,
            extending: "LambdaRuntimeCatalog",
            documentation: [
                "Every Lambda runtime cfn-lint knows, one line each, sorted by identifier:",
                "`identifier deprecated create-block update-block successor`, dates as",
                "`YYYY-MM-DD` (UTC) and `-` where cfn-lint has no date or no successor.",
            ],
            property: "runtimeLines",
            lines: lines
        )
    }

    private struct RuntimeLifecycle: Decodable {
        var deprecated: String?
        var createBlock: String?
        var updateBlock: String?
        var successor: String?

        enum CodingKeys: String, CodingKey {
            case deprecated
            case createBlock = "create-block"
            case updateBlock = "update-block"
            case successor
        }
    }

    /// Marks a missing date or successor in a runtime line.
    static let absentField = "-"

    // MARK: The generated file

    private static func generatedSource(
        from inputPath: String, extending type: String, documentation: [String], property: String, lines: [String]
    ) -> String {
        var text = """
            // Generated by `generate-resources` from cfn-lint's cfnlint/data/\(inputPath).
            // Do not edit by hand: upgrade cfn-lint and run `generate-resources` again.

            extension \(type) {

            """
        for line in documentation {
            text += "    /// \(line)\n"
        }
        // The closing delimiter sits in column 0, so the lines keep no indentation.
        text += "    static let \(property) = #\"\"\"\n"
        for line in lines {
            text += line + "\n"
        }
        text += "\"\"\"#\n}\n"
        return text
    }

    // MARK: Validation

    /// What cfn-lint's data held that the line format cannot carry.
    struct InvalidData: Error, CustomStringConvertible {
        var description: String
    }

    /// IAM names are lowercase letters, digits and hyphens; anything else
    /// (a space, a `*`, a quote) would break the line format or the raw string.
    private static func validatedName(_ name: String, what: String) throws -> String {
        let lowercased = name.lowercased()
        guard isToken(lowercased, allowing: "-") else {
            throw InvalidData(description: "\(what) is not made of letters, digits and hyphens")
        }
        return lowercased
    }

    /// Runtime identifiers are lowercase letters, digits, dots and hyphens (`provided.al2023`).
    private static func validatedRuntime(_ name: String) throws -> String {
        guard isToken(name, allowing: ".-"), name == name.lowercased() else {
            throw InvalidData(description: "Lambda runtime '\(name)' is not made of lowercase letters, digits, dots and hyphens")
        }
        return name
    }

    /// A date as `YYYY-MM-DD`, the form that compares correctly as text, or `-` for none.
    private static func validatedDate(_ date: String?, of runtime: String) throws -> String {
        guard let date else { return absentField }
        let characters = Array(date)
        let isISODate = characters.count == 10 && characters[4] == "-" && characters[7] == "-"
            && characters.enumerated().allSatisfy { index, character in
                index == 4 || index == 7 || ("0"..."9").contains(character)
            }
        guard isISODate else {
            throw InvalidData(description: "Lambda runtime '\(runtime)' has the date '\(date)', which is not YYYY-MM-DD")
        }
        return date
    }

    /// Whether `text` starts with an ASCII letter or digit and holds only those
    /// and the given punctuation.
    private static func isToken(_ text: String, allowing punctuation: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLowercaseLetterOrDigit(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowercaseLetterOrDigit($0) || punctuation.unicodeScalars.contains($0) }
    }

    private static func isLowercaseLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
