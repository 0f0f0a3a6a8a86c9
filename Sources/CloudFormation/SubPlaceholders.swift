/// The `${...}` placeholders of an `Fn::Sub` string.
public enum SubPlaceholders {
    public struct Placeholder: Hashable, Sendable {
        /// A parameter, resource, pseudo parameter or variable name.
        public var name: String
        /// For `${Resource.Attribute}`, the attribute.
        public var attribute: String?

        public init(name: String, attribute: String?) {
            self.name = name
            self.attribute = attribute
        }
    }

    public struct Problem: Error, Hashable {
        public var message: String
    }

    /// The placeholders in order of appearance. `${!Literal}` is text, not a
    /// placeholder; `${` without a closing `}` is an error, since CloudFormation
    /// would not substitute what the author meant to.
    public static func parse(_ text: String) -> Result<[Placeholder], Problem> {
        var placeholders: [Placeholder] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            let afterOpening = rest[start.upperBound...]
            guard let end = afterOpening.firstIndex(of: "}") else {
                return .failure(Problem(message: "'${' without a closing '}' in Fn::Sub string"))
            }
            let content = afterOpening[..<end]
            rest = afterOpening[afterOpening.index(after: end)...]
            if content.hasPrefix("!") { continue }
            guard !content.isEmpty else {
                return .failure(Problem(message: "empty placeholder '${}' in Fn::Sub string"))
            }
            if let dot = content.firstIndex(of: ".") {
                placeholders.append(Placeholder(
                    name: String(content[..<dot]), attribute: String(content[content.index(after: dot)...])))
            } else {
                placeholders.append(Placeholder(name: String(content), attribute: nil))
            }
        }
        return .success(placeholders)
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
