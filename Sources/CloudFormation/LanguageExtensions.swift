/// The `AWS::LanguageExtensions` transform, which `Fn::ForEach`,
/// `Fn::Length`, `Fn::ToJsonString`, a `DefaultValue` in `Fn::FindInMap` and
/// functions in `DeletionPolicy` and `UpdateReplacePolicy` need.
public enum LanguageExtensions {
    public static let transform = "AWS::LanguageExtensions"
}
