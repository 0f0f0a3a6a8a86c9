/// How intrinsic functions are written in YAML.
public enum IntrinsicForm: String, CaseIterable, Sendable {
    /// `!Ref Bucket`, `!GetAtt Bucket.Arn`: as AWS's documentation and most
    /// hand-written templates do. An intrinsic whose argument is itself a
    /// short-form intrinsic falls back to the long form, since YAML allows one
    /// tag per node (`Fn::Base64: !Sub ...`).
    case short
    /// `Ref: Bucket`, `Fn::GetAtt: [Bucket, Arn]`: as JSON templates and the CDK do.
    case long
}
