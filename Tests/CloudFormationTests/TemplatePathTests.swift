import CloudFormation
import Testing

@Suite("Template paths")
struct TemplatePathTests {
    @Test("paths appended from one base share it and compare by their components")
    func sharedChains() {
        let base: TemplatePath = ["Resources", "Queue", "Properties"]
        let tags = base.appending("Tags").appending(index: 0).appending("Value")
        #expect(tags.description == "Resources.Queue.Properties.Tags[0].Value")
        #expect(tags == TemplatePath(base.components + [.key("Tags"), .index(0), .key("Value")]))
        #expect(tags != base.appending("Tags").appending(index: 1).appending("Value"))
        #expect(tags.logicalID == "Queue")
        #expect(tags.lastKey == "Value")
        #expect(Set([tags, TemplatePath(tags.components)]).count == 1)
    }

    @Test("an untracked path stays empty whatever is appended, and equals only itself")
    func untracked() {
        let deep = TemplatePath.untracked.appending("Resources").appending(index: 3).appending(.key("Properties"))
        #expect(deep.components.isEmpty)
        #expect(deep == .untracked)
        #expect(deep != TemplatePath())
    }
}
