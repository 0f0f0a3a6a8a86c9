/// A file a template refers to by a local path, such as a function's code as
/// a ZIP: `synth --output DIR` writes it to `DIR/<path>`, beside the template,
/// and `--check` compares it. `aws cloudformation package` uploads it and puts
/// its S3 location in the template.
public struct Asset: Sendable, Equatable {
    /// Relative to the template's folder, `/`-separated: `assets/<sha256>.zip`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
