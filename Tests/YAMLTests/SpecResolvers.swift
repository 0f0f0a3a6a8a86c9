/// The plain-scalar resolution rules of the YAML specs, written as the specs'
/// own regular expressions: an oracle independent of `ScalarSafety`'s
/// hand-written scanner. A plain scalar that either spec resolves to anything
/// but a string would be misread.
enum SpecResolvers {
    /// YAML 1.1 types (yaml.org/type): null, bool, int, float, timestamp, merge, value.
    static let yaml11: [String] = [
        #"~|null|Null|NULL|"#,
        #"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"#,
        #"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"#,
        #"[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"#,
        #"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?(([ \t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?"#,
        #"<<|="#,
    ]

    /// YAML 1.2 core schema (10.3.2), with the JSON schema's forms.
    static let yaml12: [String] = [
        #"null|Null|NULL|~|"#,
        #"true|True|TRUE|false|False|FALSE"#,
        #"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"#,
        #"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"#,
        #"-?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?"#,
    ]

    /// Whether a reader of either spec reads the plain scalar `text` as a non-string.
    static func resolvesToNonString(_ text: String) -> Bool {
        compiled.contains { text.wholeMatch(of: $0) != nil }
    }

    nonisolated(unsafe) private static let compiled: [Regex<AnyRegexOutput>] =
        (yaml11 + yaml12).map { try! Regex($0) }
}
