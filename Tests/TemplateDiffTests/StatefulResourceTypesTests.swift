import Foundation
import Testing
@testable import TemplateDiff

@Suite("Stateful resource types")
struct StatefulResourceTypesTests {
    @Test("the types the brief names are stateful; a topic or role is not")
    func named() {
        for type in ["AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key", "AWS::Logs::LogGroup", "AWS::SQS::Queue"] {
            #expect(StatefulResourceTypes.contains(type), "\(type)")
        }
        #expect(!StatefulResourceTypes.contains("AWS::SNS::Topic"))
        #expect(!StatefulResourceTypes.contains("AWS::IAM::Role"))
    }

    /// cfn-lint's list, when it is installed in `.venv`.
    private static let cfnLintFile: URL? = {
        let venv = repositoryRoot.appendingPathComponent(".venv/lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: venv.path))?.sorted() ?? []
        return pythons.map {
            venv.appendingPathComponent("\($0)/site-packages/cfnlint/data/AdditionalSpecs/StatefulResources.json")
        }.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    @Test("the list is cfn-lint's StatefulResources.json",
          .enabled(if: cfnLintFile != nil, "cfn-lint is not installed in .venv; `make test` installs it"))
    func matchesCfnLint() throws {
        let file = try #require(Self.cfnLintFile)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let types = try #require(root["ResourceTypes"] as? [String: Any])
        #expect(Set(types.keys) == Set(StatefulResourceTypes.all))
    }
}
