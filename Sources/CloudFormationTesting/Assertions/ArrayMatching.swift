import CloudFormation

extension Matcher {
    /// A list of exactly these elements, in this order: what a list literal in
    /// a pattern already means.
    public static func arrayEquals(_ elements: [Matcher]) -> Matcher {
        Matcher(kind: .array(elements, .equals))
    }

    /// A list that has these elements in this order, with any other elements
    /// before, between and after them.
    ///
    /// Each pattern element takes the first element after the previous one's
    /// that matches it; that finds an ordering whenever there is one.
    public static func arrayWith(_ elements: [Matcher]) -> Matcher {
        Matcher(kind: .array(elements, .inOrder))
    }

    /// A list that has these elements in any order, each matched by a
    /// different element, with any other elements besides: `[a, a]` needs two
    /// elements that match `a`.
    ///
    /// The pairing is a maximum bipartite matching, so an element that fits
    /// several patterns never blocks a pairing that exists.
    public static func arrayContaining(_ elements: [Matcher]) -> Matcher {
        Matcher(kind: .array(elements, .anyOrder))
    }
}

extension MatchEvaluation {
    static func evaluateArray(
        _ matcher: Matcher, _ patterns: [Matcher], _ rule: Matcher.ArrayRule, _ value: Value,
        at path: TemplatePath, exactObjects: Bool
    ) -> PatternEvaluation {
        guard case .list(let elements) = value, !(elements.isEmpty && !patterns.isEmpty) else {
            return .failure(
                path, "expected \(matcher.shortDescription), found \(ValueText.truncatedLine(value, style: .json))", weight: size(of: matcher))
        }
        let search = ElementSearch(patterns: patterns, elements: elements, path: path, exactObjects: exactObjects)
        switch rule {
        case .equals: return search.pairwise(matcher)
        case .inOrder: return search.inOrder()
        case .anyOrder: return search.anyOrder()
        }
    }
}

/// Pairs a list pattern's elements with a list's elements, and explains the
/// pattern elements that found no partner.
private struct ElementSearch {
    var patterns: [Matcher]
    var elements: [Value]
    var path: TemplatePath
    var exactObjects: Bool

    func evaluate(_ pattern: Int, _ element: Int) -> PatternEvaluation {
        MatchEvaluation.evaluate(
            patterns[pattern], elements[element], at: path.appending(index: element), exactObjects: exactObjects)
    }

    /// `arrayEquals`: same length, element `i` against pattern `i`.
    func pairwise(_ matcher: Matcher) -> PatternEvaluation {
        guard elements.count == patterns.count else {
            var message = "expected \(count(patterns.count)), found \(elements.count): \(ValueText.truncatedLine(.list(elements), style: .json))"
            if elements.count > patterns.count {
                message += " (arrayWith or arrayContaining allow other elements)"
            }
            return .failure(path, message, weight: MatchEvaluation.size(of: matcher))
        }
        var result = PatternEvaluation()
        for index in patterns.indices {
            result.absorb(evaluate(index, index))
        }
        return result
    }

    /// `arrayWith`: greedy, since taking the earliest match for each pattern
    /// element leaves the most room for the ones after it.
    func inOrder() -> PatternEvaluation {
        var result = PatternEvaluation()
        var next = 0
        for pattern in patterns.indices {
            var attempts: [(element: Int, evaluation: PatternEvaluation)] = []
            var found: Int?
            for element in next..<elements.count {
                let evaluation = evaluate(pattern, element)
                if evaluation.isMatch {
                    found = element
                    result.recordings += evaluation.recordings
                    break
                }
                attempts.append((element, evaluation))
            }
            if let found {
                next = found + 1
                continue
            }
            // Keep `next`: the later pattern elements may still fit after the
            // earlier ones, and each unmatched one is worth reporting.
            var summary = next == 0
                ? "no element matches \(patterns[pattern].shortDescription)"
                : "no element after [\(next - 1)] matches \(patterns[pattern].shortDescription)"
            if let earlier = (0..<next).first(where: { evaluate(pattern, $0).isMatch }) {
                summary += "; [\(earlier)] does, but arrayWith keeps the pattern's order (arrayContaining does not)"
                result.absorb(.failure(path, summary, weight: 1))
            } else {
                result.absorb(unmatched(pattern, summary: summary, attempts: attempts))
            }
        }
        return result
    }

    /// `arrayContaining`: a maximum bipartite matching (Kuhn's augmenting
    /// paths), trying patterns and elements in order so the pairing, and so the
    /// captures, are the same on every run.
    func anyOrder() -> PatternEvaluation {
        let table = patterns.indices.map { pattern in elements.indices.map { evaluate(pattern, $0) } }
        var owner = [Int?](repeating: nil, count: elements.count)

        func augment(_ pattern: Int, _ visited: inout [Bool]) -> Bool {
            for element in elements.indices where table[pattern][element].isMatch && !visited[element] {
                visited[element] = true
                if let rival = owner[element], !augment(rival, &visited) { continue }
                owner[element] = pattern
                return true
            }
            return false
        }
        for pattern in patterns.indices {
            var visited = [Bool](repeating: false, count: elements.count)
            _ = augment(pattern, &visited)
        }

        var result = PatternEvaluation()
        for pattern in patterns.indices {
            if let element = owner.firstIndex(of: pattern) {
                result.recordings += table[pattern][element].recordings
                continue
            }
            let description = patterns[pattern].shortDescription
            let fitting = elements.indices.filter { table[pattern][$0].isMatch }
            if fitting.isEmpty {
                let attempts = elements.indices.map { (element: $0, evaluation: table[pattern][$0]) }
                result.absorb(unmatched(pattern, summary: "no element matches \(description)", attempts: attempts))
            } else {
                let list = fitting.map { "[\($0)]" }.joined(separator: ", ")
                result.absorb(.failure(
                    path,
                    "\(description) matches only \(list), already paired with other pattern elements "
                        + "(arrayContaining needs a different element for each)",
                    weight: 1))
            }
        }
        return result
    }

    /// The report for a pattern element no element matches. For an object or
    /// list pattern, the closest element's own mismatches say what to change;
    /// for a scalar, the list itself does.
    private func unmatched(
        _ pattern: Int, summary: String, attempts: [(element: Int, evaluation: PatternEvaluation)]
    ) -> PatternEvaluation {
        guard patterns[pattern].isStructured,
            let closest = attempts.min(by: { $0.evaluation.weight < $1.evaluation.weight })
        else {
            return .failure(
                path, "\(summary); found \(ValueText.truncatedLine(.list(elements), style: .json))",
                weight: MatchEvaluation.size(of: patterns[pattern]))
        }
        var result = PatternEvaluation.failure(path, "\(summary); closest is [\(closest.element)]:", weight: 0)
        result.absorb(PatternEvaluation(mismatches: closest.evaluation.mismatches, weight: closest.evaluation.weight))
        return result
    }

    private func count(_ number: Int) -> String {
        number == 1 ? "1 element" : "\(number) elements"
    }
}

extension Matcher {
    /// Whether the pattern is an object or a list, whose mismatches point
    /// inside an element.
    fileprivate var isStructured: Bool {
        switch kind {
        case .object, .array: true
        case .capture(_, let pattern): pattern.isStructured
        case .scalar, .absent, .anyValue, .string, .not: false
        }
    }
}
