import Foundation
import Stacks
import Testing

@Suite("synth init")
struct InitCommandTests {
    /// A copy of the package's catalog file in a temporary folder.
    private func scratchCatalog() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("stacks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Executable.packageRoot.appendingPathComponent("stacks/AllStacks.swift"),
            to: folder.appendingPathComponent("stacks/AllStacks.swift"))
        return folder
    }

    @Test("writes the stack's skeleton and adds it to the end of the catalog's list")
    func writesSkeleton() throws {
        let folder = try scratchCatalog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try String(contentsOf: folder.appendingPathComponent("stacks/AllStacks.swift"), encoding: .utf8)
        let result = try Executable.synth.run(["init", "Billing"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOf: folder.appendingPathComponent("stacks/Billing/BillingStack.swift"), encoding: .utf8)
        #expect(source.contains("public struct BillingStack: StackDefinition {"))
        #expect(source.contains("public var name: String { \"Billing\" }"))
        let after = try String(contentsOf: folder.appendingPathComponent("stacks/AllStacks.swift"), encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "\n]\n", with: "\n    BillingStack(),\n]\n"))
        #expect(allStacks.allSatisfy { after.contains("\(type(of: $0))()") })
    }

    @Test("a name that is no type name, a stack that exists, a catalog without a list: exit 2, every reason, nothing written")
    func refuses() throws {
        let folder = try scratchCatalog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("stacks/AllStacks.swift")
        let before = try Data(contentsOf: catalog)
        let badName = try Executable.synth.run(["init", "billing-x"], in: folder)
        #expect(badName.status == 2)
        #expect(badName.stderr == "synth: 'billing-x' is not a type name: letters and digits, starting with a capital\n")
        let existing = try Executable.synth.run(["init", "\(type(of: allStacks[0]))".replacingOccurrences(of: "Stack", with: "")], in: folder)
        #expect(existing.status == 2)
        #expect(existing.stderr.contains("lists \(type(of: allStacks[0]))() already"))
        let noList = try Executable.synth.run(["init", "Billing", "--catalog", "missing.swift"], in: folder)
        #expect(noList.status == 2)
        #expect(noList.stderr.contains("cannot read the catalog missing.swift"))
        #expect(try Data(contentsOf: catalog) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("stacks/Billing").path))
    }
}
