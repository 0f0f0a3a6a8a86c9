/// The PCRE constructs that Macie's regex flavor leaves out, and the escapes
/// the tester's engine would read differently from PCRE, found in a pattern
/// before it is tested.
///
/// Macie "supports a subset of the pattern syntax provided by the Perl
/// Compatible Regular Expressions (PCRE) library" and lists what it does not
/// support: backreferences, capturing groups, conditional patterns, embedded
/// code, global pattern flags (such as `/i`, `/m`, `/x`), recursive patterns,
/// and look-ahead and look-behind assertions
/// (https://docs.aws.amazon.com/macie/latest/user/cdis-options.html, "Detection
/// criteria"). ICU, which runs the tester's regexes, accepts most of them, so
/// without this check a pattern could pass here and not in Macie.
///
/// ICU also reads a backslash before a letter it does not know as that
/// letter, where PCRE gives some of those letters a meaning (`\K`, `\C`,
/// `\o{…}`) and rejects the rest (`\j`, `\u`…). Tested here, such a pattern
/// would quietly match something else than in Macie, so it is reported too.
///
/// Decided where the documentation is silent: a flag group that covers the
/// rest of the pattern, `(?i)`, is the inline form of a global flag and is
/// reported; a scoped one, `(?i:…)`, is not global and is let through.
struct UnsupportedRegexSyntax: Hashable {
    enum Construct: String, CaseIterable {
        case backreference = "backreferences"
        case capturingGroup = "capturing groups"
        case conditional = "conditional patterns"
        case embeddedCode = "embedded code"
        case patternFlags = "global pattern flags"
        case recursion = "recursive patterns"
        case lookaround = "look-ahead and look-behind assertions"
        case escapeICUReadsDifferently = "PCRE escapes (\\C, \\K, \\o)"
        case escapeUnknownToPCRE = "escapes PCRE does not define"

        var problem: String {
            switch self {
            case .escapeICUReadsDifferently: "which the tester's regex engine (ICU) reads as plain letters, so it cannot test them"
            case .escapeUnknownToPCRE: "which Macie's PCRE would reject"
            default: "which Macie does not support"
            }
        }

        /// What to write instead, where there is an equivalent.
        var advice: String? {
            switch self {
            case .capturingGroup: "write (?:…) to group without capturing"
            case .patternFlags: "spell the cases out, as in [Aa]"
            default: nil
            }
        }
    }

    var construct: Construct
    /// 1-based positions, in Unicode scalars, of each use in the pattern.
    var positions: [Int]

    /// One message per construct the pattern uses, in `Construct` order.
    var message: String {
        let at = positions.count == 1 ? "character \(positions[0])" : "characters \(positions.map(String.init).joined(separator: ", "))"
        var text = "the regex uses \(construct.rawValue) (at \(at)), \(construct.problem)"
        if let advice = construct.advice { text += ": \(advice)" }
        return text
    }

    static func find(in pattern: String) -> [UnsupportedRegexSyntax] {
        var scanner = PatternScanner(Array(pattern.unicodeScalars))
        let uses = scanner.scan()
        return Construct.allCases.compactMap { construct in
            let positions = uses.filter { $0.construct == construct }.map(\.position)
            return positions.isEmpty ? nil : UnsupportedRegexSyntax(construct: construct, positions: positions)
        }
    }
}

/// Walks a pattern with PCRE's reading of it: escapes, `\Q…\E` quoting,
/// character classes (where `(` and `\1` mean nothing special), and the
/// `(?…)` group syntax that carries most of the unsupported constructs.
private struct PatternScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var uses: [(construct: UnsupportedRegexSyntax.Construct, position: Int)] = []

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func scan() -> [(construct: UnsupportedRegexSyntax.Construct, position: Int)] {
        while index < scalars.count {
            switch scalars[index] {
            case "\\": escape()
            case "[": characterClass()
            case "(": group()
            default: index += 1
            }
        }
        return uses
    }

    private func scalar(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func record(_ construct: UnsupportedRegexSyntax.Construct) {
        uses.append((construct, index + 1))
    }

    /// ASCII letters that PCRE2 gives no meaning after a backslash (it
    /// rejects them; ICU reads them as the letter, or `\u`, `\U` as a
    /// Unicode escape).
    private static let lettersUnknownToPCRE = Set("FIJLMOTUYijlmquy".unicodeScalars)

    /// `\C`, `\K`, `\o` and the letters PCRE does not know, in or out of a class.
    private mutating func recordLetterEscape(_ next: Unicode.Scalar) {
        if next == "C" || next == "K" || next == "o" {
            record(.escapeICUReadsDifferently)
        } else if Self.lettersUnknownToPCRE.contains(next) {
            record(.escapeUnknownToPCRE)
        }
    }

    /// `\1`…`\9`, `\g1`, `\g{…}`, `\g-1`, `\k<…>`, `\k'…'`, `\k{…}` refer
    /// back to a group; `\g<…>` and `\g'…'` call one (PCRE's subroutines,
    /// a form of recursion). `\Q…\E` quotes everything up to `\E`.
    private mutating func escape() {
        guard let next = scalar(1) else {
            index += 1
            return
        }
        switch next {
        case "1"..."9":
            record(.backreference)
        case "g":
            if let after = scalar(2) {
                if after == "<" || after == "'" {
                    record(.recursion)
                } else if after == "{" || after == "-" || after == "+" || ("0"..."9").contains(after) {
                    record(.backreference)
                }
            }
        case "k":
            if let after = scalar(2), after == "<" || after == "'" || after == "{" {
                record(.backreference)
            }
        case "c":
            index += 1  // `\cX` is a control character, whatever X is
        case "Q":
            index += 2
            while index < scalars.count, !(scalars[index] == "\\" && scalar(1) == "E") {
                index += 1
            }
        default:
            recordLetterEscape(next)
        }
        index += 2
    }

    /// Skips a class: a `]` right after `[` or `[^` is a literal, `[:name:]`
    /// is a POSIX class, and escapes are skipped whole.
    private mutating func characterClass() {
        index += 1
        if scalar(0) == "^" { index += 1 }
        if scalar(0) == "]" { index += 1 }
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                if let next = scalar(1) { recordLetterEscape(next) }
                index += 2
            case "[" where scalar(1) == ":":
                index += 2
                while index < scalars.count, !(scalars[index] == ":" && scalar(1) == "]") { index += 1 }
                index += 2
            case "]":
                index += 1
                return
            default:
                index += 1
            }
        }
    }

    private mutating func group() {
        defer { index += 1 }
        guard scalar(1) == "?" else {
            // `(*VERB)` is PCRE's control syntax, not a group; ICU rejects it
            // when the pattern is compiled.
            if scalar(1) != "*" { record(.capturingGroup) }
            return
        }
        guard let kind = scalar(2) else { return }
        switch kind {
        case ":", ">", "|":
            break  // non-capturing, atomic, branch reset
        case "#":
            while index < scalars.count, scalars[index] != ")" { index += 1 }
        case "=", "!":
            record(.lookaround)
        case "<":
            record(scalar(3) == "=" || scalar(3) == "!" ? .lookaround : .capturingGroup)
        case "'":
            record(.capturingGroup)
        case "P":
            switch scalar(3) {
            case "<": record(.capturingGroup)
            case "=": record(.backreference)
            case ">": record(.recursion)
            default: break
            }
        case "(":
            record(.conditional)
            // The condition — `(1)`, `(<name>)`, `(R)`, `(DEFINE)` — is no
            // group; an assertion as condition, `(?(?=…)`, is scanned as one.
            if scalar(3) != "?" {
                index += 3
                while index < scalars.count, scalars[index] != ")" { index += 1 }
            }
        case "{", "C":
            record(.embeddedCode)
        case "?" where scalar(3) == "{":
            record(.embeddedCode)
        case "R", "&", "0"..."9", "+":
            record(.recursion)
        case "-" where scalar(3).map { ("0"..."9").contains($0) } ?? false:
            record(.recursion)
        default:
            if isWholePatternFlagGroup() { record(.patternFlags) }
        }
    }

    /// `(?i)`, `(?x-s)`, `(?^i)`: flag letters closed by `)` rather than `:`.
    private func isWholePatternFlagGroup() -> Bool {
        var offset = 2
        while let next = scalar(offset) {
            if next == ")" { return offset > 2 }
            guard next == "-" || next == "^" || next.properties.isAlphabetic else { return false }
            offset += 1
        }
        return false
    }
}
