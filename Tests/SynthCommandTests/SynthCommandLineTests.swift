import Foundation
import Stacks
import SynthCommand
import CloudFormation
import Testing

/// A catalog for reading the command's configuration.
private enum NoStacks: StackCatalog {
    static var stacks: [any StackDefinition] { [] }
}

@Suite("synth, run as a user runs it")
struct SynthCommandLineTests {
    @Test("with no arguments prints the default stack's template, the one committed in generated/")
    func printsDefaultStack() throws {
        let result = try Executable.synth.run([])
        #expect(result.status == 0)
        #expect(onlySecuritySummary(result.stderr), "\(result.stderr)")
        #expect(result.stderr.contains("\n  suppressed S3-ACCESS-LOGS on AccessLogsS3Bucket: "))
        let committed = try String(contentsOf: Executable.packageRoot.appendingPathComponent("generated/\(allStacks[0].name).yaml"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test("--list names the stacks, the default first")
    func list() throws {
        let result = try Executable.fixtures.run(["--list"])
        #expect(result.status == 0)
        #expect(result.stdout == "Valid\nBroken\nAlsoBroken\nInsecure\nEveryResourceType\nEveryConstruct\ndiff\nFolderFunction\nManyServices\n")
    }

    @Test("a named stack, in JSON")
    func namedStackJSON() throws {
        let result = try Executable.fixtures.run(["Valid", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Metadata": {
                "synth": {
                  "rules": [
                    {
                      "rule": "*",
                      "level": "off",
                      "reason": "a fixture of the command line, not a stack to deploy"
                    }
                  ]
                }
              },
              "Resources": {
                "Queue": {
                  "Type": "AWS::SQS::Queue",
                  "Properties": {
                    "SqsManagedSseEnabled": true
                  }
                }
              },
              "Outputs": {
                "QueueURL": {
                  "Value": {
                    "Ref": "Queue"
                  }
                }
              }
            }

            """)
    }

    @Test("an invalid stack: every problem on stderr, exit 2, nothing on stdout")
    func invalidStack() throws {
        let result = try Executable.fixtures.run(["Broken"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: Broken: Outputs.Missing.Value.Ref: Ref to 'Thrid', which is not a parameter, resource or pseudo parameter of the stack
            error: Broken: Resources.First: dependency cycle: First → Second → First
            synth: 2 errors; nothing written

            """)
    }

    @Test("--output with an invalid stack among valid ones writes no file at all, and reports every stack's problems")
    func noPartialOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.fixtures.run(["--output", folder.path])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(result.stderr.contains("error: Broken: Resources.First: dependency cycle"))
        #expect(result.stderr.contains("error: AlsoBroken: Resources.Topic.Condition: condition 'Undeclared' is not declared in Conditions"))
        #expect(result.stderr.contains("error: Insecure: Resources.Bucket.Properties.BucketEncryption: [S3-KMS]"))
        #expect(result.stderr.hasSuffix("synth: 6 errors; nothing written\n"))
    }

    @Test("a stack the security rules stop: each finding by rule, resource and path, the waived rule silent, the suppression that waives nothing a warning; exit 2")
    func insecureStack() throws {
        let result = try Executable.fixtures.run(["Insecure"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map { $0.components(separatedBy: ". Fix: ")[0] }
        #expect(lines == [
            "error: Insecure: Resources.Bucket.Properties.BucketEncryption: [S3-KMS] the bucket has no encryption setting",
            "error: Insecure: Resources.Bucket.Properties.PublicAccessBlockConfiguration: [S3-PUBLIC-ACCESS] the bucket has no PublicAccessBlockConfiguration",
            "error: Insecure: Resources.Bucket: [S3-TLS] no bucket policy names the bucket",
            "warning: Insecure: Resources.Bucket.Properties.LoggingConfiguration: [S3-ACCESS-LOGS] the bucket writes no access logs",
            "warning: Insecure: Resources.Bucket.Metadata.synth.suppress[0]: the suppression of S3-PUBLIC-ACL waives nothing on Bucket: remove it",
            "synth: 3 errors; nothing written",
        ])
    }

    @Test("an unknown stack name: exit 2 and the list of stacks")
    func unknownStack() throws {
        let result = try Executable.synth.run(["Nope"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "synth: no stack named 'Nope'; the stacks are: \(allStacks.map(\.name).joined(separator: ", "))\n")
    }

    @Test("bad usage exits 2 with ArgumentParser's message", arguments: [
        ["--format", "xml"], ["--list", "--check"], ["--prune"], ["--no-such-flag"], ["--format", "json", "--long-form"],
    ])
    func badUsage(arguments: [String]) throws {
        let result = try Executable.synth.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Usage: synth") || result.stderr.contains("Error:"))
    }

    @Test("synthesize --help explains each option and exits 0")
    func help() throws {
        let result = try Executable.synth.run(["synthesize", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: synth synthesize [<stack>]"))
        for option in ["--list", "--format", "--long-form", "--output", "--check", "--prune", "<stack>"] {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test("--help names every subcommand, the default marked")
    func helpListsSubcommands() throws {
        let result = try Executable.synth.run(["--help"])
        #expect(result.status == 0)
        let names = Synth<NoStacks>.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        #expect(names.count >= 6)
        for name in names {
            #expect(result.stdout.contains("\n  \(name)"), "--help lacks \(name)")
        }
        #expect(result.stdout.contains("synthesize (default)"))
    }

    @Test("help diff prints diff's help, with usage lines naming synth")
    func helpDiff() throws {
        let viaHelp = try Executable.synth.run(["help", "diff"])
        let viaFlag = try Executable.synth.run(["diff", "--help"])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout.contains("USAGE: synth diff [<stack>]"))
        #expect(viaHelp.stdout.contains("--fail-on"))
        #expect(viaHelp.stdout == viaFlag.stdout)
    }

    @Test("a stack named like a subcommand is selected through synthesize")
    func stackNamedLikeSubcommand() throws {
        let viaSubcommand = try Executable.fixtures.run(["synthesize", "diff"])
        #expect(viaSubcommand.status == 0, "\(viaSubcommand.stderr)")
        #expect(viaSubcommand.stdout.contains("SubcommandNamed"))
        let asSubcommand = try Executable.fixtures.run(["diff", "--help"])
        #expect(asSubcommand.stdout.contains("USAGE: synth diff"))
    }

    @Test("completion scripts cover the subcommands", arguments: ["bash", "zsh", "fish"])
    func completionScript(shell: String) throws {
        let result = try Executable.synth.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for name in Synth<NoStacks>.configuration.subcommands.map({ $0.configuration.commandName ?? "" }) {
            #expect(result.stdout.contains(name), "\(shell) completion lacks \(name)")
        }
    }

    @Test("--check against the committed generated/ passes")
    func checkCommitted() throws {
        let result = try Executable.synth.run(["--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let upToDate = "\(allStacks.count) templates in generated up to date\n"
        #expect(result.stderr.hasSuffix("\n" + upToDate))
        #expect(onlySecuritySummary(String(result.stderr.dropLast(upToDate.count))), "\(result.stderr)")
    }

    @Test("--check: clean, drifted, missing, and a template with no stack")
    func checkStates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try Executable.fixtures.run(["Valid", "--output", folder.path])
        #expect(written.status == 0)
        let file = folder.appendingPathComponent("Valid.yaml")

        let clean = try Executable.fixtures.run(["Valid", "--check", "--output", folder.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)

        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "SqsManagedSseEnabled: true", with: "SqsManagedSseEnabled: false")
            .write(to: file, atomically: true, encoding: .utf8)
        let drifted = try Executable.fixtures.run(["Valid", "--check", "--output", folder.path])
        #expect(drifted.status == 1)
        #expect(drifted.stdout == """
            --- \(folder.path)/Valid.yaml
            +++ \(folder.path)/Valid.yaml (synthesized)
            @@ -9,7 +9,7 @@
               Queue:
                 Type: AWS::SQS::Queue
                 Properties:
            -      SqsManagedSseEnabled: false
            +      SqsManagedSseEnabled: true
             Outputs:
               QueueURL:
                 Value: !Ref Queue

            """)
        #expect(drifted.stderr.contains("Valid.yaml differs from what Valid synthesizes"))

        try FileManager.default.removeItem(at: file)
        let missing = try Executable.fixtures.run(["Valid", "--check", "--output", folder.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("\(folder.path)/Valid.yaml is missing"))

        try Executable.synth.run(["--output", folder.path])
        try "Resources: {}\n".write(to: folder.appendingPathComponent("Retired.yaml"), atomically: true, encoding: .utf8)
        let orphan = try Executable.synth.run(["--check", "--output", folder.path])
        #expect(orphan.status == 1)
        #expect(orphan.stderr.contains("\(folder.path)/Retired.yaml has no stack"))

        let pruned = try Executable.synth.run(["--output", folder.path, "--prune"])
        #expect(pruned.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Retired.yaml").path))
        #expect(try Executable.synth.run(["--check", "--output", folder.path]).status == 0)
    }

    @Test("--output writes every stack and leaves no temporary files behind")
    func outputFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.synth.run(["--output", folder.appendingPathComponent("nested").path, "--format", "json"])
        #expect(result.status == 0)
        let expected = try allStacks.flatMap { stack in
            ["\(stack.name).json"] + (try synthesize(stack).artifacts.map { "\(stack.name).\($0.name)" })
                + (stack.stackSet == nil ? [] : ["\(stack.name).stackset.json"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("nested").path).sorted() == expected.sorted())
    }

    @Test("two runs in separate processes give identical bytes, with and without deterministic hashing",
          arguments: [["--format", "yaml"], ["--format", "json"], ["--long-form"]])
    func determinism(arguments: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil
        let first = try Executable.synth.run(arguments, environment: environment)
        let second = try Executable.synth.run(arguments, environment: environment)
        environment["SWIFT_DETERMINISTIC_HASHING"] = "1"
        let third = try Executable.synth.run(arguments, environment: environment)
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout == third.stdout)
    }
}

@Suite("synth artifacts")
struct SynthArtifactTests {
    @Test("--output writes a stack's artifacts beside its template, and --check notices when one drifts")
    func artifacts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Executable.synth.run(["--output", folder.path]).status == 0)
        let job = folder.appendingPathComponent("MacieDynamoDB.macie-job.json")
        let text = try String(contentsOf: job, encoding: .utf8)
        #expect(text.contains("\"buckets\": [\n          \"{{ExportS3BucketMacie}}\"\n        ]"))
        try text.replacingOccurrences(of: "\"samplingPercentage\": 100", with: "\"samplingPercentage\": 10").write(to: job, atomically: true, encoding: .utf8)
        let drifted = try Executable.synth.run(["--check", "--output", folder.path])
        #expect(drifted.status == 1)
        #expect(drifted.stderr.contains("MacieDynamoDB.macie-job.json differs from what MacieDynamoDB synthesizes"))
        #expect(drifted.stdout.contains("-  \"samplingPercentage\": 10,\n+  \"samplingPercentage\": 100,"))
    }
}

/// Whether standard error holds only security-rule summaries (`SecurityReport.summary`):
/// a head line per stack and indented lines under it, no error or warning.
func onlySecuritySummary(_ stderr: String) -> Bool {
    stderr.split(separator: "\n").allSatisfy { $0.contains(": security rules: ") || $0.hasPrefix("  ") }
}

@Suite("synth rules, run as a user runs it")
struct RulesCommandLineTests {
    @Test("synth rules --markdown prints the committed docs/security-rules.md")
    func markdown() throws {
        let result = try Executable.synth.run(["rules", "--markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: Executable.packageRoot.appendingPathComponent("docs/security-rules.md"), encoding: .utf8)
        #expect(result.stdout == committed)
    }
}
