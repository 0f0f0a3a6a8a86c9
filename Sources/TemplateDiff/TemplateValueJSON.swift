import CloudFormation

extension JSONNode {
    /// A template value as a JSON template writes it: intrinsics in long
    /// form (`{"Fn::GetAtt": ["Queue", "Arn"]}`), mappings in written order.
    init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .double(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .list(let items): self = .array(items.map(JSONNode.init))
        case .object(let object): self = .object(object.entries.map { ($0.key, JSONNode($0.value)) })
        case .intrinsic(let intrinsic): self = .object([(intrinsic.longName, JSONNode(intrinsic.longFormArgument))])
        }
    }
}
