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
// `--cpu K` synthesizes K times without the rule pack and K times with it,
// in alternation, and prints the medians of the process's CPU time (every
// thread) for each, and of the rule pack alone on the finished template:
// CPU time, unlike wall time, barely moves when other processes share the
// machine's cores.
//
//   scale-synth N [--format yaml|json] [--rules] [--cpu K]
//   scale-synth --stack NAME [--rules] [--cpu K]
import AWSResources
import CloudFormation
import Foundation
import SecurityRules
import StackSynthesis
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
                keySchema: [.init(attributeName: "id", keyType: .hash)]))
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
    definition = arguments.first.flatMap(Int.init).flatMap {
        $0 > 0 ? ScaleStack(groups: $0, rulesAsWarnings: rules || option("--cpu") != nil || option("--split") != nil) : nil
    }
}
guard let definition, let format = TemplateFormat(rawValue: formatName) else {
    FileHandle.standardError.write(Data("usage: scale-synth N [--format yaml|json] [--rules] [--split DIR] | scale-synth --stack NAME [--rules]\n".utf8))
    exit(2)
}
/// Milliseconds of CPU time the process (all its threads) has used.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

if let rounds = option("--cpu").flatMap(Int.init), rounds > 0 {
    var without: [Double] = [], with: [Double] = [], pack: [Double] = []
    for _ in 0..<rounds {
        for withRules in [false, true] {
            let started = processCPUMilliseconds()
            let (synthesis, rendered) = try synthesize(
                definition, checks: AWSChecks.all + (withRules ? [SecurityRulePack()] : []), limits: .unlimited
            ) { template in try TemplateRenderer.render(template, format: format) }
            _ = try rendered.get()
            let spent = processCPUMilliseconds() - started
            if withRules {
                with.append(spent)
                let before = processCPUMilliseconds()
                _ = SecurityRulePack().diagnostics(for: synthesis.template, stack: synthesis.stack)
                pack.append(processCPUMilliseconds() - before)
            } else {
                without.append(spent)
            }
        }
    }
    print(#"{"without_ms": \#(median(without)), "with_ms": \#(median(with)), "rules_only_ms": \#(median(pack))}"#)
    exit(0)
}

// Within CloudFormation's limits: the stack split into a root and nested
// stacks, as `synth --output` writes it (every check, the rules as warnings).
if let folder = option("--split") {
    do {
        let written = try synthesizeAll([definition], format: format, form: .short)[0]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in [(written.fileName(for: format), written.text)] + written.artifacts.map({ ($0.fileName, $0.text) }) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        exit(0)
    } catch let error as SynthesisError {
        FileHandle.standardError.write(Data("\(error.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))\n".utf8))
        exit(2)
    }
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
