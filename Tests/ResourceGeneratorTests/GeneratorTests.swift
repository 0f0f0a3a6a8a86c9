import Foundation
import Testing
@testable import generate_resources

@Suite("Resource generator")
struct GeneratorTests {
    @Test("Swift names for properties, types and enum cases", arguments: [
        ("BucketName", "bucketName"), ("SSESpecification", "sseSpecification"), ("KMSMasterKeyId", "kmsMasterKeyId"),
        ("TTL", "ttl"), ("Protocol", "`protocol`"), ("deadLetterTargetArn", "deadLetterTargetArn"),
    ])
    func memberNames(json: String, swift: String) {
        #expect(SwiftNames.member(json) == swift)
    }

    @Test("enum cases from values", arguments: [
        ("PAY_PER_REQUEST", "payPerRequest"), ("python3.12", "python3_12"), ("nodejs20.x", "nodejs20X"),
        ("aws:kms", "awsKms"), ("x86_64", "x86_64"), ("java8.al2", "java8Al2"), ("1", "_1"), ("default", "`default`"),
    ])
    func enumCases(value: String, swift: String) {
        #expect(SwiftNames.enumCase(value) == swift)
    }

    @Test("the manifest reads, fills in, and writes back sorted")
    func manifest() throws {
        let manifest = try Manifest(parsing: """
            # header
            cfn-lint 1.0.0
            AWS::SQS::Queue
            AWS::S3::Bucket sha256:abc
            """)
        #expect(manifest.comments == ["# header"])
        #expect(manifest.entries == [.init(typeName: "AWS::SQS::Queue", sha256: nil), .init(typeName: "AWS::S3::Bucket", sha256: "abc")])
        #expect(manifest.text == "# header\ncfn-lint 1.0.0\nAWS::S3::Bucket sha256:abc\nAWS::SQS::Queue\n")
    }

    @Test("a malformed manifest names the line", arguments: [
        ("S3::Bucket", "resource-types.manifest:1: expected 'AWS::Service::Type [sha256:HEX]', found 'S3::Bucket'"),
        ("AWS::S3::Bucket md5:x", "resource-types.manifest:1: expected 'sha256:HEX' after the type name"),
        ("AWS::S3::Bucket\nAWS::S3::Bucket", "resource-types.manifest:2: AWS::S3::Bucket is listed twice"),
    ])
    func malformedManifest(text: String, message: String) {
        #expect(throws: Manifest.ParseError.self) { try Manifest(parsing: text) }
        do {
            _ = try Manifest(parsing: text)
        } catch {
            #expect("\(error)" == message)
        }
    }

    /// A tiny schema exercising every kind of Swift type the generator writes.
    static var schema: [String: Any] { [
        "typeName": "AWS::Demo::Widget",
        "description": "A ``AWS::Demo::Widget`` widget.",
        "primaryIdentifier": ["/properties/Name"],
        "readOnlyProperties": ["/properties/Arn"],
        "createOnlyProperties": ["/properties/Name"],
        "required": ["Size"],
        "additionalProperties": false,
        "definitions": [
            "Tag": [
                "type": "object", "additionalProperties": false, "required": ["Key"],
                "properties": ["Key": ["type": "string"], "Value": ["type": "string"]],
            ] as [String: Any],
        ],
        "properties": [
            "Name": ["type": "string", "description": "The name; with ``Zones````Tags`` set, unique.", "maxLength": 10] as [String: Any],
            "Arn": ["type": "string"],
            "Size": ["type": "integer", "minimum": 1],
            "Mode": ["type": "string", "enum": ["FAST", "slow.v2"]],
            "Zones": ["type": "array", "items": ["type": "string"]],
            "Tags": ["type": "array", "items": ["$ref": "#/definitions/Tag"]],
            "Labels": ["type": "object", "patternProperties": ["^.+$": ["type": "string"]]],
            "Document": ["type": ["object", "string"]],
        ] as [String: Any],
    ] }

    @Test("a resource's Swift source, line by line (the golden file is reviewed like code)")
    func resourceSource() throws {
        let source = ResourceWriter(typeName: "AWS::Demo::Widget", schema: Self.schema, cfnLintVersion: "1.0.0").source()
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Widget+Generated.swift.golden")
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            try Data(source.utf8).write(to: golden)
            Issue.record("recorded \(golden.path); review it and run the tests again")
            return
        }
        #expect(source == String(decoding: expected, as: UTF8.self))
    }

    @Test("doc comments are DocC markup: AWS's double backticks become code voice, and each type and top-level property links to its page")
    func documentationMarkup() throws {
        let source = ResourceWriter(typeName: "AWS::Demo::Widget", schema: Self.schema, cfnLintVersion: "1.0.0").source()
        let comments = source.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }
        #expect(!comments.contains { $0.contains("``") })
        #expect(comments.contains { $0.contains("A `AWS::Demo::Widget` widget.") })
        #expect(comments.contains { $0.contains("with `Zones` `Tags` set") })
        let page = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-demo-widget.html"
        #expect(comments.contains { $0.hasSuffix("[`AWS::Demo::Widget`](\(page))") })
        for property in ["Name", "Zones", "Tags"] {
            #expect(comments.contains { $0.hasSuffix("[`\(property)`](\(page)#cfn-demo-widget-\(property.lowercased()))") }, "\(property)")
        }
    }

    @Test("the validation schema drops documentation and read-only properties and forbids unknown properties")
    func validationSchema() throws {
        let json = try ValidationSchema.json(for: Self.schema)
        #expect(!json.contains("description"))
        #expect(!json.contains("\"Arn\""))
        #expect(json.contains("\"additionalProperties\":false"))
        #expect(json.contains("\"maxLength\":10"))
    }

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("regenerating from the installed cfn-lint changes nothing, twice in a row",
          .enabled(if: installedCfnLintData(root: root) != nil, "cfn-lint is not installed in .venv; `make test` installs it"))
    func deterministic() throws {
        let root = Self.root
        let data = Self.installedCfnLintData(root: root)
        let sources = root.appendingPathComponent("Sources")
        let manifest = try Manifest(parsing: String(contentsOf: sources.appendingPathComponent("AWSResources/resource-types.manifest"), encoding: .utf8))
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try Generation(cfnLintData: data!, manifest: manifest).write(to: first)
        try Generation(cfnLintData: data!, manifest: manifest).write(to: second)
        #expect(try GeneratedTree.compare(generated: first, committed: second).isEmpty)
        #expect(try GeneratedTree.compare(generated: first, committed: sources).isEmpty, "run `make generate-resources`")

        // A stale file is noticed.
        let table = second.appendingPathComponent("AWSResources/DynamoDB/Table+Generated.swift")
        try Data("// edited\n".utf8).write(to: table)
        let vpc = second.appendingPathComponent("Services/AWSEC2/VPC+Generated.swift")
        try FileManager.default.removeItem(at: vpc)
        #expect(try GeneratedTree.compare(generated: first, committed: second) == [
            "AWSResources/DynamoDB/Table+Generated.swift is out of date", "Services/AWSEC2/VPC+Generated.swift is missing",
        ])
    }

    private static func installedCfnLintData(root: URL) -> URL? {
        let lib = root.appendingPathComponent(".venv/lib")
        guard let pythons = try? FileManager.default.contentsOfDirectory(atPath: lib.path) else { return nil }
        for python in pythons.sorted() {
            let data = lib.appendingPathComponent("\(python)/site-packages/cfnlint/data")
            if FileManager.default.fileExists(atPath: data.path) { return data }
        }
        return nil
    }
}

@Suite("The registry file under --check")
struct RegistryFileCheckTests {
    private func tree(_ text: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        let file = root.appendingPathComponent(RegistryWriter.fileName)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return root
    }

    @Test("the same records deflated differently (another zlib) are current; other records are stale")
    func digest() throws {
        let committed = try tree("// header\n\(RegistryWriter.digestPrefix)abc\nchunk \"eJzLSM3JyQcABiwCFQ==\"\n")
        let sameRecords = try tree("// header\n\(RegistryWriter.digestPrefix)abc\nchunk \"eNrLSM3JyQcABiwCFQ==\"\n")
        let otherRecords = try tree("// header\n\(RegistryWriter.digestPrefix)abd\nchunk \"eJzLSM3JyQcABiwCFQ==\"\n")
        defer { for url in [committed, sameRecords, otherRecords] { try? FileManager.default.removeItem(at: url) } }
        #expect(try GeneratedTree.compare(generated: sameRecords, committed: committed).isEmpty)
        #expect(try GeneratedTree.compare(generated: otherRecords, committed: committed) == ["\(RegistryWriter.fileName) is out of date"])
    }

    @Test("cfn-lint's schema patches: add and replace set, remove deletes, and applying twice changes nothing")
    func patches() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("cfnlint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let folder = data.appendingPathComponent("schemas/patches/extensions/all/\(SchemaPatches.folderName(of: "AWS::Demo::Widget"))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            [{"op": "add", "path": "/definitions/Size/enum", "value": ["S", "M"]},
             {"op": "remove", "path": "/definitions/Size/pattern"},
             {"op": "replace", "path": "/properties/Name/maxLength", "value": 64}]
            """.utf8).write(to: folder.appendingPathComponent("fix.json"))
        let schema: [String: Any] = [
            "definitions": ["Size": ["type": "string", "pattern": "^[A-Z]$"]],
            "properties": ["Name": ["type": "string", "maxLength": 10]],
        ]
        let once = try SchemaPatches.patched(schema, typeName: "AWS::Demo::Widget", cfnLintData: data)
        let twice = try SchemaPatches.patched(once, typeName: "AWS::Demo::Widget", cfnLintData: data)
        let size = (once["definitions"] as? [String: Any])?["Size"] as? [String: Any]
        #expect(size?["enum"] as? [String] == ["S", "M"])
        #expect(size?["pattern"] == nil)
        #expect(((once["properties"] as? [String: Any])?["Name"] as? [String: Any])?["maxLength"] as? Int == 64)
        #expect(NSDictionary(dictionary: once).isEqual(to: twice))
        #expect(SchemaPatches.folderName(of: "AWS::EC2::FlowLog") == "aws_ec2_flowlog")
    }
}
