import CloudFormation
import Foundation
import GrownCatalog
import Stacks
import Testing

/// What `synth` says about a catalog, derived from the catalog itself: the
/// stack list, the templates `--output` writes, `--check` and `diff` against
/// them, `validate`'s resource counts. Run on the package's catalog and on
/// the catalog grown by a data set and a stack, after regenerating.
struct CatalogShape {
    var executable: Executable
    /// The catalog's stacks, as the executable's catalog holds them.
    var stacks: [any StackDefinition]

    func expectShape(of directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let names = stacks.map(\.name)
        let list = try executable.run(["--list"])
        #expect(list.stdout == names.map { $0 + "\n" }.joined(), sourceLocation: sourceLocation)

        let expectedFiles = try stacks.flatMap { stack in
            ["\(stack.name).yaml"] + (try synthesize(stack).artifacts.map { "\(stack.name).\($0.name)" })
                + (stack.stackSet == nil ? [] : ["\(stack.name).stackset.yaml"])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
        #expect(files.sorted() == expectedFiles.sorted(), sourceLocation: sourceLocation)

        let check = try executable.run(["--check", "--output", directory.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
        let upToDate = "\(stacks.count) templates in \(directory.path) up to date\n"
        #expect(check.stderr.hasSuffix(upToDate), sourceLocation: sourceLocation)
        #expect(onlySecuritySummary(String(check.stderr.dropLast(upToDate.count))), "\(check.stderr)", sourceLocation: sourceLocation)

        let unknown = try executable.run(["NoSuchStack"])
        #expect(unknown.stderr == "synth: no stack named 'NoSuchStack'; the stacks are: \(names.joined(separator: ", "))\n",
                sourceLocation: sourceLocation)

        let diff = try executable.run(["diff", "--directory", directory.path, "--colour", "never"])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)", sourceLocation: sourceLocation)
        #expect(diff.stdout == names.map { "== \($0)\nNo changes.\n" }.joined(), sourceLocation: sourceLocation)

        let templates = names.map { directory.appendingPathComponent("\($0).yaml").path }
        let validate = try executable.run(["validate"] + templates)
        let counts = try zip(stacks, templates).map { stack, path in
            "\(path): valid (\(try synthesize(stack).template.resources.count) resources)\n"
        }
        // Beside each verdict, the security rules' summary of what the stack waives.
        let verdicts = validate.stderr.split(separator: "\n").filter { !onlySecuritySummary(String($0)) }
        #expect(verdicts.map { $0 + "\n" }.joined() == counts.joined(), sourceLocation: sourceLocation)
    }
}

@Suite("The catalog's shape, derived from the catalog")
struct CatalogShapeTests {
    @Test("the package's catalog and its committed generated/")
    func packageCatalog() throws {
        try CatalogShape(executable: .synth, stacks: allStacks)
            .expectShape(of: Executable.packageRoot.appendingPathComponent("generated"))
    }

    @Test("a data set added to the Macie stack and a stack added to the catalog: regenerated, the same checks pass")
    func grownCatalog() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(GrownStacks.stacks.count == allStacks.count + 1)
        let generate = try Executable.grown.run(["--output", folder.path, "--prune"])
        #expect(generate.status == 0, "\(generate.stderr)")
        try CatalogShape(executable: .grown, stacks: GrownStacks.stacks).expectShape(of: folder)
    }
}
