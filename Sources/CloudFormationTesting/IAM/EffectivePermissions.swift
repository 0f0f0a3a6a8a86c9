import AWSResources
import CloudFormation
import IAMPolicies

/// What a principal may do, as (action, resource) pairs: the answer to "what
/// can this role actually do?".
///
/// Actions are every catalog action a policy's pattern expands to
/// (`s3:Get*` → `s3:getobject`, … through `IAMActionCatalog.matching`, which
/// spells them in lowercase). Resources are the ARNs of the template's
/// resources (with `arn:…:s3:::bucket/*` for each bucket's objects), the
/// resources written in the policies (`*` and patterns included, as written)
/// and what resource policies are attached to; each pair is checked with the
/// full evaluation, denies and boundaries included. A pair is listed for an
/// action only with resources of the action's own service (and IAM roles for
/// `sts:`), or with resources that are not ARNs, such as `*`.
public struct EffectivePermissions: Hashable, Sendable {
    public struct Permission: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// `service:action`, lowercase.
        public var action: String
        /// An ARN, an ARN pattern from a policy, or `*`.
        public var resource: String

        public init(_ action: String, on resource: String) {
            self.action = action
            self.resource = resource
        }

        public static func < (lhs: Permission, rhs: Permission) -> Bool {
            (lhs.action, lhs.resource) < (rhs.action, rhs.resource)
        }

        public var description: String { "\(action) on \(resource)" }
    }

    public var principal: Principal
    /// Certainly allowed, sorted by action, then resource.
    public var allowed: [Permission]
    /// Allowed only if what the template leaves open (an `Fn::If`, an
    /// unevaluated condition) goes its way; sorted likewise.
    public var possiblyAllowed: [Permission]
    /// The notes of the decisions, each once, in the order they came up.
    public var notes: [String]

    /// The actions certainly allowed on `resource`, sorted.
    public func actions(on resource: String) -> [String] {
        allowed.filter { $0.resource == resource }.map(\.action)
    }

    /// The resources `action` is certainly allowed on, sorted.
    public func resources(for action: String) -> [String] {
        allowed.filter { $0.action == action.lowercased() }.map(\.resource)
    }

    public var isEmpty: Bool { allowed.isEmpty && possiblyAllowed.isEmpty }
}

extension PolicyEvaluator {
    /// What `principal` may do in requests with `context`'s condition keys.
    public func effectivePermissions(of principal: Principal, context: RequestContext = RequestContext()) -> EffectivePermissions {
        var notes = IAMNotes()
        let facts = facts(about: principal, notes: &notes)
        var sources: [CollectedPolicy] = policies.resourcePolicies
        if let role = facts.roleLogicalID, let own = policies.rolePolicies[role] { sources = own.policies + sources }

        let universe = resourceUniverse(sources)
        // Which resources can go with an action of a service: those of its
        // ARN service, plus those that are no ARN of one service (`*`).
        var byService: [Substring: [String]] = [:], anyService: [String] = []
        for resource in universe {
            if let service = Self.service(of: resource) { byService[service, default: []].append(resource) } else { anyService.append(resource) }
        }
        var candidates = Set<EffectivePermissions.Permission>()
        for policy in sources {
            for statement in policy.statements {
                for prepared in statement.alternatives ?? [] where prepared.effect == .allow {
                    let alternative = prepared.value
                    let actions = Self.actions(of: alternative)
                    guard !actions.isEmpty else { continue }
                    let resources = Set(Self.resources(of: alternative, in: policy, universe: universe))
                    for action in actions {
                        let prefix = action.prefix { $0 != ":" }
                        let fitting = anyService + (byService[prefix] ?? []) + (prefix == "sts" ? byService["iam"] ?? [] : [])
                        for resource in fitting where resources.contains(resource) {
                            candidates.insert(.init(action, on: resource))
                        }
                    }
                }
            }
        }

        var allowed: [EffectivePermissions.Permission] = [], possiblyAllowed: [EffectivePermissions.Permission] = []
        for candidate in candidates.sorted() {
            let decision = decide(principal, candidate.action, candidate.resource, context, notes: IAMNotes())
            notes.add(contentsOf: decision.notes)
            if decision.isAllowed {
                allowed.append(candidate)
            } else if decision.mightBeAllowed {
                possiblyAllowed.append(candidate)
            }
        }
        return EffectivePermissions(principal: principal, allowed: allowed, possiblyAllowed: possiblyAllowed, notes: notes.all)
    }

    /// The effective permissions of every principal the template knows (see
    /// `principals()`) that may do anything at all under `context`: with
    /// `["aws:SecureTransport": "false"]`, what could anyone do without TLS?
    public func effectivePermissionsOfEveryPrincipal(context: RequestContext = RequestContext()) -> [EffectivePermissions] {
        principals().map { effectivePermissions(of: $0, context: context) }.filter { !$0.isEmpty }
    }

    /// The principals the template knows, sorted: its roles, the principals
    /// its resource policies name (services, ARNs, accounts) and `.anyone`.
    /// The root user of the context's account is left out: it may do
    /// anything nothing denies, whatever the template says.
    public func principals() -> [Principal] {
        var found = Set<Principal>(policies.roles.map { .role($0.logicalID) })
        found.insert(.anyone)
        for policy in policies.resourcePolicies {
            for statement in policy.statements {
                for alternative in statement.value.alternatives() ?? [] {
                    for element in [alternative["Principal"], alternative["NotPrincipal"]].compactMap({ $0 }) {
                        guard case .object(let entries) = element else { continue }
                        for entry in entries {
                            for value in entry.value.listItems {
                                guard let text = value.scalarText, text != "*" else { continue }
                                if entry.key == "Service" {
                                    found.insert(.service(text))
                                } else if entry.key == "AWS" {
                                    if let account = StatementEvaluator.account(named: text) {
                                        if account != context.accountID { found.insert(.accountRoot(account)) }
                                    } else if let role = policies.roles.first(where: { $0.arn == .string(text) }) {
                                        found.insert(.role(role.logicalID))
                                    } else {
                                        found.insert(.arn(text))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found.sorted()
    }

    /// The decisions for every principal the template knows (`principals()`)
    /// that might be allowed `action` on `resource`: who could do this?
    /// Check `isAllowed` for who certainly can.
    public func principalsAllowed(
        _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext()
    ) -> [Decision] {
        principals().map { allows($0, action, on: resource, context: context) }.filter(\.mightBeAllowed)
    }

    /// The principals granted every action on every resource (`Action: "*"`
    /// with `Resource: "*"`, or as much through wildcards): administrators.
    /// A reviewer usually wants this empty.
    public func principalsAllowedEverything(context: RequestContext = RequestContext()) -> [Decision] {
        principalsAllowed("*", on: .arn("*"), context: context)
    }

    // MARK: Candidates

    /// The resources pairs are formed with, sorted.
    private func resourceUniverse(_ sources: [CollectedPolicy]) -> [String] {
        var universe = Set<String>()
        func add(_ value: SymbolicValue) {
            for alternative in value.alternatives() ?? [] {
                if let text = alternative.scalarText, !text.contains("${") { universe.insert(text) }
            }
        }
        for resource in template.resources {
            guard let arn = resolver.arn(of: resource) else { continue }
            add(arn)
            if resource.type == "AWS::S3::Bucket" { add(arn.mapStrings { .string("\($0)/*") }) }
        }
        for policy in sources {
            policy.attachedTo.forEach(add)
            for statement in policy.statements {
                for alternative in statement.value.alternatives() ?? [] {
                    alternative["Resource"].map { $0.listItems.forEach(add) }
                }
            }
        }
        return universe.sorted()
    }

    /// The catalog actions a statement's `Action` (or everything but its
    /// `NotAction`) stands for, lowercase.
    private static func actions(of statement: SymbolicValue) -> [String] {
        if let listed = statement["Action"] {
            return listed.listItems.compactMap(\.scalarText).flatMap { IAMActionCatalog.matching($0) }
        }
        guard let excluded = statement["NotAction"] else { return [] }
        let patterns = excluded.listItems.compactMap(\.scalarText).map { IAMWildcard.request($0, lowercased: true) }
        return IAMActionCatalog.matching("*").filter { action in
            let requested = IAMWildcard.request(action)
            return !patterns.contains { $0.covers(requested) }
        }
    }

    /// The resources of the universe a statement might grant.
    private static func resources(of statement: SymbolicValue, in policy: CollectedPolicy, universe: [String]) -> [String] {
        if let listed = statement["Resource"] {
            let patterns = listed.listItems.compactMap(\.scalarText).compactMap { IAMWildcard.pattern($0, arn: true) }
            return universe.filter { resource in patterns.contains { $0.overlaps(.request(resource, arn: true)) } }
        }
        if statement["NotResource"] != nil { return universe }
        // A resource policy without Resource is about what it is attached to.
        return policy.attachedTo.flatMap { $0.alternatives() ?? [] }.compactMap(\.scalarText)
    }

    /// The service of an ARN (`s3` of `arn:aws:s3:::b`); `nil` for what is
    /// no ARN or has a wildcard there: such a resource can go with any action.
    private static func service(of resource: String) -> Substring? {
        let parts = resource.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "arn", !parts[2].contains("*"), !parts[2].contains("?") else { return nil }
        return parts[2]
    }
}
