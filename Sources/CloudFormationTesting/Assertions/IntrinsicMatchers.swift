import CloudFormation

// Intrinsic functions as patterns, whose arguments may themselves be matchers:
// `.getAtt("ExportRole", "Arn")`, `.getAtt(.anyValue, "Arn")`, `.ref(.stringMatching("Export.*"))`.
// Each is the function's long-form object with no other key, matched
// against the template's value in its long form (see `Matcher`). For any other
// function, write `Matcher(someValue)` or `.function("Fn::Select", [0, .anyValue])`.
extension Matcher {
    /// `{"Ref": name}`.
    public static func ref(_ name: Matcher) -> Matcher {
        function("Ref", name)
    }

    /// `{"Fn::GetAtt": [resource, attribute]}`.
    public static func getAtt(_ resource: Matcher, _ attribute: Matcher) -> Matcher {
        function("Fn::GetAtt", [resource, attribute])
    }

    /// `{"Fn::Sub": text}`. With a variable map the argument is a list
    /// `[text, variables]`, which a string pattern does not match; write
    /// `.function("Fn::Sub", [text, variables])` for that form.
    public static func sub(_ text: Matcher) -> Matcher {
        function("Fn::Sub", text)
    }

    /// `{"Fn::Join": [delimiter, values]}`.
    public static func join(_ delimiter: Matcher, _ values: Matcher) -> Matcher {
        function("Fn::Join", [delimiter, values])
    }

    /// `{"Fn::ImportValue": name}`.
    public static func importValue(_ name: Matcher) -> Matcher {
        function("Fn::ImportValue", name)
    }

    /// Any intrinsic function by its long name (`Fn::Select`, `Condition`, …)
    /// and a pattern for its argument, laid out as in a JSON template.
    public static func function(_ longName: String, _ argument: Matcher) -> Matcher {
        Matcher(kind: .object([Entry(key: longName, matcher: argument)], .function))
    }
}
