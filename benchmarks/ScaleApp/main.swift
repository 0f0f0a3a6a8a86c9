// The benchmark's scale app: N copies of one group (an S3 bucket, a DynamoDB
// table with a GSI, a Python function with inline code and an environment
// naming the bucket and table, its role, and a policy granting table read and
// bucket put), synthesized with every check synth runs and written as YAML or
// JSON. The same group is written with troposphere and the CDK under
// benchmarks/; the section limits are lifted for this benchmark only.
//
// `--rules` adds the security rule pack, every rule at warning level (the
// group is deliberately bare, as the other tools write it, so every rule has
// findings to report and none stops synthesis). `--stack NAME` synthesizes
// one of the package's stacks instead of N groups, with the checks `synth`
// runs (the rule pack only with `--rules`): the rule pack's cost on the
// walkthrough's stack, measured beside the same run without it
// (benchmarks/rules_cost.py).
//
//   scale-synth N [--format yaml|json] [--rules]
//   scale-synth --stack NAME [--rules]
import AWSResources
import CloudFormation
import Foundation
import SecurityRules
import Stacks
import TemplateRendering

struct ScaleStack: StackDefinition {
    var groups: Int
    var rulesAsWarnings = false
    var name: String { "Scale\(groups)" }

    func build(_ stack: Stack) throws {
        if rulesAsWarnings {
            StackRuleSetting.apply([StackRuleSetting("*", .warning, because: "the benchmark's bare group: every finding reported, none stops")], to: stack)
        }
        for i in 0..<groups {
            let bucket = stack.add(S3.Bucket("Bucket\(i)"))
            let table = stack.add(DynamoDB.Table(
                "Table\(i)",
                attributeDefinitions: [.init(attributeName: "id", attributeType: .s), .init(attributeName: "owner", attributeType: .s)],
                billingMode: .payPerRequest,
                globalSecondaryIndexes: [.init(
                    indexName: "ByOwner", keySchema: [.init(attributeName: "owner", keyType: "HASH")], projection: .init(projectionType: .all))],
                keySchema: [.init(attributeName: "id", keyType: "HASH")]))
            let role = stack.add(IAM.Role("Function\(i)Role", assumeRolePolicyDocument: [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
            ]))
            stack.add(IAM.Policy(
                "Function\(i)Policy",
                policyDocument: [
                    "Version": "2012-10-17",
                    "Statement": [
                        ["Effect": "Allow",
                         "Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
                         "Resource": table.arn.templateValue],
                        ["Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:Scan"], "Resource": .sub("${Table\(i).Arn}/index/*")],
                        ["Effect": "Allow", "Action": "s3:PutObject", "Resource": .sub("${Bucket\(i).Arn}/*")],
                    ],
                ],
                policyName: .literal("Function\(i)Policy"),
                roles: [role.ref]))
            stack.add(Lambda.Function(
                "Function\(i)",
                code: .init(zipFile: "import os\n\ndef handler(event, context):\n    return {\"table\": os.environ[\"TABLE\"], \"bucket\": os.environ[\"BUCKET\"]}\n"),
                environment: .init(variables: ["TABLE": table.ref, "BUCKET": bucket.ref]),
                handler: "index.handler", role: role.arn, runtime: .python3_13, timeout: 30))
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let rules = arguments.contains("--rules")
let formatName = option("--format") ?? "yaml"
let definition: (any StackDefinition)?
if let name = option("--stack") {
    definition = allStacks.first { $0.name == name }
} else {
    definition = arguments.first.flatMap(Int.init).flatMap { $0 > 0 ? ScaleStack(groups: $0, rulesAsWarnings: rules) : nil }
}
guard let definition, let format = TemplateFormat(rawValue: formatName) else {
    FileHandle.standardError.write(Data("usage: scale-synth N [--format yaml|json] [--rules] | scale-synth --stack NAME [--rules]\n".utf8))
    exit(2)
}
do {
    let checks = AWSChecks.all + (rules ? [SecurityRulePack()] : [])
    let (_, rendered) = try synthesize(definition, checks: checks, limits: .unlimited) { template in
        try TemplateRenderer.render(template, format: format)
    }
    FileHandle.standardOutput.write(Data(try rendered.get().utf8))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
