/// When a scheduled rule runs. `rate(1 hour)`, `rate(2 hours)`: the unit is
/// singular for 1 and plural otherwise, as EventBridge requires. Values are
/// checked at synthesis (a rate of at least 1; cron fields in range).
public enum Schedule: Hashable, Sendable, CustomStringConvertible {
    public enum Rate: Hashable, Sendable {
        case minutes(Int)
        case hours(Int)
        case days(Int)
    }

    case rate(Rate)
    /// `cron(minutes hours day-of-month month day-of-week year)`; one of
    /// day-of-month and day-of-week must be `?`.
    case cron(minutes: String, hours: String, dayOfMonth: String = "*", month: String = "*", dayOfWeek: String = "?", year: String = "*")

    /// The `ScheduleExpression`.
    public var description: String {
        switch self {
        case .rate(let rate):
            let (count, unit): (Int, String)
            switch rate {
            case .minutes(let n): (count, unit) = (n, "minute")
            case .hours(let n): (count, unit) = (n, "hour")
            case .days(let n): (count, unit) = (n, "day")
            }
            return "rate(\(count) \(unit)\(count == 1 ? "" : "s"))"
        case .cron(let minutes, let hours, let dayOfMonth, let month, let dayOfWeek, let year):
            return "cron(\(minutes) \(hours) \(dayOfMonth) \(month) \(dayOfWeek) \(year))"
        }
    }
}
