import CloudFormation
import Foundation
import Testing

@Suite("Public names beside Foundation's")
struct FoundationNamesTests {
    // This file imports Foundation, whose `Expression` would make an
    // ambiguous name of ours fail to compile here.
    @Test("a typed expression is written without its module's name in a file that imports Foundation")
    func expressionBesideFoundation() {
        let name: TemplateExpression<String> = .sub("\(.stackName)-jobs")
        let url = URL(string: "https://example.com")
        #expect(name.templateValue == .sub("${AWS::StackName}-jobs"))
        #expect(url != nil)
    }
}
