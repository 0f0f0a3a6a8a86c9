import Archiving
import Foundation
import Testing

@Suite("synth and function code packaged beside the template")
struct FunctionAssetTests {
    @Test("--output writes the code's ZIP under assets/, named by its SHA-256, the same bytes every run; the template points at it")
    func writesAssets() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        #expect(try Executable.fixtures.run(["FolderFunction", "--output", first.path]).status == 0)
        #expect(try Executable.fixtures.run(["FolderFunction", "--output", second.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("assets").path)
        try #require(names.count == 1)
        let bytes = try Data(contentsOf: first.appendingPathComponent("assets/\(names[0])"))
        #expect(bytes == (try Data(contentsOf: second.appendingPathComponent("assets/\(names[0])"))))
        #expect(names[0] == "\(SHA256.hex(of: Array(bytes))).zip")
        let template = try String(contentsOf: first.appendingPathComponent("FolderFunction.yaml"), encoding: .utf8)
        #expect(template.contains("      Code: assets/\(names[0])\n"))
    }

    @Test("--check compares assets: a changed one differs, a missing one is missing, a stray one has no stack and --prune removes it")
    func checksAssets() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Executable.fixtures.run(["FolderFunction", "--output", folder.path]).status == 0)
        let assets = folder.appendingPathComponent("assets")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: assets.path).first)
        let asset = assets.appendingPathComponent(name)
        let original = try Data(contentsOf: asset)

        try Data(original.dropLast()).write(to: asset)
        let changed = try Executable.fixtures.run(["FolderFunction", "--check", "--output", folder.path])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("assets/\(name) differs from what FolderFunction synthesizes"))

        try FileManager.default.removeItem(at: asset)
        let missing = try Executable.fixtures.run(["FolderFunction", "--check", "--output", folder.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("assets/\(name) is missing"))

        try original.write(to: asset)
        try Data("stale".utf8).write(to: assets.appendingPathComponent("stale.zip"))
        let everyStack = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: everyStack) }
        #expect(try Executable.synth.run(["--output", everyStack.path]).status == 0)
        try FileManager.default.createDirectory(at: everyStack.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: everyStack.appendingPathComponent("assets/stale.zip"))
        let stray = try Executable.synth.run(["--check", "--output", everyStack.path])
        #expect(stray.status == 1)
        #expect(stray.stderr.contains("assets/stale.zip has no stack"))
        #expect(try Executable.synth.run(["--output", everyStack.path, "--prune"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: everyStack.appendingPathComponent("assets/stale.zip").path))
    }
}
