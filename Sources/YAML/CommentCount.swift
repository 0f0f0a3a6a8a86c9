import CYAML

/// Counts the comments of a YAML document, which libyaml's parser skips
/// without a trace: a `#` at the start of a line or after white space, outside
/// every scalar (libyaml's scanner gives each scalar's extent). A document
/// that does not scan counts the comments before the problem.
public enum CommentCount {
    public static func comments(in bytes: [UInt8]) -> Int {
        let hash = UInt8(ascii: "#")
        guard bytes.contains(hash) else { return 0 }
        var scalars: [Range<Int>] = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var scannedTo = 0
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { break }
                defer { yaml_token_delete(&token) }
                scannedTo = Int(token.end_mark.index)
                if token.type == YAML_SCALAR_TOKEN {
                    scalars.append(Int(token.start_mark.index)..<Int(token.end_mark.index))
                }
                if token.type == YAML_STREAM_END_TOKEN {
                    scannedTo = bytes.count
                    break
                }
            }
        }
        var count = 0
        var scalar = 0
        var index = 0
        while index < min(scannedTo, bytes.count) {
            while scalar < scalars.count && scalars[scalar].upperBound <= index { scalar += 1 }
            if scalar < scalars.count && scalars[scalar].contains(index) {
                index = scalars[scalar].upperBound
                continue
            }
            let byte = bytes[index]
            let afterSpace = index == 0 || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index - 1])
            if byte == hash && afterSpace {
                count += 1
                // The comment runs to the end of its line.
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
        }
        return count
    }
}
