/// `Fn::ForEach`, the language extensions' loop: an entry whose key is
/// `Fn::ForEach::` and the loop's name, whose value is the identifier, the
/// collection and the fragment to repeat. It may stand among resources,
/// outputs, conditions or properties; the `AWS::LanguageExtensions` transform
/// expands it.
public enum ForEachLoop {
    public static let keyPrefix = "Fn::ForEach::"

    public static func isLoop(_ key: String) -> Bool { key.hasPrefix(keyPrefix) }
}
