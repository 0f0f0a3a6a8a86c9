import CloudFormation
import Foundation

/// Every IAM action AWS documents, by service prefix, from cfn-lint's
/// `Policies.json` (embedded by `generate-resources` in `IAMActions+Generated.swift`).
///
/// IAM compares action names case-insensitively, so every question here does
/// too; answers spell prefixes and actions in lowercase, as the data does.
public enum IAMActionCatalog {
    /// The service prefixes (`dynamodb`, `s3`, …), sorted.
    public static var servicePrefixes: [String] { catalog.sortedPrefixes }

    /// Whether `prefix` is a service prefix IAM knows (`dynamodb`, `DynamoDB`).
    public static func isServicePrefix(_ prefix: String) -> Bool {
        catalog.wordRange(of: prefix.lowercased()) != nil
    }

    /// Whether `action` (`dynamodb:GetItem`) names one action exactly. A
    /// wildcard is not an action: ask `matching(_:)` about patterns.
    public static func exists(_ action: String) -> Bool {
        hasResourceLevelPermissions(action) != nil
    }

    /// Every action an IAM pattern grants, as sorted `service:action` strings:
    /// `*` stands for any run of characters and `?` for one, in the prefix or
    /// the action; a lone `*` is every action of every service.
    public static func matching(_ pattern: String) -> [String] {
        let pattern = pattern.lowercased()
        let parts = pattern == "*" ? (service: "*", action: "*") : split(pattern)
        guard let parts else { return [] }
        // A pattern whose prefix is written out (`s3:Get*`) names one service:
        // no need to try the pattern on all of them.
        let prefixes = parts.service.contains(where: { $0 == "*" || $0 == "?" })
            ? catalog.sortedPrefixes
            : catalog.wordRange(of: parts.service) == nil ? [] : [parts.service]
        var matches: [String] = []
        for prefix in prefixes where WildcardPattern.matches(prefix, parts.service) {
            let service = catalog.service(prefix)!
            for action in service.actions where WildcardPattern.matches(action, parts.action) {
                matches.append("\(prefix):\(action)")
            }
        }
        return matches.sorted()
    }

    /// Whether the action can be limited to particular resources: `false`
    /// when a statement that allows it must say `Resource: "*"`
    /// (`s3:ListAllMyBuckets`), `nil` when the action does not exist.
    public static func hasResourceLevelPermissions(_ action: String) -> Bool? {
        guard let parts = split(action.lowercased()) else { return nil }
        return catalog.resourceLevelPermissions(of: parts.action, in: parts.service)
    }

    /// The service prefixes that have an action of this name (`getitem`:
    /// `dax`, `dynamodb`), sorted: for an action written without a prefix.
    public static func servicePrefixes(havingAction name: String) -> [String] {
        let name = name.lowercased()
        return catalog.sortedPrefixes.filter { catalog.service($0)!.resourceLevelPermissions[name] != nil }
    }

    /// The action someone most likely meant by an action that does not exist
    /// (`dynamodb:Scna` → `dynamodb:Scan`), or `nil` when nothing is close,
    /// when the action exists, or when it is a wildcard pattern.
    ///
    /// A misspelt prefix is corrected too. The answer copies the capitals of
    /// what was written onto the letters it keeps, so it reads like the
    /// original: the data has the names in lowercase only.
    public static func suggestion(for action: String) -> String? {
        guard let parts = split(action.lowercased()), !exists(action),
            !action.contains(where: { $0 == "*" || $0 == "?" })
        else { return nil }
        let prefix = catalog.service(parts.service) != nil
            ? parts.service
            : SpellingSuggestion.nearest(to: parts.service, among: catalog.sortedPrefixes)
        guard let prefix, let service = catalog.service(prefix) else { return nil }
        let name = service.resourceLevelPermissions[parts.action] != nil
            ? parts.action
            : SpellingSuggestion.nearest(to: parts.action, among: service.actions)
        guard let name else { return nil }
        return SpellingSuggestion.copyingCapitals(of: action, onto: "\(prefix):\(name)")
    }

    /// `service:action` split at its first colon; `nil` without a colon.
    private static func split(_ action: String) -> (service: String, action: String)? {
        guard let colon = action.firstIndex(of: ":") else { return nil }
        return (String(action[..<colon]), String(action[action.index(after: colon)...]))
    }

    // MARK: The embedded data

    /// One service's actions, by lowercased name.
    struct Service: Sendable {
        var resourceLevelPermissions: [String: Bool] = [:]
        /// The names in the data's order (sorted), so that nothing depends on a dictionary's order.
        var actions: [String] = []
    }

    /// The embedded lines by service prefix, each parsed into a `Service` the
    /// first time a question needs all its actions (patterns, suggestions): a
    /// template names a handful of the 457 services, and parsing all 22,000
    /// actions up front dominated the synthesis of a small stack. Whether one
    /// action exists, the common question, is read off its service's line
    /// without parsing it, or looked up once the service is parsed.
    final class Catalog: @unchecked Sendable {
        /// The service prefixes in the data's order, which is sorted (a test
        /// checks), so a prefix is found by binary search.
        let sortedPrefixes: [String]
        private let text: String
        /// Where each service's action words are in `text`, as UTF-8
        /// offsets, in the order of `sortedPrefixes`.
        private let wordRanges: [Range<Int>]
        private var parsed: [String: Service] = [:]
        private let lock = NSLock()

        /// `serviceLines`: `prefix action action* …`, one line per service,
        /// where `*` marks an action without resource-level permissions. The
        /// text is plain ASCII, so it is read as bytes; only line ends are
        /// looked for here (with `memchr`): the text is never split as a
        /// whole, and a service's words are read when it is first asked for.
        init(serviceLines: String) {
            var text = serviceLines
            var prefixes: [String] = []
            var wordRanges: [Range<Int>] = []
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                var start = 0
                while start < bytes.count {
                    let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if let space = line.firstIndex(of: UInt8(ascii: " ")) {
                        prefixes.append(String(decoding: UnsafeBufferPointer(rebasing: line[..<space]), as: UTF8.self))
                        wordRanges.append((start + space + 1)..<end)
                    }
                    start = end + 1
                }
            }
            self.text = text
            self.sortedPrefixes = prefixes
            self.wordRanges = wordRanges
        }

        /// Where `prefix`'s action words are in the text; `nil` for a prefix
        /// the data does not have.
        func wordRange(of prefix: String) -> Range<Int>? {
            var low = 0, high = sortedPrefixes.count
            while low < high {
                let middle = (low + high) / 2
                if sortedPrefixes[middle] < prefix { low = middle + 1 } else { high = middle }
            }
            return low < sortedPrefixes.count && sortedPrefixes[low] == prefix ? wordRanges[low] : nil
        }

        /// Whether `action` of the service `prefix` can be limited to
        /// particular resources, `nil` when the service has no such action:
        /// found by comparing the words of the service's line with it.
        func resourceLevelPermissions(of action: String, in prefix: String) -> Bool? {
            guard let range = wordRange(of: prefix) else { return nil }
            // A service already parsed answers by lookup.
            lock.lock()
            let known = parsed[prefix]
            lock.unlock()
            if let known { return known.resourceLevelPermissions[action] }
            var action = action
            return action.withUTF8 { wanted in
                var found: Bool?
                forEachAction(in: range) { name, isResourceLevel in
                    guard name.elementsEqual(wanted) else { return true }
                    found = isResourceLevel
                    return false
                }
                return found
            }
        }

        func service(_ prefix: String) -> Service? {
            guard let words = wordRange(of: prefix) else { return nil }
            lock.lock()
            defer { lock.unlock() }
            if let service = parsed[prefix] { return service }
            var service = Service()
            forEachAction(in: words) { word, isResourceLevel in
                let name = String(decoding: word, as: UTF8.self)
                service.resourceLevelPermissions[name] = isResourceLevel
                service.actions.append(name)
                return true
            }
            parsed[prefix] = service
            return service
        }

        /// Each action word in `words`, without its `*`, and whether it has
        /// resource-level permissions, until `body` returns `false`.
        private func forEachAction(
            in words: Range<Int>, _ body: (Slice<UnsafeBufferPointer<UInt8>>, Bool) -> Bool
        ) {
            // Read in place: a mutable copy's `withUTF8` would copy the whole text on every question.
            _ = text.utf8.withContiguousStorageIfAvailable { bytes in
                var start = words.lowerBound
                while start < words.upperBound {
                    var end = start
                    while end < words.upperBound, bytes[end] != UInt8(ascii: " ") { end += 1 }
                    if end > start {
                        let word = bytes[start..<end]
                        let isResourceLevel = word.last != UInt8(ascii: "*")
                        guard body(isResourceLevel ? word : word.dropLast(), isResourceLevel) else { return }
                    }
                    start = end + 1
                }
            }
        }
    }

    /// Indexed once, on first use; Swift runs a `static let` initializer exactly
    /// once even when several threads ask at the same time.
    static let catalog = Catalog(serviceLines: serviceLines)
}

/// IAM's wildcards: `*` matches any run of characters, `?` exactly one.
enum WildcardPattern {
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let text = Array(text.utf8), pattern = Array(pattern.utf8)
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var textIndex = 0, patternIndex = 0
        // Where the last `*` was, and the text position it currently absorbs up to,
        // so a failed match can backtrack by letting that `*` absorb one more character.
        var lastStar: Int?, textAfterStar = 0
        while textIndex < text.count {
            if patternIndex < pattern.count,
                pattern[patternIndex] == question || pattern[patternIndex] == text[textIndex]
            {
                textIndex += 1
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == star {
                lastStar = patternIndex
                textAfterStar = textIndex
                patternIndex += 1
            } else if let star = lastStar {
                textAfterStar += 1
                textIndex = textAfterStar
                patternIndex = star + 1
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == star { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
