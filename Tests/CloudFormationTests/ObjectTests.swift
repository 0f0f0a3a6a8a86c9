import CloudFormation
import Testing

@Suite("Ordered objects")
struct ObjectTests {
    @Test("keep insertion order; replacing keeps the position, removing drops the entry")
    func order() {
        var object: Object = ["Zeta": 1, "Alpha": 2]
        object["Middle"] = 3
        object["Zeta"] = 4
        object["Alpha"] = nil
        #expect(object.keys == ["Zeta", "Middle"])
        #expect(object["Zeta"] == 4)
    }
}
