import AWSResources
import CloudFormation
import Foundation
import Testing

@Suite("Lambda runtimes")
struct LambdaRuntimeCheckTests {
    private func function(_ logicalID: String, runtime: Value, type: String = "AWS::Lambda::Function") -> Resource {
        Resource(logicalID, type: type, properties: ["Handler": "index.handler", "Runtime": runtime])
    }

    private func diagnostics(on today: String, _ resources: Resource...) -> [String] {
        LambdaRuntimeCheck(today: today)
            .diagnostics(for: Template(resources: resources), stack: "Demo").map(\.description)
    }

    @Test("a blocked runtime is an error, a deprecated one a warning, an unknown one an error with a suggestion; a current one and an intrinsic pass")
    func everyVerdict() {
        let found = diagnostics(
            on: "2026-01-15",
            function("Blocked", runtime: "python3.7"),
            function("Deprecated", runtime: "python3.9"),
            function("Current", runtime: "python3.13"),
            function("Misspelt", runtime: "pyhton3.12"),
            function("Chosen", runtime: .findInMap("Runtimes", .ref("AWS::Region"), "Python")),
            Resource("Queue", type: "AWS::SQS::Queue", properties: ["Runtime": "python3.7"])
        )
        #expect(found == [
            "error: Demo: Resources.Blocked.Properties.Runtime: runtime 'python3.7' can no longer be used to create functions (blocked since 2024-01-09); use 'python3.14'",
            "warning: Demo: Resources.Deprecated.Properties.Runtime: runtime 'python3.9' is deprecated since 2025-12-15; creating functions with it is blocked from 2027-02-01; use 'python3.14'",
            "error: Demo: Resources.Misspelt.Properties.Runtime: 'pyhton3.12' is not a Lambda runtime; did you mean 'python3.12'?",
        ])
    }

    @Test("each announced date counts from that day on, compared with the injected day")
    func datesCountFromTheirDay() {
        let python39 = function("Worker", runtime: "python3.9")
        #expect(diagnostics(on: "2025-12-14", python39) == [])
        #expect(diagnostics(on: "2025-12-15", python39) == [
            "warning: Demo: Resources.Worker.Properties.Runtime: runtime 'python3.9' is deprecated since 2025-12-15; creating functions with it is blocked from 2027-02-01; use 'python3.14'",
        ])
        #expect(diagnostics(on: "2027-02-01", python39) == [
            "error: Demo: Resources.Worker.Properties.Runtime: runtime 'python3.9' can no longer be used to create functions (blocked since 2027-02-01); use 'python3.14'",
        ])
    }

    @Test("a runtime without a successor or a create-block date says only what is known; SAM functions are checked too")
    func missingFacts() {
        let found = diagnostics(
            on: "2029-07-01",
            function("Latest", runtime: "python3.14", type: "AWS::Serverless::Function"),
            function("Dotnet", runtime: "dotnet9")
        )
        #expect(found == [
            "warning: Demo: Resources.Latest.Properties.Runtime: runtime 'python3.14' is deprecated since 2029-06-30; creating functions with it is blocked from 2029-07-31",
            "warning: Demo: Resources.Dotnet.Properties.Runtime: runtime 'dotnet9' is deprecated since 2026-11-10; use 'dotnet10'",
        ])
    }

    @Test("runtime identifiers are exact: Lambda rejects capitals")
    func identifiersAreExact() {
        #expect(diagnostics(on: "2026-01-15", function("Worker", runtime: "Python3.13")) == [
            "error: Demo: Resources.Worker.Properties.Runtime: 'Python3.13' is not a Lambda runtime; did you mean 'python3.13'?",
        ])
        #expect(diagnostics(on: "2026-01-15", function("Worker", runtime: "cobol85")) == [
            "error: Demo: Resources.Worker.Properties.Runtime: 'cobol85' is not a Lambda runtime",
        ])
    }

    @Test("today defaults to the current day in UTC, whatever the machine's time zone")
    func today() {
        // 2023-11-14 23:30 UTC is already the 15th east of UTC and still the 14th in UTC.
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: 1_700_004_600)) == "2023-11-14")
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: 0)) == "1970-01-01")
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: -1)) == "1969-12-31")
        #expect(LambdaRuntimeCheck().today == LambdaRuntimeCheck.day(of: Date()))
        #expect(LambdaRuntimeCatalog.isDay(LambdaRuntimeCheck().today))
    }

    @Test("the day is the Gregorian calendar's in UTC, leap years and centuries included")
    func dayAgreesWithTheGregorianCalendar() {
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: 4_107_542_400)) == "2100-03-01")
        #expect(LambdaRuntimeCheck.day(of: Date(timeIntervalSince1970: -2_203_891_200)) == "1900-03-01")

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Every day from 1899 to 2101, at a moment late in the day so that
        // rounding toward the past is exercised as well.
        var mismatches: [String] = []
        for days in -25_933...48_577 {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400 + 86_399.5)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let day = LambdaRuntimeCheck.day(of: date)
            if day != expected { mismatches.append("\(days): \(day) ≠ \(expected)") }
        }
        #expect(Array(mismatches.prefix(5)) == [], "\(mismatches.count) mismatches")
    }
}

@Suite("The Lambda runtime catalog")
struct LambdaRuntimeCatalogTests {
    @Test("status follows the dates of the embedded lifecycle")
    func status() {
        #expect(LambdaRuntimeCatalog.status(of: "python3.13", on: "2026-01-15") == .supported)
        #expect(LambdaRuntimeCatalog.status(of: "python3.7", on: "2026-01-15")
            == .creationBlocked(since: "2024-01-09", successor: "python3.14"))
        #expect(LambdaRuntimeCatalog.status(of: "nodejs18.x", on: "2026-01-15")
            == .deprecated(since: "2025-09-01", creationBlockedFrom: "2027-02-01", successor: "nodejs24.x"))
        #expect(LambdaRuntimeCatalog.status(of: "pyhton3.12", on: "2026-01-15") == .unknown(suggestion: "python3.12"))
    }

    @Test("lifecycles keep every announced date, update-block included")
    func lifecycle() {
        #expect(LambdaRuntimeCatalog.lifecycle(of: "go1.x") == LambdaRuntimeCatalog.Lifecycle(
            runtime: "go1.x", deprecated: "2024-01-08", creationBlocked: "2024-02-08",
            updateBlocked: "2027-03-03", successor: "provided.al2023"))
        #expect(LambdaRuntimeCatalog.lifecycle(of: "go2.x") == nil)
        #expect(LambdaRuntimeCatalog.runtimes == LambdaRuntimeCatalog.runtimes.sorted())
        #expect(LambdaRuntimeCatalog.runtimes.contains("provided.al2023"))
    }

    @Test("isDay accepts only YYYY-MM-DD")
    func isDay() {
        #expect(LambdaRuntimeCatalog.isDay("2026-01-15"))
        #expect(!LambdaRuntimeCatalog.isDay("2026-1-15"))
        #expect(!LambdaRuntimeCatalog.isDay("2026/01/15"))
        #expect(!LambdaRuntimeCatalog.isDay("20260115"))
    }
}
