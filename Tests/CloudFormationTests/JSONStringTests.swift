import Foundation
import Testing
import CloudFormation

@Suite("JSON string literals")
struct JSONStringTests {
    @Test("quotes, backslashes and control characters are escaped; everything else passes through")
    func escapes() {
        #expect(JSONString.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONString.quoted("a\nb\r\tc\u{08}\u{0C}") == #""a\nb\r\tc\b\f""#)
        #expect(JSONString.quoted("\u{00}\u{01}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(JSONString.quoted("naïve 日本 🙂 \u{7F} \u{2028}") == "\"naïve 日本 🙂 \u{7F} \u{2028}\"")
        #expect(JSONString.quoted("") == #""""#)
    }

    @Test("every literal reads back as the same string")
    func readsBack() throws {
        var texts = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "plain", "ends with \\", "\"quoted\"", "mixed\u{0}nul", "🙂\u{1F}é", String(repeating: "x\n", count: 100)]
        for text in texts {
            let literal = "[" + JSONString.quoted(text) + "]"
            let read = try JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String]
            #expect(read == [text], "\(text.debugDescription)")
        }
    }
}
