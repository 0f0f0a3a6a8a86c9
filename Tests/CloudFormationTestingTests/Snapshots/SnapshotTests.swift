@testable import CloudFormationTesting
import Foundation
import Stacks
import Testing

@Suite("Snapshots")
struct SnapshotTests {
    @Test("every stack of the package matches its reviewed snapshot")
    func everyStack() {
        for stack in allStacks {
            assertSnapshot(of: stack)
        }
    }

    @Test("a missing snapshot is recorded and fails; a matching one passes; a changed one fails with a diff and how to re-record")
    func lifecycle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = SnapshotFile(testFilePath: folder.appendingPathComponent("MyTests.swift").path, name: "Demo", format: .yaml)
        #expect(file.url.path == folder.path + "/__Snapshots__/MyTests/Demo.yaml")

        let recorded = file.compare("a: 1\n", record: false)
        #expect(recorded.failure == "No snapshot was on disk; recorded \(file.url.path). Review it, then run the tests again without SNAPSHOT_RECORD.")
        #expect(try String(contentsOf: file.url, encoding: .utf8) == "a: 1\n")

        #expect(file.compare("a: 1\n", record: false).failure == nil)

        let changed = file.compare("a: 2\n", record: false)
        #expect(changed.failure == """
            The synthesized template differs from the snapshot \(file.url.path):
            --- Demo.yaml (snapshot)
            +++ Demo.yaml (synthesized)
            @@ -1,1 +1,1 @@
            -a: 1
            +a: 2

            If the change is intended, re-record with SNAPSHOT_RECORD=1 and review the new file before committing it.
            """)

        let rerecorded = file.compare("a: 2\n", record: true)
        #expect(rerecorded.failure?.hasPrefix("SNAPSHOT_RECORD=1 is set; recorded") == true)
        #expect(file.compare("a: 2\n", record: false).failure == nil)
    }
}
