/// What a template value reads as when Swift turns it into text
/// (`"\(value)"`, `String(describing:)`, `print`): the value's intrinsic
/// between two Unicode noncharacters, which no template may contain. Synthesis refuses every string that holds one and
/// names its path, so a value can never reach a template as its Swift
/// description; `TemplateExpression.sub(_:)` is how an expression goes into text.
public enum SwiftDescriptionMarker {
    /// U+FDD0 and U+FDD1: noncharacters, reserved for a program's internal use
    /// and never part of interchanged text.
    static let start = Unicode.Scalar(UInt32(0xFDD0))!
    static let end = Unicode.Scalar(UInt32(0xFDD1))!

    /// The marked text for `value`: `⟨Ref Table⟩`-like, readable in a test's
    /// failure message, refused in a template.
    public static func text(for value: Value) -> String {
        "\(Character(start))\(summary(of: value))\(Character(end))"
    }

    /// Whether `text` holds the description of a template value.
    public static func isContained(in text: String) -> Bool {
        // U+FDD0 is EF B7 90 in UTF-8: a string without the lead byte cannot hold it.
        // Native strings are searched as one buffer of bytes.
        let mayHoldMarker = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xEF) } ?? text.utf8.contains(0xEF)
        return mayHoldMarker && text.unicodeScalars.contains(start)
    }

    /// `text` with the markers shown as angle brackets, for a message.
    public static func readable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == start ? "⟨" : scalar == end ? "⟩" : scalar
        }))
    }

    private static func summary(of value: Value) -> String {
        switch value {
        case .string(let text): "string \(text)"
        case .integer(let number): "integer \(number)"
        case .double(let number): "number \(number)"
        case .bool(let flag): "boolean \(flag)"
        case .null: "null"
        case .list(let items): "list of \(items.count)"
        case .object(let object): "object with \(object.entries.count) keys"
        case .intrinsic(.ref(let name)): "Ref \(name)"
        case .intrinsic(.getAtt(let resource, let attribute)): "Fn::GetAtt \(resource).\(attribute)"
        case .intrinsic(let function): function.longName
        }
    }
}

extension PropertyValue {
    public var description: String { SwiftDescriptionMarker.text(for: templateValue) }
}
