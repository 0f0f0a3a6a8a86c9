/// The list of service modules in Package.swift, between two marker lines,
/// which the generator rewrites: SwiftPM caches what a manifest evaluates to,
/// so the manifest names the modules rather than listing the folder.
enum PackageServiceList {
    static let begin = "    // generate-resources: service modules (one per folder of Sources/Services)"
    static let end = "    // generate-resources: end of service modules"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `manifest` with the block between the markers listing `modules`.
    static func rewriting(_ manifest: String, modules: [String]) throws -> String {
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last else {
            throw Failure(description: "Package.swift: the lines '\(begin.trimmed)' and '\(end.trimmed)' must enclose the service modules")
        }
        let listed = modules.sorted().map { "    \($0.swiftLiteral)," }
        return (lines[...first] + listed + lines[last...]).joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmed: String { String(drop { $0 == " " }) }
}
