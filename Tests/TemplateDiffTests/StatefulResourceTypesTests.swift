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

    @Test("the list is cfn-lint's StatefulResources.json, when cfn-lint is installed")
    func matchesCfnLint() throws {
        let venv = repositoryRoot.appendingPathComponent(".venv/lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: venv.path))?.sorted() ?? []
        let files = pythons.map {
            venv.appendingPathComponent("\($0)/site-packages/cfnlint/data/AdditionalSpecs/StatefulResources.json")
        }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard let file = files.first else { return }  // No Python environment: nothing to compare with.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let types = try #require(root["ResourceTypes"] as? [String: Any])
        #expect(Set(types.keys) == Set(StatefulResourceTypes.all))
    }
}
