import Archiving
import CloudFormation
import Foundation

/// A function's code from disk, zipped deterministically (`DeterministicZip`)
/// and named by the SHA-256 of the archive: `assets/<sha256>.zip`.
///
/// | source | the archive holds |
/// |---|---|
/// | a file | that file, under its own name |
/// | a folder | every regular file under it, by relative path, except `__pycache__/` and `*.pyc` (build leftovers) |
/// | a folder with `installingRequirements` | the folder's files, plus what `pip install --target` puts there from its `requirements.txt` |
///
/// A prebuilt folder (dependencies already vendored into it) is a folder
/// without `installingRequirements`.
public struct CodePackage: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case file(URL)
        case folder(URL, installingRequirements: Bool)
    }

    public var source: Source

    public init(_ source: Source) {
        self.source = source
    }

    /// The archive, as an asset beside the template.
    public func asset() throws -> Asset {
        let bytes = try DeterministicZip.archive(try entries())
        return Asset(path: "assets/\(SHA256.hex(of: bytes)).zip", bytes: bytes)
    }

    func entries() throws -> [DeterministicZip.Entry] {
        switch source {
        case .file(let url):
            return [DeterministicZip.Entry(path: url.lastPathComponent, contents: try Self.read(url))]
        case .folder(let url, let installingRequirements):
            var entries = try Self.files(under: url)
            if installingRequirements {
                let vendored = try Self.installRequirements(of: url)
                let own = Set(entries.map(\.path))
                entries += vendored.filter { !own.contains($0.path) }
            }
            return entries
        }
    }

    private static func read(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CodePackageError("cannot read the function code \(url.path)")
        }
        return Array(data)
    }

    /// Every regular file under `folder`, by `/`-separated relative path.
    static func files(under folder: URL) throws -> [DeterministicZip.Entry] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CodePackageError("the function code folder \(folder.path) does not exist")
        }
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard let walk = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CodePackageError("cannot list the function code folder \(folder.path)")
        }
        var entries: [DeterministicZip.Entry] = []
        for case let url as URL in walk {
            if url.lastPathComponent == "__pycache__" { walk.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                  url.pathExtension != "pyc" else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(root + "/") else { continue }
            entries.append(DeterministicZip.Entry(path: String(path.dropFirst(root.count + 1)), contents: try read(url)))
        }
        return entries
    }

    /// `pip install -r requirements.txt --target` into a temporary folder,
    /// with the `python3` on the PATH (or `$SYNTH_PYTHON`).
    private static func installRequirements(of folder: URL) throws -> [DeterministicZip.Entry] {
        let requirements = folder.appendingPathComponent("requirements.txt")
        guard FileManager.default.fileExists(atPath: requirements.path) else {
            throw CodePackageError("\(folder.path) has no requirements.txt to install")
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("synth-requirements-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: target) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = ProcessInfo.processInfo.environment["SYNTH_PYTHON"] ?? "python3"
        process.arguments = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
                             "--target", target.path, "-r", requirements.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw CodePackageError("cannot run \(python) -m pip: \(error)") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CodePackageError("pip could not install \(requirements.path): \(String(decoding: message, as: UTF8.self))")
        }
        return try files(under: target)
    }
}

/// Function code that cannot be packaged: which file or folder, and why.
public struct CodePackageError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension Function.Code {
    /// One source file, zipped as an asset; `path` is relative to the folder
    /// of the Swift file that calls this (leave `callerFile` out).
    public static func file(_ path: String, callerFile: String = #filePath) -> Self {
        .package(CodePackage(.file(URL(fileURLWithPath: callerFile).deletingLastPathComponent().appendingPathComponent(path))))
    }

    /// A folder of code (a prebuilt one may hold its dependencies already),
    /// zipped as an asset; with `installingRequirements`, its
    /// `requirements.txt` is installed into the archive with pip at synthesis.
    public static func folder(_ path: String, installingRequirements: Bool = false, callerFile: String = #filePath) -> Self {
        let url = URL(fileURLWithPath: callerFile).deletingLastPathComponent().appendingPathComponent(path, isDirectory: true)
        return .package(CodePackage(.folder(url, installingRequirements: installingRequirements)))
    }
}
