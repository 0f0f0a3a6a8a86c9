/// IAM's wildcards, `*` (any run of characters) and `?` (one character), on
/// both sides of a comparison.
///
/// A policy's pattern is compared with what a request names. When the request
/// names one thing (`s3:GetObject`, `arn:aws:s3:::b/k`) that is ordinary
/// matching. When the request itself has wildcards (`s3:Get*`,
/// `arn:aws:s3:::b/*`: "every object"), two questions differ: does the
/// pattern **cover** every string the request stands for (what an Allow
/// needs), and do they **overlap** at all (enough for a Deny to bite)?
///
/// In ARNs (the Resource element, `Arn…` conditions) a `*` stays inside its
/// colon-separated segment unless it is the segment's last character, which
/// "can expand to match beyond the colon boundaries" (IAM User Guide, "IAM
/// JSON policy elements: Resource"); `?` never matches a colon there.
public struct IAMWildcard: Hashable, Sendable {
    public enum Token: Hashable, Sendable {
        case byte(UInt8)
        /// `*`; `spansColons` is false for a `*` inside an ARN segment.
        case anyRun(spansColons: Bool)
        /// `?`; `matchesColon` is false inside an ARN.
        case anyByte(matchesColon: Bool)
    }

    public let tokens: [Token]
    /// Whether any token is `*` or `?`: a plain string otherwise.
    public let hasWildcards: Bool
    /// Whether every wildcard may match colons, so plain matching applies.
    private let wildcardsSpanColons: Bool

    public init(tokens: [Token]) {
        self.tokens = tokens
        var hasWildcards = false, spanning = true
        for token in tokens {
            switch token {
            case .byte: continue
            case .anyRun(let spans): spanning = spanning && spans
            case .anyByte(let colon): spanning = spanning && colon
            }
            hasWildcards = true
        }
        self.hasWildcards = hasWildcards
        wildcardsSpanColons = spanning
    }

    private static let colon = UInt8(ascii: ":")

    /// A policy's pattern. `${key}` is replaced by the value `variable`
    /// gives for the policy variable (its characters literal), and `${*}`,
    /// `${?}`, `${$}` are those characters, literally. `nil` when a variable
    /// has no value: the caller cannot decide the match.
    public static func pattern(
        _ text: String, arn: Bool = false, lowercased: Bool = false, variable: (String) -> String? = { _ in nil }
    ) -> IAMWildcard? {
        var tokens: [Token] = []
        let bytes = Array((lowercased ? text.lowercased() : text).utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
            {
                let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                switch name {
                case "*", "?", "$":
                    tokens.append(.byte(name.utf8.first!))
                default:
                    guard let value = variable(name) else { return nil }
                    tokens += (lowercased ? value.lowercased() : value).utf8.map(Token.byte)
                }
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "*"):
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                tokens.append(.anyRun(spansColons: !arn || next == nil || next == colon))
            case UInt8(ascii: "?"):
                tokens.append(.anyByte(matchesColon: !arn))
            default:
                tokens.append(.byte(byte))
            }
            index += 1
        }
        return IAMWildcard(tokens: tokens)
    }

    /// What a request names: its `*` and `?` stand for any characters (a
    /// set of resources or actions); nothing else is special. In an ARN they
    /// keep to their segment as a policy's do, so that a request for
    /// `arn:aws:s3:::*/*` is covered by a policy's `arn:aws:s3:::*/*`.
    public static func request(_ text: String, lowercased: Bool = false, arn: Bool = false) -> IAMWildcard {
        // ASCII lowercasing: action names are ASCII, and this runs for every request.
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count)
        var previousWasStar = false
        for byte in text.utf8 {
            if previousWasStar, arn, byte != colon, case .anyRun = tokens[tokens.count - 1] {
                tokens[tokens.count - 1] = .anyRun(spansColons: false)  // a `*` inside an ARN segment
            }
            previousWasStar = byte == UInt8(ascii: "*")
            switch byte {
            case UInt8(ascii: "*"): tokens.append(.anyRun(spansColons: true))
            case UInt8(ascii: "?"): tokens.append(.anyByte(matchesColon: !arn))
            case 65...90 where lowercased: tokens.append(.byte(byte + 32))
            default: tokens.append(.byte(byte))
            }
        }
        return IAMWildcard(tokens: tokens)
    }

    /// A pattern as a template writes it, compared with another such pattern:
    /// `*` and `?` are wildcards (in an ARN, kept to their segment as in a
    /// policy), and a `${…}` placeholder (`${AWS::Region}`, `${Bucket.Arn}`) is
    /// text like any other, its `::` read as no segment boundary, so two
    /// texts compare by what they write.
    public static func templateText(_ text: String, arn: Bool = false, lowercased: Bool = false) -> IAMWildcard {
        guard text.contains("${") else { return request(text, lowercased: lowercased, arn: arn) }
        var spelled = "", rest = text[...]
        while let open = rest.firstRange(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            spelled += rest[..<open.lowerBound] + rest[open.lowerBound...close].replacing(":", with: ".")
            rest = rest[rest.index(after: close)...]
        }
        return request(spelled + rest, lowercased: lowercased, arn: arn)
    }

    /// A value taken literally: `*` and `?` are just characters (a
    /// condition key's value in the request).
    public static func request(literal text: String) -> IAMWildcard {
        IAMWildcard(tokens: text.utf8.map(Token.byte))
    }

    /// The text again, wildcards written as `*` and `?`.
    public var literalText: String {
        String(decoding: tokens.map { token -> UInt8 in
            switch token {
            case .byte(let byte): byte
            case .anyRun: UInt8(ascii: "*")
            case .anyByte: UInt8(ascii: "?")
            }
        }, as: UTF8.self)
    }

    /// Whether every string `request` stands for matches this pattern.
    public func covers(_ request: IAMWildcard) -> Bool {
        if !request.hasWildcards, let fast = fastMatch(request) { return fast }
        return reachable(request, otherStarsMayBeEmpty: false) { pattern, requested in
            switch (pattern, requested) {
            case (.anyRun(let spans), .byte(let byte)):
                return (spans || byte != Self.colon) ? [.absorb] : []
            case (.anyRun(let spans), .anyRun(let requestSpans)):
                return (spans || !requestSpans) ? [.absorb] : []
            case (.anyRun(let spans), .anyByte(let requestColon)):
                return (spans || !requestColon) ? [.absorb] : []
            case (.anyByte(let colon), .byte(let byte)):
                return (colon || byte != Self.colon) ? [.both] : []
            case (.anyByte(let colon), .anyByte(let requestColon)):
                return (colon || !requestColon) ? [.both] : []
            case (.byte(let a), .byte(let b)):
                return a == b ? [.both] : []
            default:
                return []
            }
        }
    }

    /// Whether some string matches both. Colon limits are ignored here,
    /// which can only find more overlaps: the careful direction for a Deny.
    public func overlaps(_ other: IAMWildcard) -> Bool {
        if !hasWildcards || !other.hasWildcards {
            return hasWildcards ? covers(other) : (other.hasWildcards ? other.covers(self) : tokens == other.tokens)
        }
        return reachable(other, otherStarsMayBeEmpty: true) { lhs, rhs in
            switch (lhs, rhs) {
            case (.anyRun, .anyRun): return [.absorb, .absorbOther]
            case (.anyRun, _): return [.absorb]
            case (_, .anyRun): return [.absorbOther]
            case (.byte(let a), .byte(let b)): return a == b ? [.both] : []
            default: return [.both]
            }
        }
    }

    private enum Step { case both, absorb, absorbOther }

    /// Whether both token lists can be consumed to their ends, where a `*`
    /// of this side may match nothing, and `steps` says how a pair of tokens
    /// may advance: both, or one side's `*` absorbing the other's token. When
    /// asking whether this pattern covers `other`, the other side's `*` must
    /// be absorbed by a `*` here (it stands for every run, not just the empty
    /// one); when asking about overlap it may match nothing too.
    private func reachable(_ other: IAMWildcard, otherStarsMayBeEmpty: Bool, steps: (Token, Token) -> [Step]) -> Bool {
        let lhs = tokens, rhs = other.tokens
        let width = rhs.count + 1
        var seen = [Bool](repeating: false, count: (lhs.count + 1) * width)
        var stack = [(0, 0)]
        seen[0] = true
        func visit(_ i: Int, _ j: Int) {
            guard !seen[i * width + j] else { return }
            seen[i * width + j] = true
            stack.append((i, j))
        }
        while let (i, j) = stack.popLast() {
            if i == lhs.count, j == rhs.count { return true }
            if i < lhs.count, case .anyRun = lhs[i] { visit(i + 1, j) }
            if otherStarsMayBeEmpty, j < rhs.count, case .anyRun = rhs[j] { visit(i, j + 1) }
            guard i < lhs.count, j < rhs.count else { continue }
            for step in steps(lhs[i], rhs[j]) {
                switch step {
                case .both: visit(i + 1, j + 1)
                case .absorb: visit(i, j + 1)
                case .absorbOther: visit(i + 1, j)
                }
            }
        }
        return false
    }

    /// Classic two-pointer matching of a plain string, for patterns whose
    /// wildcards all match colons (actions, most ARNs); `nil` to defer to
    /// the general search.
    private func fastMatch(_ request: IAMWildcard) -> Bool? {
        guard wildcardsSpanColons, !request.hasWildcards else { return nil }
        let text = request.tokens
        var t = 0, p = 0, star: Int?, afterStar = 0
        while t < text.count {
            if p < tokens.count {
                switch tokens[p] {
                case .byte(let byte) where text[t] == .byte(byte):
                    t += 1
                    p += 1
                    continue
                case .anyByte:
                    t += 1
                    p += 1
                    continue
                case .anyRun:
                    star = p
                    afterStar = t
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard let starIndex = star else { return false }
            afterStar += 1
            t = afterStar
            p = starIndex + 1
        }
        while p < tokens.count, case .anyRun = tokens[p] { p += 1 }
        return p == tokens.count
    }
}
