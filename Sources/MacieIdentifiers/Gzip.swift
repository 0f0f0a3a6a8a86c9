internal import CZlib
import Foundation

/// Gzip files, as DynamoDB's export to S3 writes them (`.json.gz`, gzip-
/// compressed DynamoDB JSON), read through the system's zlib.
///
/// A file is gzip when it starts with gzip's magic bytes (`1f 8b`), whatever
/// its name. Members written one after another (as `cat a.gz b.gz` makes)
/// are one text, as gunzip reads them. The decompressed size is capped, so a
/// small file cannot take unbounded memory.
enum Gzip {
    /// At most this many bytes after decompression: far above a DynamoDB
    /// export file, and Macie itself stops reading a file long before.
    static let maximumDecompressedSize = 1 << 30

    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    enum Failure: Error, Equatable {
        /// zlib's reason: a damaged or truncated file.
        case invalid(String)
        case tooLarge
    }

    static func decompress(_ data: Data) throws(Failure) -> Data {
        var stream = z_stream()
        // 15 window bits, +16: gzip framing only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .invalid("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let input = [UInt8](data)
        return try input.withUnsafeBufferPointer { (source) throws(Failure) -> Data in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                    return status
                }
                if output.count > maximumDecompressedSize { throw .tooLarge }
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; anything else after the end is not gzip.
                    guard stream.avail_in > 0 else { return output }
                    guard stream.avail_in >= 2, stream.next_in[0] == 0x1f, stream.next_in[1] == 0x8b else {
                        throw .invalid("data after the end of the compressed stream")
                    }
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw .invalid("the file ends before the compressed stream does")
                default:
                    throw .invalid(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
                }
            }
        }
    }
}
