/// Recognizes a regular expression written only with constructs that ICU (and
/// every other Perl-like engine) accepts: ASCII literals, `.`, the escapes
/// `\d \D \w \W \s \S` and escaped punctuation, simple character classes,
/// plain and non-capturing groups, alternation, anchors (`^ $ \b \B`) and the
/// quantifiers `? * + {n} {n,} {n,m}`, each optionally lazy.
///
/// Compiling the first ICU regular expression of a process builds ICU's
/// Unicode sets, which costs more than checking the rest of a small stack.
/// A custom data identifier's regex is nearly always this simple, so the
/// check asks here first and starts ICU only for the rest. The answer is
/// `true` or "don't know", never "invalid": a pattern this does not
/// recognize still goes to ICU, so no verdict changes. A test compiles every
/// pattern this accepts, out of thousands of random ones, with ICU.
enum PlainRegexSyntax {
    static func isCertainlyValid(_ pattern: String) -> Bool {
        var parser = Parser(bytes: Array(pattern.utf8))
        return parser.alternation() && parser.isAtEnd
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        var groupDepth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var isAtEnd: Bool { position == bytes.count }
        private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

        /// `sequence ('|' sequence)*`.
        mutating func alternation() -> Bool {
            guard sequence() else { return false }
            while next == UInt8(ascii: "|") {
                position += 1
                guard sequence() else { return false }
            }
            return true
        }

        /// Atoms, each optionally quantified, up to `|`, `)` or the end.
        private mutating func sequence() -> Bool {
            while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard let quantifiable = atom() else { return false }
                if isQuantifierStart {
                    // A quantified anchor is legal in some engines and not in
                    // others: leave it to ICU.
                    guard quantifiable, quantifier() else { return false }
                }
            }
            return true
        }

        /// One atom; `true` if a quantifier may follow it, `false` for an
        /// anchor, `nil` for anything not recognized.
        private mutating func atom() -> Bool? {
            guard let byte = next else { return nil }
            position += 1
            switch byte {
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                return false
            case UInt8(ascii: "."):
                return true
            case UInt8(ascii: "\\"):
                guard let escaped = next else { return nil }
                position += 1
                if Self.classEscapes.contains(escaped) || Self.isPunctuation(escaped) { return true }
                if escaped == UInt8(ascii: "b") || escaped == UInt8(ascii: "B") { return false }
                return nil
            case UInt8(ascii: "["):
                return characterClass() ? true : nil
            case UInt8(ascii: "("):
                // Only `(` and `(?:`; other `(?` forms (lookaround, flags,
                // named groups) differ between engines.
                if next == UInt8(ascii: "?") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else { return nil }
                    position += 2
                }
                groupDepth += 1
                guard groupDepth <= 32, alternation(), next == UInt8(ascii: ")") else { return nil }
                position += 1
                groupDepth -= 1
                return true
            default:
                return Self.isLiteral(byte) ? true : nil
            }
        }

        private var isQuantifierStart: Bool {
            guard let byte = next else { return false }
            return byte == UInt8(ascii: "?") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "{")
        }

        /// `?`, `*`, `+`, `{n}`, `{n,}` or `{n,m}` with n ≤ m (at most four
        /// digits each), then an optional `?` (lazy).
        private mutating func quantifier() -> Bool {
            if next == UInt8(ascii: "{") {
                position += 1
                guard let low = number() else { return false }
                if next == UInt8(ascii: ",") {
                    position += 1
                    if next != UInt8(ascii: "}") {
                        guard let high = number(), low <= high else { return false }
                    }
                }
                guard next == UInt8(ascii: "}") else { return false }
            }
            position += 1
            if next == UInt8(ascii: "?") { position += 1 }
            // A second quantifier (`a**`, `a?+`) is an error or a possessive
            // form, depending on the engine.
            return !isQuantifierStart
        }

        private mutating func number() -> Int? {
            var value = 0, digits = 0
            while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            return (1...4).contains(digits) ? value : nil
        }

        /// After `[`: an optional `^`, then at least one member up to `]`.
        /// Members are literals, ranges of two literals in order, class
        /// escapes and escaped punctuation; `-` only first or last. No nested
        /// classes or set operations (ICU has them, other engines do not).
        private mutating func characterClass() -> Bool {
            if next == UInt8(ascii: "^") { position += 1 }
            var members = 0
            while let byte = next, byte != UInt8(ascii: "]") || members == 0 {
                if byte == UInt8(ascii: "]") { return false }  // `[]` and `[^]` differ between engines
                if byte == UInt8(ascii: "-") {
                    // Only as the first or the last member.
                    position += 1
                    guard members == 0 || next == UInt8(ascii: "]") else { return false }
                    members += 1
                    continue
                }
                guard let first = classMember() else { return false }
                members += 1
                if next == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] != UInt8(ascii: "]") {
                    // A range: both ends single characters, in order.
                    position += 1
                    guard let low = first, let last = classMember(), let high = last, low <= high else { return false }
                }
            }
            guard next == UInt8(ascii: "]") else { return false }
            position += 1
            return true
        }

        /// One member: the character it stands for if it is a single
        /// character (so it can start or end a range), `.some(nil)` for a
        /// class escape, `nil` if not recognized.
        private mutating func classMember() -> UInt8?? {
            guard let byte = next else { return nil }
            position += 1
            if byte == UInt8(ascii: "\\") {
                guard let escaped = next else { return nil }
                position += 1
                if Self.classEscapes.contains(escaped) { return .some(nil) }
                return Self.isPunctuation(escaped) ? escaped : nil
            }
            // Characters with a meaning inside some engine's sets: nested
            // sets, set operations, POSIX classes (`[:alpha:]`), strings (`{ab}`).
            let special: [UInt8] = Array("[]&~-^\\$:{}".utf8)
            guard (0x20...0x7E).contains(byte), !special.contains(byte) else { return nil }
            return byte
        }

        private static let classEscapes = Set("dDwWsS".utf8)

        /// ASCII punctuation, which stands for itself after a backslash.
        private static func isPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x7E).contains(byte) && !isAlphanumeric(byte)
        }

        private static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }

        /// A printable ASCII character that means itself outside a class.
        private static func isLiteral(_ byte: UInt8) -> Bool {
            guard (0x20...0x7E).contains(byte) else { return false }
            return !"\\^$.|?*+()[]{}#".utf8.contains(byte)
        }
    }
}
