import AWSResources
import CloudFormation
import Foundation
import TemplateRendering
import Testing
import TextDiff

/// Compares a stack's synthesized YAML with a reviewed file beside the test:
/// `__Snapshots__/<TestFile>/<name>.yaml`.
///
/// | situation                                   | what happens                                   |
/// |---------------------------------------------|------------------------------------------------|
/// | no snapshot on disk                         | records it, fails: review it, run again        |
/// | `SNAPSHOT_RECORD=1` in the environment      | records it, fails: review the diff, run again  |
/// | snapshot differs                            | fails with a unified diff and how to re-record |
/// | snapshot matches                            | passes                                         |
///
/// Recording always fails, so a snapshot is never trusted before a person read it.
public func assertSnapshot(
    of stack: some StackDefinition,
    named name: String? = nil,
    format: TemplateFormat = .yaml,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let text: String
    do {
        let template = try Template(synthesizing: stack)
        text = try TemplateRenderer.render(template, format: format)
    } catch {
        Issue.record("\(stack.name) does not synthesize:\n\(error)", sourceLocation: sourceLocation)
        return
    }
    let outcome = SnapshotFile(testFilePath: filePath, name: name ?? stack.name, format: format)
        .compare(text, record: ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1")
    if let failure = outcome.failure {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// One snapshot file and what comparing with it found.
struct SnapshotFile {
    var url: URL

    init(testFilePath: String, name: String, format: TemplateFormat) {
        let test = URL(fileURLWithPath: testFilePath)
        url = test.deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__")
            .appendingPathComponent(test.deletingPathExtension().lastPathComponent)
            .appendingPathComponent("\(name).\(format.fileExtension)")
    }

    struct Outcome {
        /// `nil` when the snapshot matched.
        var failure: String?
    }

    func compare(_ text: String, record: Bool) -> Outcome {
        let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        if let existing, !record {
            guard let diff = UnifiedDiff.diff(existing, text, oldName: url.lastPathComponent + " (snapshot)", newName: url.lastPathComponent + " (synthesized)") else {
                return Outcome(failure: nil)
            }
            return Outcome(failure: """
                The synthesized template differs from the snapshot \(url.path):
                \(diff)
                If the change is intended, re-record with SNAPSHOT_RECORD=1 and review the new file before committing it.
                """)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            return Outcome(failure: "could not record the snapshot \(url.path): \(error)")
        }
        let what = existing == nil ? "No snapshot was on disk" : "SNAPSHOT_RECORD=1 is set"
        return Outcome(failure: "\(what); recorded \(url.path). Review it, then run the tests again without SNAPSHOT_RECORD.")
    }
}
