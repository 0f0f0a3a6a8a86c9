/// Where `Fn::ForEach` loops stand: an entry whose key is `Fn::ForEach::`
/// and the loop's name, whose value is the identifier, the collection and
/// the fragment to repeat (`Intrinsic.forEach` lays it out). A mapping that is
/// one loop is the value `.forEach`; the loops among the resources and
/// outputs of a template, among its conditions, or beside other entries of a
/// mapping stay entries under their keys. The `AWS::LanguageExtensions`
/// transform expands them.
public enum ForEachLoop {
    public static let keyPrefix = "Fn::ForEach::"

    /// Whether `key` is a loop's key. Most keys a walk over a template meets
    /// are told apart by their first byte, without comparing characters.
    public static func isLoop(_ key: String) -> Bool { key.utf8.first == UInt8(ascii: "F") && key.hasPrefix(keyPrefix) }
}
