import CloudFormation

/// A function's inline code (`Code.ZipFile`) must fit CloudFormation's limit
/// of 4,096 bytes; larger code goes in a package beside the template
/// (`Function.Code.file` or `.folder` in AWSConstructs). Only a literal is
/// measured: an intrinsic is only known at deploy time.
public struct InlineCodeSizeCheck: TemplateCheck {
    public static let limit = 4_096

    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        template.resources.compactMap { resource in
            guard resource.type == "AWS::Lambda::Function",
                  case .object(let code)? = resource.properties["Code"],
                  case .string(let source)? = code["ZipFile"],
                  source.utf8.count > Self.limit
            else { return nil }
            return Diagnostic(
                .error, stack: stack, path: ["Resources", resource.logicalID, "Properties", "Code", "ZipFile"],
                "inline code is \(source.utf8.count) bytes; CloudFormation takes at most \(Self.limit): package it from a file or folder instead")
        }
    }
}
