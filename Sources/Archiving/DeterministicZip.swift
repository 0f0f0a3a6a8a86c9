/// A ZIP archive whose bytes depend only on the files' paths and contents:
/// the same files give the same archive on any machine, on any day.
///
/// | field | written as | why |
/// |---|---|---|
/// | entry order | paths sorted by their UTF-8 bytes | not the file system's order |
/// | method | stored (0) | no compressor whose output could change between versions |
/// | modification time | 1980-01-01 00:00 (DOS date 0x0021, time 0) | ZIP's earliest; not the file's |
/// | mode | regular file, 0644 (in the external attributes, made by Unix) | not the checkout's umask |
/// | flags | bit 11 (UTF-8 names) | names outside ASCII read the same everywhere |
/// | extra fields, comments | none | |
///
/// Only files are entries (no directory entries), as `zip -D` and Lambda's
/// own packages have them. No ZIP64: an archive, or a file in it, must stay
/// under 4 GiB and 65,535 entries, far above Lambda's 250 MB limit.
public enum DeterministicZip {
    public struct Entry: Sendable, Equatable {
        /// The path inside the archive, `/`-separated, relative.
        public var path: String
        public var contents: [UInt8]

        public init(path: String, contents: [UInt8]) {
            self.path = path
            self.contents = contents
        }
    }

    public struct TooLarge: Error, CustomStringConvertible {
        public var description: String
    }

    public static func archive(_ entries: [Entry]) throws(TooLarge) -> [UInt8] {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        guard sorted.count < 0xFFFF else { throw TooLarge(description: "\(sorted.count) files; a ZIP without ZIP64 holds at most 65,534") }
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in sorted {
            let name = Array(entry.path.utf8)
            guard entry.contents.count < 0xFFFF_FFFF, output.count < 0xFFFF_FFFF, name.count < 0xFFFF else {
                throw TooLarge(description: "\(entry.path): too large for a ZIP without ZIP64")
            }
            let offset = UInt32(output.count)
            let crc = CRC32.checksum(entry.contents)
            let size = UInt32(entry.contents.count)
            // Local file header.
            output.append(littleEndian: UInt32(0x0403_4B50))
            output.append(littleEndian: UInt16(20))            // version needed: 2.0
            output.append(littleEndian: UInt16(0x0800))        // UTF-8 names
            output.append(littleEndian: UInt16(0))             // stored
            output.append(littleEndian: UInt16(0))             // time 00:00:00
            output.append(littleEndian: UInt16(0x0021))        // date 1980-01-01
            output.append(littleEndian: crc)
            output.append(littleEndian: size)                  // compressed size
            output.append(littleEndian: size)                  // uncompressed size
            output.append(littleEndian: UInt16(name.count))
            output.append(littleEndian: UInt16(0))             // extra field length
            output += name
            output += entry.contents
            // Central directory header.
            central.append(littleEndian: UInt32(0x0201_4B50))
            central.append(littleEndian: UInt16(0x0314))       // made by: Unix, 2.0
            central.append(littleEndian: UInt16(20))
            central.append(littleEndian: UInt16(0x0800))
            central.append(littleEndian: UInt16(0))
            central.append(littleEndian: UInt16(0))
            central.append(littleEndian: UInt16(0x0021))
            central.append(littleEndian: crc)
            central.append(littleEndian: size)
            central.append(littleEndian: size)
            central.append(littleEndian: UInt16(name.count))
            central.append(littleEndian: UInt16(0))            // extra field length
            central.append(littleEndian: UInt16(0))            // comment length
            central.append(littleEndian: UInt16(0))            // disk number
            central.append(littleEndian: UInt16(0))            // internal attributes
            central.append(littleEndian: UInt32(0o100644) << 16) // regular file, rw-r--r--
            central.append(littleEndian: offset)
            central += name
        }
        guard output.count + central.count < 0xFFFF_FFFF else { throw TooLarge(description: "the archive passes 4 GiB") }
        let centralOffset = UInt32(output.count)
        output += central
        // End of central directory record.
        output.append(littleEndian: UInt32(0x0605_4B50))
        output.append(littleEndian: UInt16(0))
        output.append(littleEndian: UInt16(0))
        output.append(littleEndian: UInt16(sorted.count))
        output.append(littleEndian: UInt16(sorted.count))
        output.append(littleEndian: UInt32(central.count))
        output.append(littleEndian: centralOffset)
        output.append(littleEndian: UInt16(0))                 // comment length
        return output
    }
}

extension [UInt8] {
    fileprivate mutating func append<Integer: FixedWidthInteger>(littleEndian value: Integer) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
