import Foundation
import Testing

/// Compares text with a reviewed file under `__Golden__/`. A missing file, or
/// `RECORD_GOLDEN=1` in the environment, records the text and fails, so a new
/// golden file is always read before it is trusted.
func assertGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Golden__").appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    guard !recording, let data = FileManager.default.contents(atPath: url.path) else {
        try Data(text.utf8).write(to: url, options: .atomic)
        Issue.record("recorded \(url.path); review it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    let golden = String(decoding: data, as: UTF8.self)
    #expect(text == golden, "differs from \(name); if the change is intended, run with RECORD_GOLDEN=1 and review the file", sourceLocation: sourceLocation)
}
