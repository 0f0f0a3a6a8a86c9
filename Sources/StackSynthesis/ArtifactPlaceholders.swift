import CloudFormation

/// Artifacts are used outside CloudFormation, where nothing resolves `Ref`:
/// each reference becomes a `{{Name}}` placeholder (`{{ExportS3BucketMacie}}`,
/// `{{AWS::AccountId}}`) for the user to fill in from the deployed stack (the
/// README shows how).
enum ArtifactPlaceholders {
    static func replacing(_ value: Value) -> Value {
        switch value {
        case .list(let items): return .list(items.map(replacing))
        case .object(let object): return .object(Object(object.entries.map { Object.Entry($0.key, replacing($0.value)) }))
        case .intrinsic(.ref(let name)): return .string("{{\(name)}}")
        case .intrinsic(.getAtt(let resource, let attribute)): return .string("{{\(resource).\(attribute)}}")
        case .intrinsic(.sub(let text, let variables)) where variables.isEmpty:
            return .string(text.replacingPlaceholders())
        default: return value
        }
    }
}

extension String {
    /// `${Name}` → `{{Name}}`; `${!Text}` → `${Text}`.
    fileprivate func replacingPlaceholders() -> String {
        var result = ""
        var rest = Substring(self)
        while let start = rest.firstRange(of: "${") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "}") else { break }
            let name = after[..<end]
            result += name.hasPrefix("!") ? "${\(name.dropFirst())}" : "{{\(name)}}"
            rest = after[after.index(after: end)...]
        }
        return result + rest
    }
}
