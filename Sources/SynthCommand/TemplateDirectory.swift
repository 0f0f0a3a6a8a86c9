import Foundation
import StackSynthesis
import TemplateRendering

/// A folder of committed templates, such as `generated/`.
struct TemplateDirectory {
    var url: URL

    init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Writes each template to `<stack>.<ext>` atomically: a temporary file in
    /// the same folder, then a rename, so a reader never sees half a template.
    func write(_ templates: [SynthesizedTemplate], format: TemplateFormat) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for template in templates {
            let file = url.appendingPathComponent(template.fileName(for: format))
            try Data(template.text.utf8).write(to: file, options: .atomic)
            for artifact in template.artifacts {
                try Data(artifact.text.utf8).write(to: url.appendingPathComponent(artifact.fileName), options: .atomic)
            }
            for asset in template.assets {
                let file = url.appendingPathComponent(asset.path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(asset.bytes).write(to: file, options: .atomic)
            }
        }
    }

    /// The folder that holds assets, relative to the templates.
    static let assetFolder = "assets"

    /// Asset files in the folder, as paths relative to it (`assets/<name>`), sorted.
    func assetPaths() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(Self.assetFolder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { "\(Self.assetFolder)/\($0)" }.sorted()
    }

    func bytes(of path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map(Array.init)
    }

    /// Files of this format in the folder, by name, sorted.
    func templateFileNames(format: TemplateFormat) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + format.fileExtension) && !$0.hasPrefix(".") }.sorted()
    }

    func contents(of name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }

    /// `generated/Demo.yaml`, as the user named the folder.
    func displayPath(of name: String, base: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + name
    }
}
