import CloudFormation

extension Template {
    /// The resources by logical ID, for lookups in a loop over another
    /// template's resources (`resource(_:)` searches the list). A logical ID
    /// is unique in a template; should one repeat, the first is kept, as
    /// `resource(_:)` finds it.
    var resourcesByID: [String: Resource] {
        Dictionary(resources.map { ($0.logicalID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
