import CloudFormation

/// What a value of a template must look like: a pattern for the template
/// queries (`hasResourceProperties`, `hasOutput`, …) and for `matches(_:)`.
///
/// A pattern is usually written as a literal, mixing plain values and matchers:
///
/// ```swift
/// let encrypted: Matcher = [
///     "BucketEncryption": ["ServerSideEncryptionConfiguration": .arrayWith([["BucketKeyEnabled": true]])],
///     "PublicAccessBlockConfiguration": ["BlockPublicAcls": true],
///     "Tags": .absent,
/// ]
/// ```
///
/// Plain values in a pattern mean:
/// - an object (`[key: pattern]`): a **deep partial** match — the listed keys
///   must be present and match, other keys are ignored (`objectLike`). Inside
///   `objectEquals` or `exactly`, it means exactly these keys instead;
/// - a list (`[pattern, …]`): exactly that many elements, in that order, each
///   matching its pattern (`arrayEquals`);
/// - a string, number, boolean or `null`: equality. `1` and `1.0` are the
///   same number, as in JSON; `"1"` and `1` are not;
/// - an intrinsic function (`.ref("Bucket")`, `Matcher(.sub("${AWS::StackName}-x"))`):
///   that function, written in the template's long form (`{"Ref": "Bucket"}`),
///   with no other keys beside the function's name.
///
/// Values are compared in the long form a JSON template shows: an actual
/// `.ref("Bucket")` is the object `{"Ref": "Bucket"}`, so the patterns
/// `.ref("Bucket")`, `["Ref": "Bucket"]` and `["Ref": .stringMatching("Buck.*")]`
/// all match it, and a mismatch inside it is reported at a path such as
/// `Properties.Role.Fn::GetAtt[1]`.
public struct Matcher: Sendable {
    indirect enum Kind: Sendable {
        /// A string, number, boolean or null, compared by equality.
        case scalar(CloudFormation.Value)
        case object([Entry], ObjectRule)
        case array([Matcher], ArrayRule)
        /// The key must not be present.
        case absent
        /// The key must be present; any value.
        case anyValue
        case string(StringTest)
        case not(Matcher)
        /// Whatever `pattern` accepts, recorded into `capture` when the whole
        /// match succeeds.
        case capture(Capture, Matcher)
    }

    /// One key of an object pattern, in the order the pattern lists it (which
    /// is the order its mismatches are reported in).
    struct Entry: Sendable {
        var key: String
        var matcher: Matcher
    }

    /// Which keys an object may have beside the listed ones.
    enum ObjectRule: Sendable {
        /// `objectLike`: any; nested plain objects are partial matches too.
        case partial
        /// `objectEquals`: none; nested plain objects must match exactly too.
        case exact
        /// A plain object of a pattern literal: partial, unless an enclosing
        /// `objectEquals` or `exactly` asks for exact objects.
        case inherited
        /// An intrinsic function's object: never more keys than the function's
        /// name; its arguments follow the enclosing rule.
        case function
    }

    /// How the elements of an array pattern pair up with the actual elements.
    enum ArrayRule: Sendable {
        /// Same length; element `i` matches pattern `i`.
        case equals
        /// The pattern's elements, in order, with any other elements between.
        case inOrder
        /// The pattern's elements in any order, each matched by a different element.
        case anyOrder
    }

    let kind: Kind

    init(kind: Kind) {
        self.kind = kind
    }

    /// A plain value as a pattern: objects match partially (deeply), lists
    /// exactly in order and length, scalars by equality, intrinsic functions as
    /// their long-form object. See the type's documentation.
    public init(_ value: CloudFormation.Value) {
        self.init(value, standIns: [:])
    }

    /// `value` as a pattern, with the matcher `standIns` gives for a string
    /// in its place.
    init(_ value: CloudFormation.Value, standIns: [String: Matcher]) {
        switch value {
        case .string(let text) where standIns[text] != nil:
            self = standIns[text]!
        case .string, .integer, .double, .bool, .null:
            kind = .scalar(value)
        case .list(let elements):
            kind = .array(elements.map { Matcher($0, standIns: standIns) }, .equals)
        case .object(let object):
            kind = .object(object.entries.map { Entry(key: $0.key, matcher: Matcher($0.value, standIns: standIns)) }, .inherited)
        case .intrinsic(let function):
            let longForm = LongFormIntrinsic.entry(of: function)
            kind = .object([Entry(key: longForm.key, matcher: Matcher(longForm.value, standIns: standIns))], .function)
        }
    }
}

// Note for code inside `Matcher`: `ExpressibleByDictionaryLiteral` gives the
// type an associated `Value` (= `Matcher`), which hides the template's
// `Value` there; write `CloudFormation.Value`.
extension Matcher: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self.init(kind: .scalar(.string(value))) }
    public init(integerLiteral value: Int) { self.init(kind: .scalar(.integer(value))) }
    public init(floatLiteral value: Double) { self.init(kind: .scalar(.double(value))) }
    public init(booleanLiteral value: Bool) { self.init(kind: .scalar(.bool(value))) }

    /// A list pattern: exactly these elements, in this order (`arrayEquals`).
    public init(arrayLiteral elements: Matcher...) { self.init(kind: .array(elements, .equals)) }

    /// An object pattern: these keys, others ignored — unless inside
    /// `objectEquals` or `exactly`, where it means exactly these keys.
    public init(dictionaryLiteral elements: (String, Matcher)...) {
        self.init(kind: .object(elements.map { Entry(key: $0.0, matcher: $0.1) }, .inherited))
    }
}

extension Matcher {
    /// Whether `value` matches. On a match, the pattern's captures record what
    /// they matched (replacing what they held); otherwise they are emptied.
    public func matches(_ value: CloudFormation.Value) -> Bool {
        mismatches(in: value).isEmpty
    }

    /// Every way `value` fails to match, each at its path below `path`
    /// (empty when it matches). Captures are set as by `matches(_:)`.
    public func mismatches(in value: CloudFormation.Value, at path: TemplatePath = TemplatePath()) -> [Mismatch] {
        let evaluation = MatchEvaluation.evaluate(self, against: value, at: path)
        Capture.publish(evaluation.isMatch ? [evaluation.recordings] : [], for: self)
        return evaluation.mismatches
    }
}
