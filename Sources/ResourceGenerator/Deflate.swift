import CZlib

/// zlib's deflate at its best compression: the registry's chunks, which the
/// reader inflates with the same library.
enum Deflate {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func compressed(_ bytes: [UInt8]) throws -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), Z_BEST_COMPRESSION)
            }
        }
        guard status == Z_OK else { throw Failure(description: "zlib's compress2 failed with status \(status)") }
        return Array(output.prefix(Int(length)))
    }
}
