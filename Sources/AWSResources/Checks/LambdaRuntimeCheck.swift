import CloudFormation
import Foundation

/// A function's `Runtime` must be a Lambda runtime that can still be deployed.
///
/// A runtime whose creation AWS has blocked makes the deployment fail, so it
/// is an error; a deprecated one still deploys but no longer gets security
/// patches, so it is a warning that names the day creation will be blocked and
/// the runtime to move to. Only literal runtimes are checked: an intrinsic is
/// only known at deploy time.
public struct LambdaRuntimeCheck: TemplateCheck {
    /// The resource types whose `Runtime` property names a Lambda runtime.
    public static let functionTypes: Set<String> = ["AWS::Lambda::Function", "AWS::Serverless::Function"]

    /// The day (`YYYY-MM-DD`, UTC) the announced dates are compared with.
    public let today: String

    /// Judges runtimes as of `today` (`YYYY-MM-DD`); by default the current
    /// day in UTC, the time zone AWS announces the dates in. Tests pass a
    /// fixed day so that they do not change verdict as the calendar moves on.
    public init(today: String = LambdaRuntimeCheck.currentDay()) {
        precondition(LambdaRuntimeCatalog.isDay(today), "'\(today)' is not a day written YYYY-MM-DD")
        self.today = today
    }

    /// The day it is now in UTC, as `YYYY-MM-DD`.
    public static func currentDay() -> String {
        day(of: Date())
    }

    /// The UTC day of `date`, as `YYYY-MM-DD`: whatever the machine's time zone.
    public static func day(of date: Date) -> String {
        // Whole days since 1970-01-01, rounded toward the past so that a
        // moment before the epoch falls on 1969-12-31. Plain arithmetic: a
        // `Calendar` costs more to set up than the rest of the check.
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let (year, month, day) = civilDate(daysSince1970: days)
        return padded(year, to: 4) + "-" + padded(month, to: 2) + "-" + padded(day, to: 2)
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01.
    ///
    /// Counts in 400-year eras (146,097 days each, the Gregorian cycle) of
    /// years that start on March 1, so that a leap day is the last day of its
    /// year and month lengths repeat in a 153-day pattern from March.
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let sinceMarch0000 = days + 719_468  // 0000-03-01 to 1970-01-01
        let era = (sinceMarch0000 >= 0 ? sinceMarch0000 : sinceMarch0000 - 146_096) / 146_097
        let dayOfEra = sinceMarch0000 - era * 146_097  // 0...146_096
        // Subtract the era's leap days before dividing by 365.
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365, from March 1
        let monthFromMarch = (5 * dayOfYear + 2) / 153  // 0...11
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        template.resources.compactMap { resource in
            guard Self.functionTypes.contains(resource.type),
                case .string(let runtime)? = resource.properties["Runtime"]
            else { return nil }
            let path: TemplatePath = ["Resources", resource.logicalID, "Properties", "Runtime"]
            return diagnostic(for: runtime, stack: stack, path: path)
        }
    }

    private func diagnostic(for runtime: String, stack: String, path: TemplatePath) -> Diagnostic? {
        switch LambdaRuntimeCatalog.status(of: runtime, on: today) {
        case .supported:
            return nil
        case .creationBlocked(let since, let successor):
            return Diagnostic(.error, stack: stack, path: path,
                "runtime '\(runtime)' can no longer be used to create functions (blocked since \(since))"
                    + Self.advice(successor))
        case .deprecated(let since, let blockedFrom, let successor):
            let blocking = blockedFrom.map { "; creating functions with it is blocked from \($0)" } ?? ""
            return Diagnostic(.warning, stack: stack, path: path,
                "runtime '\(runtime)' is deprecated since \(since)\(blocking)" + Self.advice(successor))
        case .unknown(let suggestion):
            return Diagnostic(.error, stack: stack, path: path,
                "'\(runtime)' is not a Lambda runtime" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        }
    }

    private static func advice(_ successor: String?) -> String {
        successor.map { "; use '\($0)'" } ?? ""
    }
}
