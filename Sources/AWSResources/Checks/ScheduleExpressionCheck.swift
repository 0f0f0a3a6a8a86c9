import CloudFormation

/// `ScheduleExpression` of every `AWS::Events::Rule` must be a valid
/// `rate(...)` or `cron(...)`: `rate(1 hour)` singular, `rate(2 hours)`
/// plural, a positive count; cron with six fields in range and `?` in exactly
/// one of day-of-month and day-of-week.
public struct ScheduleExpressionCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        template.resources.compactMap { resource in
            guard resource.type == "AWS::Events::Rule",
                case .string(let expression)? = resource.properties["ScheduleExpression"],
                let problem = Self.problem(in: expression)
            else { return nil }
            return Diagnostic(.error, stack: stack, path: ["Resources", resource.logicalID, "Properties", "ScheduleExpression"], problem)
        }
    }

    /// What is wrong with a schedule expression, or `nil`.
    public static func problem(in expression: String) -> String? {
        if expression.hasPrefix("rate(") && expression.hasSuffix(")") {
            let parts = expression.dropFirst(5).dropLast().split(separator: " ")
            guard parts.count == 2, let count = Int(parts[0]) else {
                return "'\(expression)' is not 'rate(N unit)'"
            }
            guard count >= 1 else { return "'\(expression)': the rate must be at least 1" }
            let unit = String(parts[1])
            let singular = ["minute", "hour", "day"]
            let plural = singular.map { $0 + "s" }
            if count == 1 {
                guard singular.contains(unit) else {
                    return "'\(expression)': with a count of 1 the unit is singular (minute, hour or day)"
                }
            } else {
                guard plural.contains(unit) else {
                    return "'\(expression)': with a count of \(count) the unit is plural (minutes, hours or days)"
                }
            }
            return nil
        }
        if expression.hasPrefix("cron(") && expression.hasSuffix(")") {
            let fields = expression.dropFirst(5).dropLast().split(separator: " ").map(String.init)
            guard fields.count == 6 else { return "'\(expression)' needs 6 fields (minutes hours day-of-month month day-of-week year)" }
            let ranges: [(String, ClosedRange<Int>)] = [("minutes", 0...59), ("hours", 0...23), ("day-of-month", 1...31), ("month", 1...12), ("day-of-week", 1...7), ("year", 1970...2199)]
            for (field, (name, range)) in zip(fields, ranges) {
                // Numbers in lists, ranges and steps (`1,15`, `1-5`, `0/15`); names (`MON`, `JAN`) pass.
                for number in field.split(whereSeparator: { ",-/#".contains($0) }).compactMap({ Int($0) })
                where !range.contains(number) {
                    return "'\(expression)': \(number) is out of range for \(name) (\(range.lowerBound)-\(range.upperBound))"
                }
            }
            let questionMarks = [fields[2], fields[4]].filter { $0 == "?" }.count
            guard questionMarks == 1 else {
                return "'\(expression)': exactly one of day-of-month and day-of-week must be '?'"
            }
            return nil
        }
        // Anything else fails the schema's own pattern, reported by ResourceSchemaCheck.
        return nil
    }
}
