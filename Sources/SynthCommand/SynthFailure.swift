import ArgumentParser
import Foundation

/// How `synth` ends when it does not succeed.
struct SynthFailure: Error, CustomStringConvertible {
    enum ExitStatus: Int32 {
        /// `--check` found a template that differs, is missing or has no stack.
        case different = 1
        /// An invalid stack, an unknown stack name, or bad usage.
        case invalid = 2
    }

    var message: String
    var exitCode: ExitStatus
    var description: String { message }
}

extension Synth {
    /// Runs the command with `synth`'s exit statuses: ArgumentParser's usage
    /// errors (its own status 64) become 2, like every other invalid input.
    public static func runAsMain(arguments: [String]? = nil) -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        // `diff`, `graph`, `fmt`, `identifiers`, `rules` and `validate` are subcommands; any other first word is a stack name or an option.
        switch arguments.first {
        case "graph": run(GraphCommand<Catalog>.self, Array(arguments.dropFirst()))
        case "fmt": run(FormatCommand.self, Array(arguments.dropFirst()))
        case "diff": run(DiffCommand<Catalog>.self, Array(arguments.dropFirst()))
        case "identifiers": run(IdentifiersCommand<Catalog>.self, Array(arguments.dropFirst()))
        case "validate": run(ValidateCommand.self, Array(arguments.dropFirst()))
        case "rules": run(RulesCommand.self, Array(arguments.dropFirst()))
        default: run(Self.self, arguments)
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Never {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
            terminate(0)
        } catch let failure as SynthFailure {
            printError("synth: \(failure.message)")
            terminate(failure.exitCode.rawValue)
        } catch {
            let code = type.exitCode(for: error)
            if code == .success {
                print(type.fullMessage(for: error))
                terminate(0)
            }
            printError(type.fullMessage(for: error))
            terminate(SynthFailure.ExitStatus.invalid.rawValue)
        }
    }
}

/// The process's exit, under a name that `ParsableCommand.exit` does not shadow.
private func terminate(_ status: Int32) -> Never {
    Foundation.exit(status)
}
