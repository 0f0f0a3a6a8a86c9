/// A schema `pattern` in the part of the regular-expression language that
/// resource schemas nearly always use, matched here without ICU.
///
/// Compiling an NSRegularExpression starts ICU's regex machinery (a fixed cost
/// larger than checking a small stack) and maps its Unicode data into memory;
/// matching converts every value to an NSString. Most schema patterns are
/// character classes, literals, groups, alternatives, `?`/`*`/`+`/`{m,n}` and
/// anchors, and lookaheads, which this type matches directly over Unicode
/// scalars. A pattern with anything else (lookbehind, back references, lazy
/// quantifiers, word boundaries, most `\p{…}` classes, flags) is left to
/// NSRegularExpression: `init` returns `nil` for it.
///
/// The meaning is the one `SchemaPattern` gave these patterns through
/// `ECMAPatternTranslation` and ICU, so switching engines changes no verdict
/// (a test compares the two on every pattern cfn-lint's schemas contain):
/// `$` is the end of the text; `\Z` is the end or before a final line break;
/// `.` is any scalar but a line break; `\d` and `\w` outside a class are
/// ASCII; `\s` is Unicode white space; `\d` and `\w` inside a class are
/// ICU's Unicode classes; a `{` or `}` that is not part of a quantifier is a
/// literal.
struct SimplePattern: Sendable {
    let root: Node
    private let anchoredAtStart: Bool

    init?(_ source: String) {
        var parser = Parser(Array(source.unicodeScalars))
        guard let root = parser.parseAlternation(), parser.isAtEnd else { return nil }
        self.root = root
        if case .sequence(let items) = root, case .start? = items.first {
            anchoredAtStart = true
        } else {
            anchoredAtStart = false
        }
    }

    /// Whether the pattern matches anywhere in `text`; `nil` when the match
    /// would take more backtracking than this matcher allows itself (the
    /// caller then asks ICU).
    func isFound(in text: String) -> Bool? {
        let scalars = Array(text.unicodeScalars)
        var matcher = Matcher(scalars: scalars)
        for start in anchoredAtStart ? 0...0 : 0...scalars.count {
            if matcher.match(root, at: start, then: { _, _ in true }) { return true }
            if matcher.exhausted { return nil }
        }
        return false
    }

    // MARK: The pattern

    indirect enum Node: Sendable {
        case scalars(ScalarSet)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
        /// `(?=…)` and `(?!…)`: whether the text here starts with a match,
        /// consuming nothing.
        case lookahead(Node, negated: Bool)
        /// `^` and `\A`: the start of the text.
        case start
        /// `$` and `\z`: the end of the text.
        case end
        /// `\Z`: the end of the text, or just before a line break that ends it.
        case endBeforeFinalLineBreak
    }

    /// A set of scalars: ranges, Unicode classes, possibly negated.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var classes: [UnicodeClass] = []
        var negatedClasses: [UnicodeClass] = []
        var isNegated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            var found = ranges.contains { $0.contains(value) }
                || classes.contains { $0.contains(scalar) }
                || negatedClasses.contains { !$0.contains(scalar) }
            if isNegated { found.toggle() }
            return found
        }
    }

    enum UnicodeClass: Sendable {
        /// Unicode White_Space (ICU's `\s`).
        case whiteSpace
        /// Unicode decimal digits (ICU's `\d` inside a class).
        case decimalDigit
        /// ICU's `\w`: alphabetic, marks, decimal digits, connector
        /// punctuation, and the zero-width (non-)joiners.
        case word
        /// `\p{L}`, `\p{N}`, `\p{Z}`: by general category.
        case letter, number, separator
        /// What ICU's `.` does not match.
        case lineBreak

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            // Template values are nearly all ASCII, where the classes are a
            // few ranges; a Unicode property lookup costs far more.
            scalar.isASCII ? containsASCII(UInt8(scalar.value)) : containsByProperties(scalar)
        }

        /// The class in ASCII, which a test checks against `containsByProperties`.
        func containsASCII(_ byte: UInt8) -> Bool {
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            switch self {
            case .whiteSpace: return byte == 0x20 || (0x09...0x0D).contains(byte)
            case .decimalDigit, .number: return isDigit
            case .word: return isLetter || isDigit || byte == UInt8(ascii: "_")
            case .letter: return isLetter
            case .separator: return byte == 0x20
            case .lineBreak: return (0x0A...0x0D).contains(byte)
            }
        }

        func containsByProperties(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .whiteSpace: return scalar.properties.isWhitespace
            case .decimalDigit: return scalar.properties.generalCategory == .decimalNumber
            case .word:
                if scalar.properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D { return true }
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
                default: return false
                }
            case .letter:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
                default: return false
                }
            case .number:
                switch scalar.properties.generalCategory {
                case .decimalNumber, .letterNumber, .otherNumber: return true
                default: return false
                }
            case .separator:
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            case .lineBreak: return SimplePattern.isLineBreak(scalar)
            }
        }
    }

    /// ICU's line terminators.
    fileprivate static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    // MARK: Parsing

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var isAtEnd: Bool { index == scalars.count }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                guard peek() == "|" else { break }
                index += 1
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func parseSequence() -> Node? {
            var items: [Node] = []
            while let scalar = peek(), scalar != "|", scalar != ")" {
                guard let atom = parseAtom(), let quantified = parseQuantifier(on: atom) else { return nil }
                items.append(quantified)
            }
            return .sequence(items)
        }

        private mutating func parseQuantifier(on atom: Node) -> Node? {
            let bounds: (min: Int, max: Int?)
            switch peek() {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let braced = parseBraces() else { return atom }  // a literal `{`, read as the next atom
                bounds = braced
            default: return atom
            }
            // Lazy and possessive quantifiers, and a quantifier on a quantifier or an anchor: left to ICU.
            if let next = peek(), next == "?" || next == "+" || next == "*" || next == "{" && parseBracesAhead() { return nil }
            switch atom {
            case .start, .end, .endBeforeFinalLineBreak, .repetition, .lookahead: return nil
            default: break
            }
            if let max = bounds.max, max < bounds.min { return nil }
            return .repetition(atom, min: bounds.min, max: bounds.max)
        }

        /// `{n}`, `{n,}` or `{n,m}` at the cursor, consumed; `nil` (nothing consumed) for a literal brace.
        private mutating func parseBraces() -> (min: Int, max: Int?)? {
            var cursor = index + 1
            func number() -> Int? {
                var digits = ""
                while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                    digits.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                return digits.isEmpty || digits.count > 6 ? nil : Int(digits)
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if cursor < scalars.count, scalars[cursor] == "," {
                cursor += 1
                maximum = number()
            }
            guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
            index = cursor + 1
            return (minimum, maximum)
        }

        private func parseBracesAhead() -> Bool {
            var copy = self
            return copy.parseBraces() != nil
        }

        private mutating func parseAtom() -> Node? {
            guard let scalar = peek() else { return nil }
            index += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .scalars(ScalarSet(negatedClasses: [.lineBreak]))
            case "(":
                var lookahead: Bool?  // negated?
                if peek() == "?" {
                    switch peek(1) {
                    case ":": break
                    case "=": lookahead = false
                    case "!": lookahead = true
                    default: return nil  // lookbehind, named groups, flags
                    }
                    index += 2
                }
                guard let inner = parseAlternation(), peek() == ")" else { return nil }
                index += 1
                return lookahead.map { .lookahead(inner, negated: $0) } ?? inner
            case ")": return nil
            case "[": return parseClass()
            case "\\": return parseEscape()
            case "*", "+", "?": return nil  // a quantifier with nothing to repeat
            default: return .scalars(ScalarSet(ranges: [scalar.value...scalar.value]))
            }
        }

        /// After a backslash outside a class.
        private mutating func parseEscape() -> Node? {
            guard let escaped = peek() else { return nil }
            index += 1
            switch escaped {
            case "d": return .scalars(ScalarSet(ranges: [0x30...0x39]))
            case "D": return .scalars(ScalarSet(ranges: [0x30...0x39], isNegated: true))
            case "w": return .scalars(ScalarSet(ranges: Self.asciiWord))
            case "W": return .scalars(ScalarSet(ranges: Self.asciiWord, isNegated: true))
            case "s": return .scalars(ScalarSet(classes: [.whiteSpace]))
            case "S": return .scalars(ScalarSet(classes: [.whiteSpace], isNegated: true))
            case "z": return .end
            case "Z": return .endBeforeFinalLineBreak
            case "A": return .start
            default:
                index -= 1
                guard let set = parseEscapeInClass() else { return nil }
                return .scalars(set)
            }
        }

        static let asciiWord: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

        /// After a backslash: an escape that stands for scalars. Inside a
        /// class, `\d` and `\s` are ICU's Unicode classes.
        private mutating func parseEscapeInClass() -> ScalarSet? {
            guard let escaped = peek() else { return nil }
            index += 1
            func single(_ value: UInt32) -> ScalarSet { ScalarSet(ranges: [value...value]) }
            switch escaped {
            case "d": return ScalarSet(classes: [.decimalDigit])
            case "D": return ScalarSet(negatedClasses: [.decimalDigit])
            case "s": return ScalarSet(classes: [.whiteSpace])
            case "S": return ScalarSet(negatedClasses: [.whiteSpace])
            case "w": return ScalarSet(classes: [.word])
            case "W": return ScalarSet(negatedClasses: [.word])
            case "t": return single(0x09)
            case "n": return single(0x0A)
            case "v": return single(0x0B)
            case "f": return single(0x0C)
            case "r": return single(0x0D)
            case "p":
                guard peek() == "{", let close = scalars[index...].firstIndex(of: "}") else { return nil }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                switch name {
                case "L": return ScalarSet(classes: [.letter])
                case "N": return ScalarSet(classes: [.number])
                case "Z": return ScalarSet(classes: [.separator])
                default: return nil
                }
            case "u", "x":
                let digits = escaped == "u" ? 4 : 2
                guard index + digits <= scalars.count,
                    scalars[index..<(index + digits)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                    let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + digits)])), radix: 16),
                    Unicode.Scalar(value) != nil  // a lone surrogate: ICU's business
                else { return nil }
                index += digits
                return single(value)
            default:
                // Punctuation stands for itself; a letter or digit escape this
                // parser does not know (`\b`, `\x41`, `\1`, `\A`) is left to ICU.
                guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
                return single(escaped.value)
            }
        }

        /// After `[`.
        private mutating func parseClass() -> Node? {
            var set = ScalarSet()
            if peek() == "^" {
                set.isNegated = true
                index += 1
            }
            if peek() == "]" {  // `[]` matches nothing, `[^]` any scalar
                index += 1
                return .scalars(set)
            }
            while let scalar = peek(), scalar != "]" {
                guard let low = parseClassMember() else { return nil }
                // A range: `a-z`, `\u0020-\u007E`; a `-` before `]` or after a class escape is literal.
                if peek() == "-", let after = peek(1), after != "]" {
                    guard low.classes.isEmpty, low.negatedClasses.isEmpty, low.ranges.count == 1,
                        low.ranges[0].lowerBound == low.ranges[0].upperBound
                    else { return nil }  // `[\w-.]`: ICU's reading of such a range is its own
                    index += 1
                    guard let high = parseClassMember(), high.classes.isEmpty, high.negatedClasses.isEmpty,
                        high.ranges.count == 1, high.ranges[0].lowerBound == high.ranges[0].upperBound,
                        low.ranges[0].lowerBound <= high.ranges[0].lowerBound
                    else { return nil }
                    set.ranges.append(low.ranges[0].lowerBound...high.ranges[0].lowerBound)
                } else {
                    set.ranges += low.ranges
                    set.classes += low.classes
                    set.negatedClasses += low.negatedClasses
                }
            }
            guard peek() == "]" else { return nil }
            index += 1
            return .scalars(set)
        }

        private mutating func parseClassMember() -> ScalarSet? {
            guard let scalar = peek() else { return nil }
            if scalar == "\\" {
                index += 1
                return parseEscapeInClass()
            }
            index += 1
            return ScalarSet(ranges: [scalar.value...scalar.value])
        }
    }

    // MARK: Matching

    /// A backtracking matcher. A repetition of single scalars (`[a-z]+`,
    /// `\d{12}`, `.*`) is matched in a loop, so recursion grows with the
    /// pattern, not the text; `budget` bounds the work a pathological pattern
    /// could make it do.
    private struct Matcher {
        let scalars: [Unicode.Scalar]
        var budget = 100_000
        /// Iterations of a repeated group nest calls; past this many the
        /// matcher gives up rather than risk a thread's stack.
        var groupIterationsLeft = 200
        var exhausted: Bool { budget <= 0 }

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func match(_ node: Node, at position: Int, then next: (inout Matcher, Int) -> Bool) -> Bool {
            budget -= 1
            guard budget > 0 else { return false }
            switch node {
            case .scalars(let set):
                guard position < scalars.count, set.contains(scalars[position]) else { return false }
                return next(&self, position + 1)
            case .start:
                return position == 0 && next(&self, position)
            case .end:
                return position == scalars.count && next(&self, position)
            case .endBeforeFinalLineBreak:
                let atEnd = position == scalars.count
                    || position == scalars.count - 1 && SimplePattern.isLineBreak(scalars[position])
                    || position == scalars.count - 2 && scalars[position] == "\r" && scalars[position + 1] == "\n"
                return atEnd && next(&self, position)
            case .sequence(let items):
                return matchSequence(items[...], at: position, then: next)
            case .alternation(let branches):
                for branch in branches where match(branch, at: position, then: next) { return true }
                return false
            case .repetition(.scalars(let set), let min, let max):
                var end = position
                while end < scalars.count, max.map({ end - position < $0 }) ?? true, set.contains(scalars[end]) { end += 1 }
                guard end - position >= min else { return false }
                var stop = end
                while stop >= position + min {
                    if next(&self, stop) { return true }
                    budget -= 1
                    if budget <= 0 { return false }
                    stop -= 1
                }
                return false
            case .repetition(let inner, let min, let max):
                return matchRepetition(inner, min: min, max: max, count: 0, at: position, then: next)
            case .lookahead(let inner, let negated):
                // Whether the lookahead matched is all that counts: what
                // follows never backtracks into it.
                let matched = match(inner, at: position) { _, _ in true }
                guard budget > 0 else { return false }
                return matched != negated && next(&self, position)
            }
        }

        private mutating func matchSequence(
            _ items: ArraySlice<Node>, at position: Int, then next: (inout Matcher, Int) -> Bool
        ) -> Bool {
            guard let first = items.first else { return next(&self, position) }
            return match(first, at: position) { matcher, after in
                matcher.matchSequence(items.dropFirst(), at: after, then: next)
            }
        }

        /// Greedy: one more iteration first, then what follows. An iteration
        /// that matches nothing counts only towards the minimum, so `(a*)*`
        /// ends.
        private mutating func matchRepetition(
            _ inner: Node, min: Int, max: Int?, count: Int, at position: Int, then next: (inout Matcher, Int) -> Bool
        ) -> Bool {
            if max.map({ count < $0 }) ?? true {
                groupIterationsLeft -= 1
                defer { groupIterationsLeft += 1 }
                guard groupIterationsLeft > 0 else {
                    budget = 0  // the caller then asks ICU
                    return false
                }
                let more = match(inner, at: position) { matcher, after in
                    (after != position || count < min)
                        && matcher.matchRepetition(inner, min: min, max: max, count: count + 1, at: after, then: next)
                }
                if more { return true }
            }
            return count >= min && next(&self, position)
        }
    }
}
