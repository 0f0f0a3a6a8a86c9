import CloudFormation

/// Intrinsic functions as a JSON template writes them: one key, the
/// function's long name, whose value is the argument (`{"Fn::GetAtt": ["Bucket", "Arn"]}`).
///
/// Matching and failure messages see intrinsics in this form, so a pattern can
/// reach into a function's arguments with ordinary object and list patterns, and
/// a path such as `Properties.Role.Fn::GetAtt[0]` means what it says.
enum LongFormIntrinsic {
    static func entry(of function: Intrinsic) -> Object.Entry {
        Object.Entry(function.longName, function.longFormArgument)
    }

    static func object(of function: Intrinsic) -> Object {
        Object([entry(of: function)])
    }
}
