extension JSONSchema {
    /// One schema (or sub-schema) with the keywords the validator understands,
    /// already converted to the form it checks fastest: sub-schemas are node
    /// indices, patterns are compiled, `enum` values are comparison keys.
    ///
    /// A keyword the document does not use is `nil` or empty, so a node that is
    /// only `{"description": …}` checks nothing.
    ///
    /// A class, because validation looks a node up for every value it checks,
    /// and copying a struct of this many collections costs a retain and a
    /// release for each of them every time.
    final class Node: @unchecked Sendable {
        // @unchecked: the parser fills a node in before the schema that holds
        // it exists; after that nothing changes it.
        init() {}

        /// The boolean schema `false`: no value is allowed.
        var rejectsEverything = false
        /// `$ref`, resolved to the node it names; checked at the same path,
        /// before this node's own keywords (newer drafts keep siblings of
        /// `$ref`, and AWS schemas do put `type` next to one).
        var reference: Int?

        // Any value
        /// `type`, in the document's order (the order of the message).
        var types: [ValueType]?
        var allowedValues: AllowedValues?
        var constant: AllowedValues?

        // Strings
        var pattern: SchemaPattern?
        var minLength: Int?
        var maxLength: Int?

        // Numbers
        var minimum: NumericLimit?
        var maximum: NumericLimit?
        var exclusiveMinimum: NumericLimit?
        var exclusiveMaximum: NumericLimit?

        // Arrays
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        /// `items` as one schema for every item.
        var items: Int?
        /// `items` as a list (the draft-04 tuple form): one schema per position.
        var positionalItems: [Int] = []

        // Objects
        var required: [String] = []
        var properties: [String: Int] = [:]
        /// The names of `properties`, sorted: the candidates for "did you mean".
        var propertyNames: [String] = []
        /// `patternProperties`, sorted by pattern so their violations come out
        /// in the same order every time.
        var patternProperties: [PatternProperty] = []
        var additionalProperties: AdditionalProperties = .allowed
        /// cfn-lint's `requiredOr`: at least one of these must be present.
        var requiredOneOf: [String] = []
        /// `dependentRequired` and the list form of `dependencies`.
        var dependentRequired: [String: [String]] = [:]
        /// The schema form of `dependencies`: applies to the whole object when
        /// the property is present.
        var dependentSchemas: [String: Int] = [:]
        /// cfn-lint's `dependentExcluded`: when the key is present, none of
        /// the listed properties may be.
        var dependentExcluded: [String: [String]] = [:]

        // Combinators
        var allOf: [Int] = []
        var anyOf: [Int] = []
        var oneOf: [Int] = []
        var not: Int?
        var condition: Conditional?

        /// Whether a keyword checks the value against other nodes: `$ref`,
        /// the combinators, and the schema form of `dependencies`.
        var checksSameValueAgain: Bool {
            reference != nil || !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil || condition != nil
                || !dependentSchemas.isEmpty
        }

        /// Whether any keyword constrains the value. An intrinsic function met
        /// by a node that constrains nothing takes nothing on trust, so it does
        /// not make the result uncertain.
        var constrainsValues: Bool {
            rejectsEverything || reference != nil || types != nil || allowedValues != nil || constant != nil
                || pattern != nil || minLength != nil || maxLength != nil
                || minimum != nil || maximum != nil || exclusiveMinimum != nil || exclusiveMaximum != nil
                || minItems != nil || maxItems != nil || uniqueItems || items != nil || !positionalItems.isEmpty
                || !required.isEmpty || !properties.isEmpty || !patternProperties.isEmpty
                || additionalProperties != .allowed || !requiredOneOf.isEmpty || !dependentRequired.isEmpty
                || !dependentSchemas.isEmpty || !dependentExcluded.isEmpty
                || !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil || condition != nil
        }
    }

    /// The JSON types a `type` keyword can name.
    enum ValueType: String, Sendable, CaseIterable {
        case string, integer, number, boolean, object, array, null
    }

    /// What `additionalProperties` says about a property that neither
    /// `properties` nor `patternProperties` names.
    enum AdditionalProperties: Hashable, Sendable {
        case allowed
        case forbidden
        case schema(Int)
    }

    struct PatternProperty: Sendable {
        var pattern: SchemaPattern
        var schema: Int
    }

    /// `if`/`then`/`else`; `then` or `else` may be missing.
    struct Conditional: Sendable {
        var test: Int
        var then: Int?
        var otherwise: Int?
    }

    /// A bound of `minimum`, `maximum` and their exclusive forms, with the
    /// text it had in the document so a message quotes `1`, not `1.0`.
    struct NumericLimit: Sendable {
        var value: Double
        var text: String
    }

    /// The values of `enum` (or the one value of `const`), as comparison keys
    /// (see `Value.schemaComparisonKey`) for a constant-time lenient lookup,
    /// and as text for messages.
    struct AllowedValues: Sendable {
        var keys: Set<String>
        /// The values that are strings, as they are: a string value found
        /// here is allowed without building its comparison key, which is
        /// most of what checking an `enum` costs.
        var strings: Set<String>
        var texts: [String]

        func allows(_ value: Value) -> Bool {
            if case .string(let text) = value, strings.contains(text) { return true }
            return keys.contains(value.schemaComparisonKey)
        }
    }
}
