// expect: generic struct 'TemplateExpression' requires the types 'Int' and 'String' be equivalent
import AWSResources
import CloudFormation

let function = Lambda.Function(
    "Function", code: .init(zipFile: "x = 1\n"), handler: "index.handler",
    role: "arn:aws:iam::123456789012:role/r", runtime: .python3_13, timeout: "30")
