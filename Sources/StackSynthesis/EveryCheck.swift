import AWSResources
import CloudFormation
import SecurityRules

/// Every check `synth` runs on a template beside the built-in rules: the
/// checks that use AWS's data, then the security rule pack. Synthesis and
/// `synth validate` both run this list.
public let everyCheck: [any TemplateCheck] = AWSChecks.all + [SecurityRulePack()]
