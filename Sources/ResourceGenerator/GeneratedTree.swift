import Foundation

/// Comparing and installing a freshly generated tree over the committed one.
/// Only generated files (`*+Generated.swift` and the manifest) are touched.
enum GeneratedTree {
    static func isGenerated(_ relativePath: String) -> Bool {
        relativePath.hasSuffix("+Generated.swift") || relativePath.hasSuffix("resource-types.manifest")
    }

    /// Paths (relative) of generated files under `root`, sorted.
    static func generatedFiles(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if isGenerated(path) { files.append(path) }
        }
        return files.sorted()
    }

    /// What installing `generated` would change in `committed`.
    static func compare(generated: URL, committed: URL) throws -> [String] {
        let new = generatedFiles(under: generated)
        let old = Set(generatedFiles(under: committed))
        var changes: [String] = []
        for path in new {
            let fresh = try Data(contentsOf: generated.appendingPathComponent(path))
            let existing = FileManager.default.contents(atPath: committed.appendingPathComponent(path).path)
            if existing == nil {
                changes.append("\(path) is missing")
            } else if existing != fresh, !sameRecords(fresh, existing!) {
                changes.append("\(path) is out of date")
            }
        }
        for path in old.subtracting(new).sorted() {
            changes.append("\(path) is no longer generated")
        }
        return changes
    }

    /// Two registry files with the same records digest differ only in how
    /// zlib deflated them: the same content.
    private static func sameRecords(_ first: Data, _ second: Data) -> Bool {
        func recordsDigest(_ data: Data) -> Substring? {
            String(decoding: data.prefix(1024), as: UTF8.self).split(separator: "\n")
                .first { $0.hasPrefix(RegistryWriter.digestPrefix) }
        }
        guard let digest = recordsDigest(first) else { return false }
        return digest == recordsDigest(second)
    }

    static func install(generated: URL, into committed: URL) throws {
        let fileManager = FileManager.default
        let new = generatedFiles(under: generated)
        for path in Set(generatedFiles(under: committed)).subtracting(new) {
            try fileManager.removeItem(at: committed.appendingPathComponent(path))
        }
        for path in new {
            let target = committed.appendingPathComponent(path)
            let fresh = try Data(contentsOf: generated.appendingPathComponent(path))
            // An unchanged file keeps its modification time, so the build does
            // not recompile the thousands of files a run leaves as they were.
            if fileManager.contents(atPath: target.path) == fresh { continue }
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fresh.write(to: target, options: .atomic)
        }
    }
}
