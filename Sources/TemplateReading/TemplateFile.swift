import Foundation

/// Reads a template file's bytes, refusing what is not a template before it
/// costs anything: a missing file, a folder, more than `maximumBytes` (read
/// at most one byte past the limit, so a device or a pipe that never ends
/// cannot fill the memory), and bytes that are not UTF-8.
public enum TemplateFile {
    /// Far above CloudFormation's own limit (1 MB for a template in S3), so
    /// that packaged and SAM templates fit; far below what would strain the
    /// reader's memory.
    public static let maximumBytes = 16 << 20

    public static func bytes(_ path: String, maximumBytes: Int = maximumBytes) throws(TemplateReadError) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TemplateReadError(file: path, "no such file")
        }
        if isFolder.boolValue {
            throw TemplateReadError(file: path, "is a folder, not a template file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TemplateReadError(file: path, "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw TemplateReadError(file: path, "cannot be read: \(error.localizedDescription)")
        }
        if data.count > maximumBytes {
            throw TemplateReadError(
                problems: [.init(file: path, line: 1, column: 1, message: "larger than \(maximumBytes) bytes, the most a template may be read from")])
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            let position = UTF8Validation.position(of: offset, in: bytes)
            throw TemplateReadError(
                problems: [.init(file: path, line: position.line, column: position.column, message: "invalid UTF-8 at byte offset \(offset)")])
        }
        return bytes
    }
}
