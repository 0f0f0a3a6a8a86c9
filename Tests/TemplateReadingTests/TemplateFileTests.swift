import Foundation
import TemplateReading
import Testing

@Suite("Reading a template file")
struct TemplateFileTests {
    private func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID().uuidString).yaml")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("bytes that are not UTF-8: the first one's offset, line and column", arguments: [
        ([0x80], 0),  // a continuation byte alone
        ([0x61, 0xC0, 0xAF], 1),  // an overlong '/'
        ([0x61, 0x0A, 0xED, 0xA0, 0x80], 2),  // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0x61, 0x62, 0xE2, 0x82], 2),  // cut short at the end
        ([0xC3, 0xA9, 0x0A, 0x62, 0xC3, 0xA9, 0xFF], 6),  // after valid two-byte characters
    ] as [([UInt8], Int)])
    func invalidUTF8(bytes: [UInt8], offset: Int) throws {
        let url = try file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: TemplateReadError.self) { try TemplateFile.bytes(url.path) }
        let problem = try #require(error.problems.first)
        #expect(problem.message == "invalid UTF-8 at byte offset \(offset)")
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = before.split(separator: 0x0A, omittingEmptySubsequences: false).last!.filter { $0 & 0xC0 != 0x80 }.count + 1
        #expect((problem.line, problem.column) == (line, column))
    }

    @Test("valid UTF-8 of every length reads", arguments: ["a", "é", "€", "😀", "\u{FFFF}", "\u{10FFFF}"])
    func validUTF8(text: String) throws {
        let url = try file(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try TemplateFile.bytes(url.path) == Array(text.utf8))
    }

    @Test("a file up to the limit reads; one byte more is refused")
    func sizeLimit() throws {
        let url = try file(Array(repeating: 0x61, count: 11))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try TemplateFile.bytes(url.path, maximumBytes: 11).count == 11)
        let error = try #require(throws: TemplateReadError.self) { try TemplateFile.bytes(url.path, maximumBytes: 10) }
        #expect(error.description == "\(url.path):1:1: error: larger than 10 bytes, the most a template may be read from")
    }

    @Test("a missing file and a folder are errors that name them")
    func notAFile() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).yaml").path
        let absent = try #require(throws: TemplateReadError.self) { try TemplateFile.bytes(missing) }
        #expect(absent.description == "\(missing): error: no such file")
        let folder = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: TemplateReadError.self) { try TemplateFile.bytes(folder) }
        #expect(error.description == "\(folder): error: is a folder, not a template file")
    }

    @Test("a device that never ends is read only to the limit")
    func endlessDevice() throws {
        let error = try #require(throws: TemplateReadError.self) { try TemplateFile.bytes("/dev/zero", maximumBytes: 1 << 16) }
        #expect(error.problems.first?.message.hasPrefix("larger than") == true)
    }
}
