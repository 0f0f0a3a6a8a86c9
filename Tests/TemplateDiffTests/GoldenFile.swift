import Foundation
import Testing

/// Compares a report with its reviewed copy in `__Golden__/`. A missing file,
/// or `RECORD_GOLDEN=1`, writes the file and fails, so a golden file is read
/// by a person before any test trusts it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Golden__", isDirectory: true).appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    guard !record, let stored = FileManager.default.contents(atPath: file.path) else {
        try Data(text.utf8).write(to: file, options: .atomic)
        Issue.record("wrote \(name); review it, then run the tests again", sourceLocation: sourceLocation)
        return
    }
    let golden = String(decoding: stored, as: UTF8.self)
    #expect(text == golden, "the report differs from \(name); if intended, re-record with RECORD_GOLDEN=1 and review the diff",
            sourceLocation: sourceLocation)
}

/// The repository's root, for reading `generated/`.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
