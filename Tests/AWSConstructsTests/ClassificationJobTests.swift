import AWSConstructs
import AWSResources
import CloudFormation
import Testing

@Suite("Macie classification jobs")
struct ClassificationJobTests {
    @Test("a one-time job: no schedule, no initialRun, the buckets and custom identifiers by reference")
    func oneTime() {
        let job = ClassificationJob(
            name: "scan", frequency: .oneTime, samplingPercentage: 50, buckets: [TemplateExpression(unchecked: .ref("Bucket"))],
            managedIdentifiers: .none, customIdentifiers: [TemplateExpression(unchecked: .ref("Identifier"))])
        #expect(job.request() == [
            "jobType": "ONE_TIME", "name": "scan", "samplingPercentage": 50,
            "s3JobDefinition": ["bucketDefinitions": [["accountId": .accountID, "buckets": [.ref("Bucket")]]]],
            "managedDataIdentifierSelector": "NONE", "customDataIdentifierIds": [.ref("Identifier")],
        ])
    }

    @Test("schedules: daily, weekly on a weekday, monthly on a day", arguments: [
        (ClassificationJob.Frequency.daily, Value.object(["dailySchedule": [:]])),
        (.weekly(.monday), Value.object(["weeklySchedule": ["dayOfWeek": "MONDAY"]])),
        (.monthly(day: 15), Value.object(["monthlySchedule": ["dayOfMonth": 15]])),
    ])
    func schedules(frequency: ClassificationJob.Frequency, expected: Value) {
        let request = ClassificationJob(name: "scan", frequency: frequency, buckets: ["b"]).request()
        #expect(request.objectValue?["jobType"] == "SCHEDULED")
        #expect(request.objectValue?["scheduleFrequency"] == expected)
        #expect(request.objectValue?["initialRun"] == true)
    }

    @Test("object criteria to include and exclude, and managed identifier lists")
    func criteria() {
        let job = ClassificationJob(
            name: "scan", frequency: .oneTime, buckets: ["b"],
            includes: [.fileExtension(["json", "csv"]), .tag([(key: "classify", value: "yes")])],
            excludes: [.size(.greaterThan, 10_485_760), .lastModified(.lessThan, "2026-01-01T00:00:00Z"), .key(.startsWith, "tmp/")],
            managedIdentifiers: .exclude(["AWS_CREDENTIALS"]))
        let request = job.request().objectValue
        #expect(request?["s3JobDefinition"]?.objectValue?["scoping"] == [
            "includes": ["and": [
                ["simpleScopeTerm": ["comparator": "EQ", "key": "OBJECT_EXTENSION", "values": ["json", "csv"]]],
                ["tagScopeTerm": ["comparator": "EQ", "key": "TAG", "target": "S3_OBJECT", "tagValues": [["key": "classify", "value": "yes"]]]],
            ]],
            "excludes": ["and": [
                ["simpleScopeTerm": ["comparator": "GT", "key": "OBJECT_SIZE", "values": ["10485760"]]],
                ["simpleScopeTerm": ["comparator": "LT", "key": "OBJECT_LAST_MODIFIED_DATE", "values": ["2026-01-01T00:00:00Z"]]],
                ["simpleScopeTerm": ["comparator": "STARTS_WITH", "key": "OBJECT_KEY", "values": ["tmp/"]]],
            ]],
        ])
        #expect(request?["managedDataIdentifierSelector"] == "EXCLUDE")
        #expect(request?["managedDataIdentifierIds"] == ["AWS_CREDENTIALS"])
    }

    @Test("Macie's rules are checked before synthesis goes on")
    func problems() {
        let job = ClassificationJob(name: "", frequency: .monthly(day: 32), samplingPercentage: 0, buckets: [])
        #expect(job.problems == [
            "the job name has 0 characters; Macie allows 1 to 500",
            "sampling percentage 0 is outside 1 to 100",
            "day 32 of the month is outside 1 to 31",
            "a job needs at least one bucket",
        ])
        #expect(throws: MacieJob.InvalidJob.self) {
            _ = try MacieJob("Job", job: job, handler: .inline("x = 1\n"), key: Key("Key", description: "k"))
        }
    }

    @Test("other accounts' buckets: one bucket definition per account after this account's, and none for this account when it has no bucket")
    func otherAccounts() {
        var job = ClassificationJob(name: "scan", frequency: .oneTime, buckets: [TemplateExpression(unchecked: .ref("Bucket"))])
        job.otherAccounts = [
            ClassificationJob.AccountBuckets(accountID: "222222222222", buckets: ["exports-222222222222"]),
            ClassificationJob.AccountBuckets(accountID: "333333333333", buckets: ["exports-333333333333", "more-333333333333"]),
        ]
        let others: [Value] = [
            ["accountId": "222222222222", "buckets": ["exports-222222222222"]],
            ["accountId": "333333333333", "buckets": ["exports-333333333333", "more-333333333333"]],
        ]
        #expect(job.problems == [])
        #expect(job.request().objectValue?["s3JobDefinition"] == [
            "bucketDefinitions": .list([["accountId": .accountID, "buckets": [.ref("Bucket")]]] + others),
        ])
        job.buckets = []
        #expect(job.problems == [])
        #expect(job.request().objectValue?["s3JobDefinition"] == ["bucketDefinitions": .list(others)])
    }

    @Test("other accounts: a malformed or repeated account ID is a problem, and so is a job with no bucket anywhere")
    func otherAccountProblems() {
        var job = ClassificationJob(name: "scan", frequency: .oneTime, buckets: [])
        job.otherAccounts = [.init(accountID: "2222", buckets: []), .init(accountID: "333333333333", buckets: []), .init(accountID: "333333333333", buckets: [])]
        #expect(job.problems == [
            "a job needs at least one bucket",
            "'2222' is not an account ID (12 digits)",
            "account 333333333333 has two bucket definitions; Macie takes one per account",
        ])
    }

    @Test("the custom resource: the manager function's token, the request, and a grant on this account's jobs only")
    func customResource() throws {
        let template = try synthesized { stack in
            let key = stack.add(Key("Key", description: "k"))
            stack.add(try MacieJob(
                "Job", job: ClassificationJob(name: "scan", frequency: .oneTime, buckets: ["b"]),
                handler: .inline("def handler(event, context):\n    return None\n"), key: key))
        }
        let job = try #require(template.resource("Job"))
        #expect(job.type == "Custom::MacieClassificationJob")
        #expect(job.properties["ServiceToken"] == .getAtt("JobManager", "Arn"))
        #expect(job.properties["JobDefinition"]?.objectValue?["name"] == "scan")
        let grant: Value = [
            "Effect": "Allow",
            "Action": ["macie2:CreateClassificationJob", "macie2:DescribeClassificationJob", "macie2:UpdateClassificationJob"],
            "Resource": .sub("arn:${AWS::Partition}:macie2:${AWS::Region}:${AWS::AccountId}:classification-job/*"),
        ]
        #expect(template.statements(ofRole: "JobManagerRole").contains(grant))
    }
}
