import Foundation

/// Tests a custom data identifier on local text, with Macie's semantics, in
/// place of a Macie job (which takes minutes and an AWS account).
///
/// The rules, each documented where it is applied: the regex and how matches
/// are found (`IdentifierMatcher`, and `UnsupportedRegexSyntax` for the PCRE
/// constructs Macie leaves out); keywords and the maximum match distance
/// (`KeywordProximity`); ignore words (`IgnoreWords`); Macie's limits
/// (`IdentifierLimits`); lines and columns (`IdentifierMatch`, `LineEndings`).
public enum IdentifierTester {
    /// Checks `identifier` against Macie's rules without testing any text.
    ///
    /// - Throws: `IdentifierError.invalidIdentifier` listing every problem.
    public static func validate(_ identifier: CustomIdentifier) throws(IdentifierError) {
        _ = try IdentifierMatcher(identifier)
    }

    /// The matches of `identifier` in `text`, reported as being in `file`.
    ///
    /// - Throws: `IdentifierError.invalidIdentifier` when Macie would not
    ///   accept the identifier as it is.
    public static func test(_ identifier: CustomIdentifier, text: String, file: String) throws(IdentifierError) -> IdentifierReport {
        let matcher = try IdentifierMatcher(identifier)
        return IdentifierReport(identifier: identifier.name, matches: matcher.matches(in: text, file: file))
    }

    /// The matches of `identifier` in each file, read as UTF-8 text and
    /// reported under its path as given (`URL.relativePath`), in the order of
    /// `files`. A byte order mark at the start is not part of the text. A
    /// gzip file (DynamoDB's export writes `.json.gz`) is read decompressed,
    /// and its matches' lines and columns are those of the decompressed text.
    ///
    /// - Throws: `IdentifierError.invalidIdentifier` before any file is read,
    ///   or `IdentifierError.unreadableFile` for the first file that cannot be
    ///   read, is a damaged gzip file or is not UTF-8.
    public static func test(_ identifier: CustomIdentifier, files: [URL]) throws(IdentifierError) -> IdentifierReport {
        let matcher = try IdentifierMatcher(identifier)
        var matches: [IdentifierMatch] = []
        for file in files {
            matches += matcher.matches(in: try text(of: file), file: file.relativePath)
        }
        return IdentifierReport(identifier: identifier.name, matches: matches)
    }

    private static func text(of file: URL) throws(IdentifierError) -> String {
        var data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .unreadableFile(path: file.relativePath, reason: "cannot be read (\(error.localizedDescription))")
        }
        if Gzip.isCompressed(data) {
            do {
                data = try Gzip.decompress(data)
            } catch {
                switch error {
                case .invalid(let reason):
                    throw .unreadableFile(path: file.relativePath, reason: "is not a valid gzip file (\(reason))")
                case .tooLarge:
                    throw .unreadableFile(path: file.relativePath, reason: "decompresses to more than \(Gzip.maximumDecompressedSize >> 20) MiB")
                }
            }
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: file.relativePath, reason: "is not UTF-8 text")
        }
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        return text
    }
}
