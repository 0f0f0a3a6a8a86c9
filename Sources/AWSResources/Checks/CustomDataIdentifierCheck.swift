import CloudFormation
import Foundation

/// Macie's limits on a custom data identifier, checked on every
/// `AWS::Macie::CustomDataIdentifier` with literal values: name 1–128 and
/// description 1–512 characters; a regex of 1–512 characters that compiles;
/// at most 50 keywords of 3–90 characters; at most 10 ignore words of 4–90
/// characters; maximum match distance 1–300.
public struct CustomDataIdentifierCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for resource in template.resources where resource.type == "AWS::Macie::CustomDataIdentifier" {
            let base: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            func error(_ key: String, _ message: String, index: Int? = nil) {
                var path = base.appending(key)
                if let index { path = path.appending(index: index) }
                diagnostics.append(Diagnostic(.error, stack: stack, path: path, message))
            }
            let properties = resource.properties
            if case .string(let name)? = properties["Name"], !(1...128).contains(name.count) {
                error("Name", "the name has \(name.count) characters; Macie allows 1 to 128")
            }
            if case .string(let text)? = properties["Description"], !(1...512).contains(text.count) {
                error("Description", "the description has \(text.count) characters; Macie allows 1 to 512")
            }
            if case .string(let regex)? = properties["Regex"] {
                if !(1...512).contains(regex.count) {
                    error("Regex", "the regex has \(regex.count) characters; Macie allows 1 to 512")
                } else if let problem = Self.compileProblem(regex) {
                    error("Regex", "the regex does not compile: \(problem)")
                }
            }
            for (key, limit, lengths) in [("Keywords", 50, 3...90), ("IgnoreWords", 10, 4...90)] {
                guard case .list(let items)? = properties[key] else { continue }
                if items.count > limit { error(key, "\(items.count) entries; Macie allows at most \(limit)") }
                for (index, item) in items.enumerated() {
                    if case .string(let word) = item, !lengths.contains(word.count) {
                        error(key, "'\(word)' has \(word.count) characters; Macie allows \(lengths.lowerBound) to \(lengths.upperBound)", index: index)
                    }
                }
            }
            if case .integer(let distance)? = properties["MaximumMatchDistance"], !(1...300).contains(distance) {
                error("MaximumMatchDistance", "\(distance) is outside Macie's 1 to 300")
            }
        }
        return diagnostics
    }

    /// ICU's regular expressions stand in for Macie's (both are Perl-like); a
    /// pattern neither accepts is a mistake worth stopping for. A pattern in
    /// the plain subset both accept is not handed to ICU at all.
    static func compileProblem(_ regex: String) -> String? {
        if PlainRegexSyntax.isCertainlyValid(regex) { return nil }
        return (try? NSRegularExpression(pattern: regex)) == nil ? "'\(regex)' is not a valid regular expression" : nil
    }
}
