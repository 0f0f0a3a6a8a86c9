import CloudFormation
/// Every Lambda runtime and its end of life, from cfn-lint's
/// `LmbdRuntimeLifecycle.json` (embedded by `generate-resources` in
/// `LambdaRuntimes+Generated.swift`).
///
/// Days are `YYYY-MM-DD` strings in UTC, the form AWS publishes them in: they
/// compare correctly as text, and no time zone can move them.
public enum LambdaRuntimeCatalog {
    /// What AWS has announced for one runtime.
    public struct Lifecycle: Hashable, Sendable {
        /// The identifier a function's `Runtime` property holds (`python3.12`).
        public var runtime: String
        /// From this day AWS no longer patches the runtime.
        public var deprecated: String?
        /// From this day no new function can use the runtime.
        public var creationBlocked: String?
        /// From this day no existing function can be updated to use it.
        public var updateBlocked: String?
        /// The runtime AWS recommends instead.
        public var successor: String?

        public init(
            runtime: String, deprecated: String?, creationBlocked: String?, updateBlocked: String?, successor: String?
        ) {
            self.runtime = runtime
            self.deprecated = deprecated
            self.creationBlocked = creationBlocked
            self.updateBlocked = updateBlocked
            self.successor = successor
        }
    }

    /// What using a runtime means on a given day.
    public enum Status: Hashable, Sendable {
        /// Not deprecated (yet).
        case supported
        /// Deprecated: new functions can still use it, until `creationBlockedFrom` when AWS says.
        case deprecated(since: String, creationBlockedFrom: String?, successor: String?)
        /// New functions can no longer use it: deploying the template would fail.
        case creationBlocked(since: String, successor: String?)
        /// Not a Lambda runtime at all.
        case unknown(suggestion: String?)
    }

    /// Every runtime identifier, sorted.
    public static var runtimes: [String] { catalog.sortedRuntimes }

    /// The announced dates of `runtime`, or `nil` when it is not a runtime.
    /// Identifiers are compared exactly: Lambda rejects `Python3.12`.
    public static func lifecycle(of runtime: String) -> Lifecycle? {
        catalog.lifecycles[runtime]
    }

    /// Whether `runtime` is blocked, deprecated or fine on `day` (`YYYY-MM-DD`);
    /// each date counts from the day itself on.
    public static func status(of runtime: String, on day: String) -> Status {
        precondition(isDay(day), "'\(day)' is not a day written YYYY-MM-DD")
        guard let lifecycle = lifecycle(of: runtime) else {
            return .unknown(suggestion: suggestion(for: runtime))
        }
        if let blocked = lifecycle.creationBlocked, blocked <= day {
            return .creationBlocked(since: blocked, successor: lifecycle.successor)
        }
        if let deprecated = lifecycle.deprecated, deprecated <= day {
            return .deprecated(since: deprecated, creationBlockedFrom: lifecycle.creationBlocked,
                               successor: lifecycle.successor)
        }
        return .supported
    }

    /// The runtime someone most likely meant (`pyhton3.12` → `python3.12`),
    /// or `nil` when `runtime` exists or nothing is close.
    public static func suggestion(for runtime: String) -> String? {
        guard lifecycle(of: runtime) == nil else { return nil }
        return SpellingSuggestion.nearest(to: runtime, among: catalog.sortedRuntimes)
    }

    /// Whether `text` is a day written `YYYY-MM-DD`, the only form whose
    /// order as text is the order of the days.
    public static func isDay(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-" else { return false }
        return characters.indices.allSatisfy { $0 == 4 || $0 == 7 || ("0"..."9").contains(characters[$0]) }
    }

    // MARK: The embedded data

    struct Catalog: Sendable {
        var lifecycles: [String: Lifecycle] = [:]
        var sortedRuntimes: [String] = []

        /// Reads `runtimeLines`: `identifier deprecated create-block update-block
        /// successor`, one runtime a line, `-` for a missing date or successor.
        init(runtimeLines: String) {
            // Split as UTF-8 bytes (the data is ASCII), never character by
            // character.
            for line in runtimeLines.utf8.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " ")).map { field in
                    field.elementsEqual("-".utf8) ? nil : String(decoding: field, as: UTF8.self)
                }
                guard fields.count == 5, let runtime = fields[0] else {
                    preconditionFailure("malformed line in LambdaRuntimes+Generated.swift: \(String(decoding: line, as: UTF8.self))")
                }
                lifecycles[runtime] = Lifecycle(
                    runtime: runtime, deprecated: fields[1], creationBlocked: fields[2],
                    updateBlocked: fields[3], successor: fields[4])
                sortedRuntimes.append(runtime)
            }
            sortedRuntimes.sort()
        }
    }

    /// Parsed once, on first use (a `static let` initializer runs exactly once).
    static let catalog = Catalog(runtimeLines: runtimeLines)
}
