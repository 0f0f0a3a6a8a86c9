/// A two-level lookup table read with `Fn::FindInMap`.
public struct Mapping: Hashable, Sendable {
    public var name: String
    /// Top-level key → (second-level key → value), in the order written.
    public var entries: [(key: String, values: Object)] {
        get { storage.map { ($0.key, $0.values) } }
        set { storage = newValue.map { Level($0.key, $0.values) } }
    }

    private struct Level: Hashable, Sendable {
        var key: String
        var values: Object
        init(_ key: String, _ values: Object) {
            self.key = key
            self.values = values
        }
    }

    private var storage: [Level]

    public init(_ name: String, _ entries: KeyValuePairs<String, Object>) {
        self.name = name
        storage = entries.map { Level($0.key, $0.value) }
    }

    public init(_ name: String, entries: [(key: String, values: Object)]) {
        self.name = name
        storage = entries.map { Level($0.key, $0.values) }
    }

    /// `Fn::FindInMap` into this mapping.
    public func find(_ topLevelKey: Value, _ secondLevelKey: Value) -> Value {
        .findInMap(name, topLevelKey, secondLevelKey)
    }

    /// `Fn::FindInMap` with a typed key (`settings.find(environment.ref, "Size")`).
    public func find(_ topLevelKey: some PropertyValue, _ secondLevelKey: Value) -> Value {
        .findInMap(name, topLevelKey.templateValue, secondLevelKey)
    }
}
