import CloudFormation

/// The messages for a query that has nothing to look at: no resource of the
/// type, no output of the name. They list what the template does have, since a
/// misspelt type or name is the usual cause.
enum MissingEntryMessage {
    /// `The template has no AWS::S3::Bukket resource. Did you mean AWS::S3::Bucket?
    /// Its resource types: AWS::IAM::Role (1), AWS::S3::Bucket (2).`
    static func noResource(ofType type: String, in template: Template) -> String {
        guard !template.resources.isEmpty else {
            return "The template has no \(type) resource; it has no resources at all."
        }
        // Counted in template order, then listed by name: deterministic, and
        // easy to scan for the type one meant.
        var counts: [(type: String, count: Int)] = []
        for resource in template.resources {
            if let index = counts.firstIndex(where: { $0.type == resource.type }) {
                counts[index].count += 1
            } else {
                counts.append((resource.type, 1))
            }
        }
        counts.sort { $0.type < $1.type }
        var message = "The template has no \(type) resource."
        let suggestions = closeNames(to: type, among: counts.map(\.type))
        if !suggestions.isEmpty {
            message += " Did you mean \(suggestions.joined(separator: " or "))?"
        }
        let types = counts.map { "\($0.type) (\($0.count))" }.joined(separator: ", ")
        return message + "\nResource types in the template: \(types)."
    }

    /// `The template has no output named Url. Did you mean URL? Its outputs: A, URL.`
    static func noEntry(named name: String, noun: String, pluralNoun: String, existing: [String]) -> String {
        guard !existing.isEmpty else { return "The template has no \(pluralNoun)." }
        var message = "The template has no \(noun) named \(name)."
        let suggestions = closeNames(to: name, among: existing)
        if !suggestions.isEmpty {
            message += " Did you mean \(suggestions.joined(separator: " or "))?"
        }
        return message + "\n\(TemplateQuery.capitalized(pluralNoun)) in the template: \(TemplateQuery.list(existing))."
    }

    /// The names nearest to `name` ignoring case, if any is within a few edits.
    static func closeNames(to name: String, among names: [String]) -> [String] {
        let scored = names.map { ($0, SpellingSuggestion.distance(name, $0)) }
        guard let best = scored.map(\.1).min(), best <= 3 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }
}
