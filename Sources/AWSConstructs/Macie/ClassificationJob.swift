import CloudFormation

/// A Macie sensitive-data discovery job, described in Swift and written as a
/// `macie2` `CreateClassificationJob` request (camelCase, as the API takes it).
///
/// CloudFormation has no resource for it: `MacieJob` deploys it through a
/// custom resource, and the same request can be written for
/// `aws macie2 create-classification-job --cli-input-json`.
public struct ClassificationJob: Sendable {
    public enum Frequency: Hashable, Sendable {
        case oneTime
        case daily
        case weekly(Weekday)
        /// Day 1–31 of each month (Macie runs on the last day when a month is shorter).
        case monthly(day: Int)
    }

    public enum Weekday: String, CaseIterable, Sendable {
        case sunday = "SUNDAY", monday = "MONDAY", tuesday = "TUESDAY", wednesday = "WEDNESDAY"
        case thursday = "THURSDAY", friday = "FRIDAY", saturday = "SATURDAY"
    }

    public enum Comparator: String, Sendable {
        case equal = "EQ", notEqual = "NE", greaterThan = "GT", greaterThanOrEqual = "GTE"
        case lessThan = "LT", lessThanOrEqual = "LTE", contains = "CONTAINS", startsWith = "STARTS_WITH"
    }

    /// Which S3 objects a job looks at.
    public enum ObjectCriterion: Sendable {
        /// Objects whose file name extension is one of these (`json`, `csv`).
        case fileExtension([String])
        /// Objects whose key compares so with the text (usually `.startsWith`).
        case key(Comparator, String)
        /// Objects last modified compared with an ISO 8601 time.
        case lastModified(Comparator, String)
        /// Objects whose size in bytes compares so.
        case size(Comparator, Int)
        /// Objects tagged with one of these key–value pairs.
        case tag([(key: String, value: String)])

        var scopeTerm: Value {
            switch self {
            case .fileExtension(let extensions):
                ["simpleScopeTerm": ["comparator": "EQ", "key": "OBJECT_EXTENSION", "values": .list(extensions.map(Value.string))]]
            case .key(let comparator, let text):
                ["simpleScopeTerm": ["comparator": .string(comparator.rawValue), "key": "OBJECT_KEY", "values": [.string(text)]]]
            case .lastModified(let comparator, let time):
                ["simpleScopeTerm": ["comparator": .string(comparator.rawValue), "key": "OBJECT_LAST_MODIFIED_DATE", "values": [.string(time)]]]
            case .size(let comparator, let bytes):
                ["simpleScopeTerm": ["comparator": .string(comparator.rawValue), "key": "OBJECT_SIZE", "values": [.string(String(bytes))]]]
            case .tag(let pairs):
                ["tagScopeTerm": [
                    "comparator": "EQ", "key": "TAG", "target": "S3_OBJECT",
                    "tagValues": .list(pairs.map { ["key": .string($0.key), "value": .string($0.value)] }),
                ]]
            }
        }
    }

    /// Which of Macie's managed data identifiers the job uses.
    public enum ManagedIdentifiers: Sendable {
        case recommended, all, none
        case include([String])
        case exclude([String])
    }

    /// Buckets another account owns, by name: what a Macie administrator's
    /// job scans in a member account.
    public struct AccountBuckets: Sendable {
        /// The owning account's 12-digit ID.
        public var accountID: String
        public var buckets: [TemplateExpression<String>]

        public init(accountID: String, buckets: [TemplateExpression<String>]) {
            self.accountID = accountID
            self.buckets = buckets
        }
    }

    public var name: String
    public var description: String?
    public var frequency: Frequency
    /// For a scheduled job: analyse the existing objects right away too.
    public var initialRun: Bool
    /// The share of objects, 1 to 100, to analyse.
    public var samplingPercentage: Int
    /// Buckets by name (a bucket's `ref`, or text).
    public var buckets: [TemplateExpression<String>]
    /// Buckets of other accounts (a Macie administrator's member accounts),
    /// each account one bucket definition after this account's.
    public var otherAccounts: [AccountBuckets] = []
    public var includes: [ObjectCriterion]
    public var excludes: [ObjectCriterion]
    public var managedIdentifiers: ManagedIdentifiers
    /// Custom data identifiers by ID (a `CustomDataIdentifier`'s `id`).
    public var customIdentifiers: [TemplateExpression<String>]

    public init(
        name: String, description: String? = nil, frequency: Frequency, initialRun: Bool = true,
        samplingPercentage: Int = 100, buckets: [TemplateExpression<String>], includes: [ObjectCriterion] = [], excludes: [ObjectCriterion] = [],
        managedIdentifiers: ManagedIdentifiers = .recommended, customIdentifiers: [TemplateExpression<String>] = []
    ) {
        self.name = name
        self.description = description
        self.frequency = frequency
        self.initialRun = initialRun
        self.samplingPercentage = samplingPercentage
        self.buckets = buckets
        self.includes = includes
        self.excludes = excludes
        self.managedIdentifiers = managedIdentifiers
        self.customIdentifiers = customIdentifiers
    }

    /// What is wrong with the job, as Macie would say it: checked at synthesis.
    public var problems: [String] {
        var problems: [String] = []
        if !(1...500).contains(name.count) { problems.append("the job name has \(name.count) characters; Macie allows 1 to 500") }
        if !(1...100).contains(samplingPercentage) { problems.append("sampling percentage \(samplingPercentage) is outside 1 to 100") }
        if case .monthly(let day) = frequency, !(1...31).contains(day) { problems.append("day \(day) of the month is outside 1 to 31") }
        if buckets.isEmpty && otherAccounts.allSatisfy(\.buckets.isEmpty) { problems.append("a job needs at least one bucket") }
        for account in otherAccounts where !(account.accountID.count == 12 && account.accountID.allSatisfy { $0.isASCII && $0.isNumber }) {
            problems.append("'\(account.accountID)' is not an account ID (12 digits)")
        }
        let accounts = otherAccounts.map(\.accountID)
        for account in Set(accounts).sorted() where accounts.filter({ $0 == account }).count > 1 {
            problems.append("account \(account) has two bucket definitions; Macie takes one per account")
        }
        if case .oneTime = frequency, initialRun == false { problems.append("initialRun applies to scheduled jobs only; a one-time job always runs") }
        return problems
    }

    /// The `CreateClassificationJob` request, without `clientToken`.
    public func request(accountID: Value = .accountID) -> Value {
        var request = Object()
        request["jobType"] = frequency == .oneTime ? "ONE_TIME" : "SCHEDULED"
        request["name"] = .string(name)
        if let description { request["description"] = .string(description) }
        if frequency != .oneTime { request["initialRun"] = .bool(initialRun) }
        request["samplingPercentage"] = .integer(samplingPercentage)
        switch frequency {
        case .oneTime: break
        case .daily: request["scheduleFrequency"] = ["dailySchedule": [:]]
        case .weekly(let day): request["scheduleFrequency"] = ["weeklySchedule": ["dayOfWeek": .string(day.rawValue)]]
        case .monthly(let day): request["scheduleFrequency"] = ["monthlySchedule": ["dayOfMonth": .integer(day)]]
        }
        let ownBuckets: [Value] = buckets.isEmpty ? [] : [["accountId": accountID, "buckets": buckets.templateValue]]
        let otherBuckets: [Value] = otherAccounts.map { ["accountId": .string($0.accountID), "buckets": $0.buckets.templateValue] }
        var definition: Object = ["bucketDefinitions": .list(ownBuckets + otherBuckets)]
        var scoping = Object()
        if !includes.isEmpty { scoping["includes"] = ["and": .list(includes.map(\.scopeTerm))] }
        if !excludes.isEmpty { scoping["excludes"] = ["and": .list(excludes.map(\.scopeTerm))] }
        if !scoping.isEmpty { definition["scoping"] = .object(scoping) }
        request["s3JobDefinition"] = .object(definition)
        switch managedIdentifiers {
        case .recommended: request["managedDataIdentifierSelector"] = "RECOMMENDED"
        case .all: request["managedDataIdentifierSelector"] = "ALL"
        case .none: request["managedDataIdentifierSelector"] = "NONE"
        case .include(let ids):
            request["managedDataIdentifierSelector"] = "INCLUDE"
            request["managedDataIdentifierIds"] = .list(ids.map(Value.string))
        case .exclude(let ids):
            request["managedDataIdentifierSelector"] = "EXCLUDE"
            request["managedDataIdentifierIds"] = .list(ids.map(Value.string))
        }
        if !customIdentifiers.isEmpty { request["customDataIdentifierIds"] = customIdentifiers.templateValue }
        return .object(request)
    }
}
