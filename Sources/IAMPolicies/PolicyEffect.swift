/// What a statement does to the requests it matches.
public enum PolicyEffect: String, Hashable, Sendable {
    case allow = "Allow"
    case deny = "Deny"
}
