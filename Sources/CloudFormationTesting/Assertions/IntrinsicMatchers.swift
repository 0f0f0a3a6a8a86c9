import CloudFormation

// Intrinsic functions as patterns, whose arguments may themselves be matchers:
// `.getAtt("ExportRole", "Arn")`, `.getAtt(.anyValue, "Arn")`, `.ref(.stringMatching("Export.*"))`.
// Each is the function's long-form object with no other key, matched
// against the template's value in its long form (see `Matcher`), laid out as
// `Intrinsic.longFormArgument` lays out the function. For any other
// function, write `Matcher(someValue)` or `.function("Fn::Select", [0, .anyValue])`.
extension Matcher {
    /// `{"Ref": name}`.
    public static func ref(_ name: Matcher) -> Matcher {
        laidOut([name]) { .ref($0[0]) }
    }

    /// `{"Fn::GetAtt": [resource, attribute]}`.
    public static func getAtt(_ resource: Matcher, _ attribute: Matcher) -> Matcher {
        laidOut([resource, attribute]) { .getAtt(resource: $0[0], attribute: $0[1]) }
    }

    /// `{"Fn::Sub": text}`. With a variable map the argument is a list
    /// `[text, variables]`, which a string pattern does not match; write
    /// `.function("Fn::Sub", [text, variables])` for that form.
    public static func sub(_ text: Matcher) -> Matcher {
        laidOut([text]) { .sub($0[0]) }
    }

    /// `{"Fn::Join": [delimiter, values]}`.
    public static func join(_ delimiter: Matcher, _ values: Matcher) -> Matcher {
        laidOut([delimiter, values]) { .join(delimiter: $0[0], values: .string($0[1])) }
    }

    /// `{"Fn::ImportValue": name}`.
    public static func importValue(_ name: Matcher) -> Matcher {
        laidOut([name]) { .importValue(.string($0[0])) }
    }

    /// Any intrinsic function by its long name (`Fn::Select`, `Condition`, …)
    /// and a pattern for its argument, laid out as in a JSON template.
    public static func function(_ longName: String, _ argument: Matcher) -> Matcher {
        Matcher(kind: .object([Entry(key: longName, matcher: argument)], .function))
    }

    /// The function `build` makes of placeholder texts, as a pattern with
    /// `arguments` standing where the placeholders are in its long form.
    private static func laidOut(_ arguments: [Matcher], _ build: ([String]) -> Intrinsic) -> Matcher {
        // The layouts of these functions hold no other text, so each placeholder stands for one argument.
        let placeholders = arguments.indices.map { "\u{0}argument \($0)" }
        let made = build(placeholders)
        return function(made.longName, Matcher(made.longFormArgument, standIns: Dictionary(uniqueKeysWithValues: zip(placeholders, arguments))))
    }
}
