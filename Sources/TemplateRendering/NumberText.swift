/// How numbers are spelled, so that YAML 1.1, YAML 1.2 and JSON readers all
/// read the same number back.
enum NumberText {
    /// Swift's shortest round-trip spelling, with a `.` in the mantissa and a
    /// sign in the exponent: YAML 1.1 reads `1e-05` as a string, `1.0e-05` as a
    /// float. Synthesis has already rejected infinities and NaN.
    static func double(_ number: Double) -> String {
        var text = String(number)
        if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<exponent])
            var power = String(text[text.index(after: exponent)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !power.hasPrefix("-") && !power.hasPrefix("+") { power = "+" + power }
            text = mantissa + "e" + power
        } else if !text.contains(".") {
            text += ".0"
        }
        return text
    }

    /// Parameter bounds (`MinValue: 1`) read best as integers when they are.
    static func parameterBound(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return double(number)
    }
}
