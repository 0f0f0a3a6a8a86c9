import ArgumentParser

/// An option whose values are an enumeration's raw values, named in the help
/// by those raw values. Spelt out rather than left to ArgumentParser's
/// defaults, which describe each value with `String(describing:)`: a search
/// of the runtime's conformance records at every start of `synth`.
protocol NamedChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedChoice {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
