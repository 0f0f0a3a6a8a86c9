/// Swift spellings of CloudFormation names.
enum SwiftNames {
    /// `BucketName` → `bucketName`, `SSESpecification` → `sseSpecification`,
    /// `KMSMasterKeyId` → `kmsMasterKeyId`, `TTL` → `ttl`.
    static func member(_ name: String) -> String {
        let characters = Array(name)
        var upperRun = 0
        while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
        let lowered: String
        if upperRun == 0 {
            lowered = name
        } else if upperRun == characters.count {
            lowered = name.lowercased()
        } else if upperRun == 1 {
            lowered = characters[0].lowercased() + String(characters[1...])
        } else {
            // The last capital of a run starts the next word: SSESpecification.
            lowered = String(characters[..<(upperRun - 1)]).lowercased() + String(characters[(upperRun - 1)...])
        }
        return escaped(sanitized(lowered))
    }

    /// `Tag` stays `Tag`; `billing_mode` → `BillingMode`.
    static func type(_ name: String) -> String {
        let parts = words(name)
        let joined = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return sanitized(joined.isEmpty ? "Value" : joined)
    }

    /// Enum case names from values: `PAY_PER_REQUEST` → `payPerRequest`,
    /// `python3.12` → `python3_12`, `nodejs20.x` → `nodejs20X`, `aws:kms` → `awsKms`.
    static func enumCase(_ value: String) -> String {
        let parts = words(value)
        var result = ""
        for (index, part) in parts.enumerated() {
            let word = part == part.uppercased() ? part.lowercased() : part
            if index == 0 {
                result = word.prefix(1).lowercased() + word.dropFirst()
            } else if let last = result.last, last.isNumber, word.first?.isNumber == true {
                result += "_" + word
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if result.isEmpty { result = "empty" }
        return escaped(sanitized(result))
    }

    private static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Letters, digits and `_` only, not starting with a digit.
    private static func sanitized(_ name: String) -> String {
        var result = String(name.filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" })
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type",
    ]
}
