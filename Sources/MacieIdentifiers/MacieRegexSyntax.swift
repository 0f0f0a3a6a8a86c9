/// Whether Macie can run a custom data identifier's regex as written.
public enum MacieRegexSyntax {
    /// One message per PCRE construct the pattern uses that Macie leaves out
    /// (or reads differently); empty when Macie runs it.
    public static func problems(in pattern: String) -> [String] {
        UnsupportedRegexSyntax.find(in: pattern).map(\.message)
    }
}
