/// Anything that can stand as a property value in a template: expressions,
/// generated property types, their lists and maps.
public protocol PropertyValue: CustomStringConvertible {
    /// The value as the template holds it.
    var templateValue: Value { get }
}

extension Value: PropertyValue {
    public var templateValue: Value { self }
}

// The generic members below are @inlinable so that the generated types, in
// another module, get versions specialized to their property types: no
// Optional or Array metadata is looked up at run time for a property.
extension Array: PropertyValue where Element: PropertyValue {
    @inlinable public var templateValue: Value { .list(map(\.templateValue)) }
}

/// Maps (tags, environment variables, …) are written with their keys sorted, so
/// a Swift `Dictionary`'s order never reaches a template.
extension Dictionary: PropertyValue where Key == String, Value: PropertyValue {
    @inlinable public var templateValue: CloudFormation.Value {
        .object(Object(keys.sorted().map { Object.Entry($0, self[$0]!.templateValue) }))
    }
}

extension Object {
    /// Sets `key` when there is a value; leaves the object as it is for `nil`.
    /// Generated types use it to write only the properties that were given.
    @inlinable public mutating func set(_ key: String, _ value: (some PropertyValue)?) {
        if let value { entries.append(Entry(key, value.templateValue)) }
    }
}
