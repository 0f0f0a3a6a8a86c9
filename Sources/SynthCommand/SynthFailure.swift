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
        do {
            var command = try parseAsRoot(arguments ?? Array(CommandLine.arguments.dropFirst()))
            try command.run()
            terminate(0)
        } catch let failure as SynthFailure {
            printError("synth: \(failure.message)")
            terminate(failure.exitCode.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            printError(fullMessage(for: error))
            terminate(SynthFailure.ExitStatus.invalid.rawValue)
        }
    }
}

/// The process's exit, under a name that `ParsableCommand.exit` does not shadow.
private func terminate(_ status: Int32) -> Never {
    Foundation.exit(status)
}
