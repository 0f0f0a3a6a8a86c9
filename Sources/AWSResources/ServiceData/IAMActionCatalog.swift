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

/// The known name closest to a misspelt one, by edit distance.
///
/// It lives here because both catalogs (IAM actions and Lambda runtimes)
/// suggest names and the data folder holds nothing else to share it from.
enum SpellingSuggestion {
    /// The candidate nearest `name`, ignoring case, counting a swap of two
    /// neighbouring letters (`Scna`, `pyhton`) as one edit; `nil` when the
    /// nearest needs more than `max(2, name.count / 4)` edits. Ties go to the
    /// candidate that sorts first, so the answer never depends on input order.
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let typed = lowercasedBytes(name)
        let limit = max(2, typed.count / 4)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let bytes = lowercasedBytes(candidate)
            // Lengths alone already differ by more than the limit: skip the table.
            guard abs(bytes.count - typed.count) <= limit else { continue }
            let distance = EditTable(typed, bytes).distance
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// `suggestion` (lowercase) with the capitals of `typed` copied onto the
    /// letters that line up with them: `dynamodb:Scna` and `dynamodb:scan`
    /// give `dynamodb:Scan`. Letters the suggestion adds stay lowercase,
    /// unless `typed` was written all in capitals.
    static func copyingCapitals(of typed: String, onto suggestion: String) -> String {
        let original = Array(typed.utf8)
        var result = Array(suggestion.utf8)
        let hasLowercase = original.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let hasCapitals = original.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        if hasCapitals && !hasLowercase { return suggestion.uppercased() }
        let table = EditTable(lowercasedBytes(typed), lowercasedBytes(suggestion))
        for (typedIndex, suggestionIndex) in table.alignment()
        where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(original[typedIndex]) {
            result[suggestionIndex] = uppercased(result[suggestionIndex])
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
    }

    private static func uppercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
    }

    /// The optimal-string-alignment distance table between two byte strings:
    /// insertions, deletions, substitutions and swaps of neighbours, each one edit.
    private struct EditTable {
        let a: [UInt8], b: [UInt8]
        /// `cost[i][j]`: edits from the first `i` bytes of `a` to the first `j` of `b`.
        var cost: [[Int]]

        init(_ a: [UInt8], _ b: [UInt8]) {
            self.a = a
            self.b = b
            cost = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { cost[i][0] = i }
            for j in 0...b.count { cost[0][j] = j }
            guard !a.isEmpty, !b.isEmpty else { return }
            for i in 1...a.count {
                for j in 1...b.count {
                    var best = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                                   cost[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if isSwap(i, j) { best = min(best, cost[i - 2][j - 2] + 1) }
                    cost[i][j] = best
                }
            }
        }

        var distance: Int { cost[a.count][b.count] }

        private func isSwap(_ i: Int, _ j: Int) -> Bool {
            i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
        }

        /// Pairs of positions `(in a, in b)` that one cheapest edit script keeps
        /// or substitutes; a swapped pair lines up by position, as capitals do.
        func alignment() -> [(Int, Int)] {
            var pairs: [(Int, Int)] = []
            var i = a.count, j = b.count
            while i > 0, j > 0 {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                if cost[i][j] == cost[i - 1][j - 1] + substitution {
                    pairs.append((i - 1, j - 1))
                    i -= 1
                    j -= 1
                } else if isSwap(i, j), cost[i][j] == cost[i - 2][j - 2] + 1 {
                    pairs.append((i - 1, j - 1))
                    pairs.append((i - 2, j - 2))
                    i -= 2
                    j -= 2
                } else if cost[i][j] == cost[i - 1][j] + 1 {
                    i -= 1
                } else {
                    j -= 1
                }
            }
            return pairs
        }
    }
}
