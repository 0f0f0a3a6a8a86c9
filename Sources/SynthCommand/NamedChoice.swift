import ArgumentParser

/// An option whose values are an enumeration's raw values, named in the help
/// by those raw values. Written out rather than left to ArgumentParser's
/// defaults, which describe every value with `String(describing:)`: at each
/// start of `synth` the first description of a type searches the runtime's
/// conformance records, which cost more than parsing the arguments.
protocol NamedChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedChoice {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
