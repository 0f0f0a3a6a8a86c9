/// A CloudFormation template: the model that rendering writes as YAML or JSON.
///
/// Every section keeps the order its elements were added in; the renderer
/// writes sections in CloudFormation's canonical order.
public struct Template: Hashable, Sendable {
    public var formatVersion: String?
    public var description: String?
    public var metadata: Object
    public var parameters: [Parameter]
    public var mappings: [Mapping]
    public var conditions: [Condition]
    /// Macros to process the template with, such as `AWS::LanguageExtensions`.
    public var transforms: [String]
    public var resources: [Resource]
    public var outputs: [Output]
    /// Sections kept as written, which the model does not type: `Rules`
    /// (parameter assertions), `Globals` (SAM's defaults for its resources)
    /// and `Hooks`. Empty when absent.
    public var rules: Object = [:]
    public var globals: Object = [:]
    public var hooks: Object = [:]
    /// `Fn::ForEach::Name` loops among the resources and among the outputs,
    /// under their keys, each the loop's list as written; they need the
    /// `AWS::LanguageExtensions` transform, which expands them.
    public var resourceLoops: Object = [:]
    public var outputLoops: Object = [:]

    public init(
        formatVersion: String? = "2010-09-09",
        description: String? = nil,
        metadata: Object = [:],
        parameters: [Parameter] = [],
        mappings: [Mapping] = [],
        conditions: [Condition] = [],
        transforms: [String] = [],
        resources: [Resource] = [],
        outputs: [Output] = []
    ) {
        self.formatVersion = formatVersion
        self.description = description
        self.metadata = metadata
        self.parameters = parameters
        self.mappings = mappings
        self.conditions = conditions
        self.transforms = transforms
        self.resources = resources
        self.outputs = outputs
    }

    public func resource(_ logicalID: String) -> Resource? {
        resources.first { $0.logicalID == logicalID }
    }

    public func parameter(_ logicalID: String) -> Parameter? {
        parameters.first { $0.logicalID == logicalID }
    }
}
