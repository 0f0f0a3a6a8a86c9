import Archiving
import Foundation
import Testing

@Suite("Checksums")
struct ChecksumTests {
    @Test("SHA-256 of the standard test vectors")
    func sha256() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("CRC-32 of the standard check value and the empty input")
    func crc32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }
}

/// A Python 3 on the PATH, to read archives with a ZIP reader nobody here wrote.
private let python3: URL? = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
    .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

@Suite("DeterministicZip")
struct DeterministicZipTests {
    static let entries = [
        DeterministicZip.Entry(path: "lib/helper.py", contents: Array("def double(x):\n    return 2 * x\n".utf8)),
        DeterministicZip.Entry(path: "index.py", contents: Array("from lib.helper import double\n".utf8)),
        DeterministicZip.Entry(path: "data/empty.txt", contents: []),
        DeterministicZip.Entry(path: "data/ünïcode.bin", contents: (0...255).map(UInt8.init)),
    ]

    @Test("the same files in any order give the same bytes; a changed byte changes them")
    func sameBytes() throws {
        let first = try DeterministicZip.archive(Self.entries)
        let second = try DeterministicZip.archive(Self.entries.reversed())
        #expect(first == second)
        var changed = Self.entries
        changed[0].contents[0] ^= 1
        #expect(try DeterministicZip.archive(changed) != first)
    }

    @Test("Python's zipfile reads every entry back: sorted names, contents, fixed time and mode, stored",
          .enabled(if: python3 != nil, "no python3 to read the archive with"))
    func readByPython() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("code.zip")
        try Data(try DeterministicZip.archive(Self.entries)).write(to: archive)
        let script = """
            import hashlib, json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest(), list(i.date_time),
                                   i.external_attr >> 16, i.compress_type, i.file_size] for i in z.infolist()]))
            """
        let process = Process()
        process.executableURL = python3
        process.arguments = ["-c", script, archive.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[Any]])
        let sorted = Self.entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        #expect(rows.map { $0[0] as? String } == sorted.map(\.path))
        for (row, entry) in zip(rows, sorted) {
            #expect(row[1] as? String == SHA256.hex(of: entry.contents), "\(entry.path)")
            #expect(row[2] as? [Int] == [1980, 1, 1, 0, 0, 0])
            #expect(row[3] as? Int == 0o100644)
            #expect(row[4] as? Int == 0)
            #expect(row[5] as? Int == entry.contents.count)
        }
    }
}
