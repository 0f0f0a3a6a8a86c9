import Foundation

extension Function.Code {
    /// The source file at `path`, relative to the folder of the Swift file
    /// that calls this (leave `callerFile` out).
    public static func inlineFile(_ path: String, callerFile: String = #filePath) throws -> Self {
        let url = URL(fileURLWithPath: callerFile).deletingLastPathComponent().appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CodeFileMissing(path: url.path)
        }
        return .inline(String(decoding: data, as: UTF8.self))
    }
}

/// A function's source file that is not where the stack says.
public struct CodeFileMissing: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "cannot read the function source \(path)" }
}
