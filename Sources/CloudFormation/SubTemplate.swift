/// The string of an `Fn::Sub`, written as a Swift interpolated string.
///
/// | interpolated                  | becomes                                   |
/// |-------------------------------|-------------------------------------------|
/// | `Ref` (`.region`, a parameter)| `${Name}`                                 |
/// | `Fn::GetAtt`                  | `${Resource.Attribute}`                   |
/// | a string or number literal    | its text, with `${` escaped as `${!`      |
/// | any other intrinsic           | `${SubVarN}`, with `SubVarN` in the variable map |
///
/// Literal text is escaped the same way, so `"${NotAName}"` written in Swift
/// stays that literal text in the deployed string.
public struct SubTemplate: ExpressibleByStringInterpolation, Hashable, Sendable {
    public private(set) var text: String
    public private(set) var variables: Object

    public init(stringLiteral value: String) {
        text = Self.escape(value)
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
            text += SubTemplate.escape(literal)
        }

        public mutating func appendInterpolation(_ value: Value) {
            switch value {
            case .intrinsic(.ref(let name)):
                text += "${\(name)}"
            case .intrinsic(.getAtt(let resource, let attribute)):
                text += "${\(resource).\(attribute)}"
            case .string(let literal):
                text += SubTemplate.escape(literal)
            case .integer(let number):
                text += String(number)
            default:
                let name = "SubVar\(variables.entries.count + 1)"
                variables[name] = value
                text += "${\(name)}"
            }
        }
    }

    /// `${` in literal text must not be read as a placeholder.
    static func escape(_ literal: String) -> String {
        literal.replacingOccurrences(of: "${", with: "${!")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
