/// YAML 1.1's implicit integers and floats, as PyYAML's resolver matches and
/// constructs them (underscores are ignored; `0b`, `0x`, a leading `0` for
/// octal and `:` for base 60 in integers; a float needs a `.` and a signed
/// exponent).
enum YAML11Number {
    private static let zero = UInt8(ascii: "0"), underscore = UInt8(ascii: "_"), dot = UInt8(ascii: "."), colon = UInt8(ascii: ":")

    private static func isDigit(_ byte: UInt8) -> Bool { (zero...UInt8(ascii: "9")).contains(byte) }
    private static func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func isInteger(_ text: [UInt8]) -> Bool {
        var body = text[...]
        if let first = body.first, isSign(first) { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if body.starts(with: Array("0b".utf8)) {
            let digits = body.dropFirst(2)
            return !digits.isEmpty && digits.allSatisfy { $0 == zero || $0 == zero + 1 || $0 == underscore }
        }
        if body.starts(with: Array("0x".utf8)) {
            let digits = body.dropFirst(2)
            return !digits.isEmpty && digits.allSatisfy { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) || $0 == underscore }
        }
        if first == zero {
            let digits = body.dropFirst()
            return digits.allSatisfy { (zero...UInt8(ascii: "7")).contains($0) || $0 == underscore }
        }
        guard isDigit(first) else { return false }
        let groups = body.split(separator: colon, omittingEmptySubsequences: false)
        guard groups[0].allSatisfy({ isDigit($0) || $0 == underscore }) else { return false }
        return groups.dropFirst().allSatisfy(isSexagesimalDigits)
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)? | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`
    static func isFloat(_ text: [UInt8]) -> Bool {
        var body = text[...]
        let signed = body.first.map(isSign) ?? false
        if signed { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if first == dot {
            // A leading dot takes no sign.
            guard !signed, body.count > 1, isDigit(body[body.startIndex + 1]) else { return false }
            return isFraction(body.dropFirst())
        }
        guard isDigit(first), let point = body.firstIndex(of: dot) else { return false }
        let whole = body[..<point]
        let groups = whole.split(separator: colon, omittingEmptySubsequences: false)
        guard groups[0].allSatisfy({ isDigit($0) || $0 == underscore }), groups.dropFirst().allSatisfy(isSexagesimalDigits) else {
            return false
        }
        let fraction = body[body.index(after: point)...]
        if groups.count > 1 { return fraction.allSatisfy { isDigit($0) || $0 == underscore } }
        return isFraction(fraction)
    }

    /// `[0-9_]*([eE][-+][0-9]+)?`
    private static func isFraction(_ text: ArraySlice<UInt8>) -> Bool {
        guard let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return text.allSatisfy { isDigit($0) || $0 == underscore }
        }
        let exponent = text[text.index(after: e)...]
        return text[..<e].allSatisfy { isDigit($0) || $0 == underscore }
            && exponent.count >= 2 && isSign(exponent.first!) && exponent.dropFirst().allSatisfy(isDigit)
    }

    /// `[0-5]?[0-9]`
    private static func isSexagesimalDigits(_ group: ArraySlice<UInt8>) -> Bool {
        switch group.count {
        case 1: isDigit(group.first!)
        case 2: (zero...UInt8(ascii: "5")).contains(group.first!) && isDigit(group.last!)
        default: false
        }
    }

    /// The value of text that `isInteger` accepts; `nil` beyond 64 bits.
    static func integer(_ text: [UInt8]) -> Int? {
        var body = String(decoding: text.filter { $0 != underscore }, as: UTF8.self)
        var sign = ""
        if body.hasPrefix("-") || body.hasPrefix("+") {
            if body.hasPrefix("-") { sign = "-" }
            body.removeFirst()
        }
        if body.hasPrefix("0b") { return Int(sign + body.dropFirst(2), radix: 2) }
        if body.hasPrefix("0x") { return Int(sign + body.dropFirst(2), radix: 16) }
        if body.contains(":") {
            // Base 60, each group a digit of it.
            var total = 0
            for group in body.split(separator: ":") {
                guard let digit = Int(sign + group) else { return nil }
                let (shifted, overflow) = total.multipliedReportingOverflow(by: 60)
                let (sum, carry) = shifted.addingReportingOverflow(digit)
                guard !overflow, !carry else { return nil }
                total = sum
            }
            return total
        }
        if body.hasPrefix("0"), body.count > 1 { return Int(sign + body.dropFirst(), radix: 8) }
        return Int(sign + body)
    }

    /// The value of text that `isFloat` accepts.
    static func float(_ text: [UInt8]) -> Double? {
        var body = String(decoding: text.filter { $0 != underscore }, as: UTF8.self)
        var sign = 1.0
        if body.hasPrefix("-") || body.hasPrefix("+") {
            if body.hasPrefix("-") { sign = -1 }
            body.removeFirst()
        }
        // Base 60: every group but the last is an integer, the last a number.
        var total = 0.0
        for group in body.split(separator: ":", omittingEmptySubsequences: false) {
            guard let number = decimal(group) else { return nil }
            total = total * 60 + number
        }
        return sign * total
    }

    /// Digits with an optional `.` (either side may be empty) and exponent.
    private static func decimal(_ text: Substring) -> Double? {
        var mantissa = text
        var exponent: Substring = ""
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = text[e...]
        }
        if let point = mantissa.firstIndex(of: "."), mantissa[mantissa.index(after: point)...].isEmpty {
            mantissa = mantissa + "0"
        }
        if mantissa.hasPrefix(".") { mantissa = "0" + mantissa }
        return Double(mantissa + exponent)
    }
}
