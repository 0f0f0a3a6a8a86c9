/// The string of an `Fn::Sub`, written as a Swift string literal with
/// interpolations.
///
/// Literal text is `Fn::Sub` syntax, as in a template: `${AWS::Region}` and
/// `${Bucket.Arn}` are placeholders (checked at synthesis), `${!Text}` is a
/// literal `${Text}`. Interpolated values are turned into placeholders:
///
/// | interpolated                   | becomes                                   |
/// |--------------------------------|-------------------------------------------|
/// | `Ref` (`.region`, a parameter) | `${Name}`                                 |
/// | `Fn::GetAtt`                   | `${Resource.Attribute}`                   |
/// | a Swift `String` or `Int`      | its text, with `${` escaped as `${!` (data, never a placeholder) |
/// | any other intrinsic            | `${SubVarN}`, with `SubVarN` in the variable map |
///
/// Only these can be interpolated: anything else fails to compile, so a value
/// can never reach the template as its Swift description.
public struct SubTemplate: ExpressibleByStringInterpolation, Hashable, Sendable {
    public private(set) var text: String
    public private(set) var variables: Object

    public init(stringLiteral value: String) {
        text = value
        variables = [:]
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        variables = stringInterpolation.variables
    }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var variables: Object = [:]

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        public mutating func appendInterpolation(_ value: Value) {
            switch value {
            case .intrinsic(.ref(let name)):
                text += "${\(name)}"
            case .intrinsic(.getAtt(let resource, let attribute)):
                text += "${\(resource).\(attribute)}"
            case .string(let literal):
                appendInterpolation(literal)
            case .integer(let number):
                text += String(number)
            default:
                let name = "SubVar\(variables.entries.count + 1)"
                variables[name] = value
                text += "${\(name)}"
            }
        }

        /// Text from Swift is data: `${` in it is escaped, never a placeholder.
        public mutating func appendInterpolation(_ literal: String) {
            text += SubTemplate.escape(literal)
        }

        public mutating func appendInterpolation(_ number: Int) {
            text += String(number)
        }
    }

    static func escape(_ literal: String) -> String {
        guard literal.contains("${") else { return literal }
        return literal.split(separator: "${", omittingEmptySubsequences: false).joined(separator: "${!")
    }
}
