import Archiving
import Foundation

/// Writes `Registry/ResourceRegistry+Generated.swift`: what `synth` knows of
/// every resource type in cfn-lint's schemas, compact and read lazily.
///
/// Each type has a record: a line of JSON with its create-only, read-only,
/// write-only, required, deprecated and identifying properties and its
/// `Fn::GetAtt` names, then its validation schema (empty for the types that
/// have a generated Swift type, whose `schemaJSON` holds it). A service's
/// records form one chunk, deflated and written in base64, so a lookup
/// inflates only the service it needs. The index (type, chunk, offset, length)
/// is plain text.
struct RegistryWriter {
    static let fileName = "Registry/ResourceRegistry+Generated.swift"
    /// The line `--check` compares when the deflated bytes differ, since
    /// another zlib build may deflate the same records differently.
    static let digestPrefix = "// Records SHA-256: "

    struct Record {
        var typeName: String
        var service: String
        var bytes: [UInt8]
    }

    let cfnLintVersion: String
    let records: [Record]

    /// Every type of every region's provider list (`schemas/providers/<region>.json`;
    /// SAM's `sam.json` is a transform's input, not CloudFormation's), each
    /// with cfn-lint's patches applied.
    init(cfnLintData: URL, cfnLintVersion: String, typesWithSwiftSchemas: Set<String>) throws {
        self.cfnLintVersion = cfnLintVersion
        let providers = cfnLintData.appendingPathComponent("schemas/providers")
        var files: [String: String] = [:]
        for region in try FileManager.default.contentsOfDirectory(atPath: providers.path).sorted()
        where region.hasSuffix(".json") && region != "sam.json" {
            let url = providers.appendingPathComponent(region)
            guard let provider = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String] else {
                throw Generation.Failure(description: "\(url.path) is not a map of type names to schema files")
            }
            for (typeName, file) in provider {
                if let known = files[typeName], known != file {
                    throw Generation.Failure(description: "\(typeName) has two schemas (\(known), \(file)); the registry holds one per type")
                }
                files[typeName] = file
            }
        }
        var records: [Record] = []
        for typeName in files.keys.sorted() {
            let url = cfnLintData.appendingPathComponent("schemas/resources/\(files[typeName]!).json")
            guard let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw Generation.Failure(description: "\(url.path) is not a JSON object")
            }
            let schema = try SchemaPatches.patched(raw, typeName: typeName, cfnLintData: cfnLintData)
            var bytes = try Self.metadata(typeName: typeName, schema: schema)
            bytes.append(UInt8(ascii: "\n"))
            if !typesWithSwiftSchemas.contains(typeName) { bytes += Array(try ValidationSchema.json(for: schema).utf8) }
            let service = String(typeName.split(separator: ":").filter { !$0.isEmpty }[1])
            records.append(Record(typeName: typeName, service: service, bytes: bytes))
        }
        self.records = records
    }

    /// The record's first line, keys sorted, empty lists left out. Paths are
    /// below `Properties`, dotted, with `*` for any list index.
    static func metadata(typeName: String, schema: [String: Any]) throws -> [UInt8] {
        func paths(_ key: String) -> [String] {
            (schema[key] as? [String] ?? []).map { $0.split(separator: "/").dropFirst().joined(separator: ".") }
        }
        let fields: [String: [String]] = [
            "attributes": GetAttNames.names(typeName: typeName, schema: schema),
            "createOnly": paths("createOnlyProperties"),
            "conditionalCreateOnly": paths("conditionalCreateOnlyProperties"),
            "readOnly": paths("readOnlyProperties"),
            "writeOnly": paths("writeOnlyProperties"),
            "deprecated": paths("deprecatedProperties"),
            "primaryIdentifier": paths("primaryIdentifier"),
            "required": schema["required"] as? [String] ?? [],
        ]
        let data = try JSONSerialization.data(
            withJSONObject: fields.filter { !$0.value.isEmpty }, options: [.sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data)
    }

    func source() throws -> String {
        var chunks: [(service: String, records: [Record])] = []
        for record in records {
            if chunks.last?.service == record.service {
                chunks[chunks.count - 1].records.append(record)
            } else {
                chunks.append((record.service, [record]))
            }
        }
        var index: [String] = []
        var deflated: [(service: String, base64: String, length: Int)] = []
        var all: [UInt8] = []
        for (number, chunk) in chunks.enumerated() {
            var bytes: [UInt8] = []
            for record in chunk.records {
                index.append("\(record.typeName) \(number) \(bytes.count) \(record.bytes.count)")
                bytes += record.bytes
            }
            all += bytes
            deflated.append((chunk.service, Data(try Deflate.compressed(bytes)).base64EncodedString(), bytes.count))
        }
        let compressedBytes = deflated.reduce(0) { $0 + $1.base64.count * 3 / 4 }

        var out = SourceBuilder()
        out.line("// Generated by generate-resources from the CloudFormation resource schemas of every region")
        out.line("// in cfn-lint \(cfnLintVersion). Do not edit: change the generator, then run `make generate-resources`.")
        out.line("// \(records.count) resource types in \(chunks.count) services: \(all.count) bytes of records, \(compressedBytes) deflated.")
        out.line(Self.digestPrefix + SHA256.hex(of: all))
        out.line()
        out.block("extension ResourceRegistry") { out in
            out.line("/// One line per type, sorted by name: the type, its chunk, and the offset and")
            out.line("/// length of its record in the inflated chunk.")
            out.line("static let index: StaticString = \"\"\"")
            for line in index { out.line("    " + line) }
            out.line("    \"\"\"")
            out.line()
            out.line("/// Each service's records, deflated, in base64, by chunk number.")
            out.line("static let chunks: [StaticString] = [")
            for chunk in deflated { out.line("    \"\(chunk.base64)\",  // \(chunk.service)") }
            out.line("]")
            out.line()
            out.line("/// Each chunk's length once inflated.")
            out.line("static let inflatedLengths: [Int] = [")
            for chunk in deflated { out.line("    \(chunk.length),  // \(chunk.service)") }
            out.line("]")
        }
        return out.text
    }
}
