/// A stack output: a value shown after deployment, optionally exported for
/// other stacks' `Fn::ImportValue`.
public struct Output: Hashable, Sendable {
    public var logicalID: String
    public var value: Value
    public var description: String?
    /// The export name; unique within an account and region.
    public var exportName: Value?
    public var condition: String?

    public init(
        _ logicalID: String,
        value: Value,
        description: String? = nil,
        exportName: Value? = nil,
        condition: String? = nil
    ) {
        self.logicalID = logicalID
        self.value = value
        self.description = description
        self.exportName = exportName
        self.condition = condition
    }
}
