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
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return padded(parts.year!, to: 4) + "-" + padded(parts.month!, to: 2) + "-" + padded(parts.day!, to: 2)
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
