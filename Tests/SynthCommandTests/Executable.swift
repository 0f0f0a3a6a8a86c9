import Foundation

/// A built executable of this package, run as a user runs it.
struct Executable {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let synth = Executable(name: "synth")
    static let fixtures = Executable(name: "synth-fixtures")
    static let grown = Executable(name: "synth-grown")

    /// The package root: `generated/` is found relative to it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var name: String

    /// Next to the test runner: SwiftPM puts every product of a build in one folder.
    var url: URL {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = FileManager.default.fileExists(atPath: runner.path)
            ? runner.deletingLastPathComponent() : Bundle.main.bundleURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent(name)
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large template cannot fill a pipe and stall.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A fresh folder under the system's temporary directory, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("synth-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
