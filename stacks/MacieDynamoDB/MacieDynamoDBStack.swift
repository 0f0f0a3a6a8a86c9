import AWSConstructs
import AWSResources
import CloudFormation

/// Detect sensitive data in DynamoDB with Amazon Macie: tables are exported
/// to an S3 bucket on a schedule, and a Macie job scans the exports with a
/// custom data identifier for account numbers.
///
/// Everything the walkthrough's sample template deploys (a KMS key, import
/// and export buckets, two tables, two functions with their roles, a
/// schedule, a custom data identifier, thirteen outputs), with none of its
/// defects: encrypted, TLS-only, versioned, logged buckets; tables with
/// point-in-time recovery and the stack's key; exact, partition-aware grants;
/// a supported runtime; log groups with retention.
public struct MacieDynamoDBStack: StackDefinition {
    /// `synth NAME` and `generated/NAME.yaml`.
    public var name = "MacieDynamoDB"

    /// The tables exported to S3 (and imported from the CSVs). Add one here.
    public var dataSets: [DataSet] = [.people, .accounts]
    /// How often the tables are exported: minutes, hours or days.
    public var schedule: Schedule = .rate(.hours(1))
    /// How the tables reach the export bucket: the walkthrough's scan
    /// (the default) or DynamoDB's own export, full or incremental.
    public var exportEngine: ExportEngine = .scan
    /// On-demand by default; the sample provisioned 5 reads and 5 writes.
    public var billing: Table.Billing = .onDemand
    /// The Macie discovery job over the export bucket, with the custom
    /// identifier: deployed by the stack when `CreateMacieJob=true`, and
    /// written to `generated/MacieDynamoDB.macie-job.json` for the AWS CLI.
    /// Its scope starts with the export engine's objects; `includes` adds to it.
    public var macieJob: ClassificationJob? = ClassificationJob(
        name: "dynamodb-export-scan", description: "Sensitive data in the DynamoDB exports",
        frequency: .daily, initialRun: true, samplingPercentage: 100, buckets: [],
        includes: [], managedIdentifiers: .recommended)
    /// Findings sent to an SNS topic (and an e-mail address given at
    /// deployment); `nil` for none.
    public var findingsAlerts: FindingsAlerts? = FindingsAlerts(minimumSeverity: .medium)

    public init() {}

    public func build(_ stack: Stack) throws {
        stack.description = "Detect sensitive data in DynamoDB with Amazon Macie: export tables to S3 on a schedule for Macie to scan."

        // Macie's service-linked role must exist before the key policy can
        // name it. The walkthrough enables Macie by hand first (the default);
        // EnableMacie=true lets this stack enable it instead.
        let enableMacie = stack.add(TypedParameter.string(
            "EnableMacie",
            description: "Enable Amazon Macie in this account and Region with this stack. Keep false if Macie is already enabled (the walkthrough enables it by hand).",
            default: "false", allowedValues: ["true", "false"]))
        let macieEnabledHere = stack.add(Condition("EnableMacieInThisStack", .equals(enableMacie.ref, "true")))
        let session = stack.add(Macie.Session(
            "MacieSession", findingPublishingFrequency: .fifteenMinutes, status: .enabled,
            attributes: ResourceAttributes(condition: macieEnabledHere)))
        let exportSide = try addExportSide(
            to: stack,
            macieRole: .if(macieEnabledHere, session.serviceRole, else: MacieServiceLinkedRole.arn(account: "${AWS::AccountId}")))
        try addDiscovery(to: stack, key: exportSide.key, buckets: [exportSide.exportBucket.ref])
    }

    /// The Macie side: the custom identifier, the job over `buckets` of this
    /// account and `otherAccounts` (with the export engine's objects), and
    /// the findings alerts. `key` encrypts the job function's and the
    /// topic's data.
    func addDiscovery(
        to stack: Stack, key: Key, buckets: [TemplateExpression<String>], otherAccounts: [ClassificationJob.AccountBuckets] = []
    ) throws {
        let identifier = stack.add(CustomDataIdentifier(
            "CustomIdentifier", name: "account_number", description: "Checks for customer account number format",
            regex: #"XYZ-\d{11}\b"#))
        // Not in the sample: the ID a Macie job names (README, "Create the Macie job").
        stack.output("CustomDataIdentifierId", identifier.id, description: "ID of the account_number custom data identifier, for the Macie job")

        if var job = macieJob {
            job.buckets = buckets
            job.otherAccounts = otherAccounts
            job.includes = exportEngine.exportedObjects + job.includes
            job.customIdentifiers = [identifier.id]
            try addMacieJob(job, to: stack, key: key)
        }

        findingsAlerts?.add(to: stack, key: key)
    }

    /// The export side: the key (which lets `macieRole`, Macie's
    /// service-linked role, decrypt), the import, export and log buckets, the
    /// tables, both functions, the schedule and the walkthrough's outputs.
    /// `exportBucketName` names the export bucket; CloudFormation names it
    /// when `nil`.
    func addExportSide(to stack: Stack, macieRole: TemplateExpression<String>, exportBucketName: TemplateExpression<String>? = nil) throws -> ExportSide {
        let key = stack.add(Key(
            "DynamoDBMacieKMSKey",
            description: "Encrypts the import and export buckets, the tables, the functions' environment, logs and dead letters.",
            alias: "alias/DynamoDBMacieBlogKey", aliasLogicalID: "DynamoDBMacieKeyAlias",
            tags: [.init(key: "Name", value: "DynamoDBMacieKMSKey"),
                   .init(key: "Description", value: "Key for the Macie and DynamoDB walkthrough")]))
        // Macie decrypts what it scans (the walkthrough's note on KMS).
        key.allow(
            .role(macieRole),
            [.decrypt, .describeKey, .generateDataKey], sid: "MacieServiceLinkedRoleDecrypts")

        let accessLogs = stack.add(Bucket.accessLogBucket("AccessLogsS3Bucket"))
        let importBucket = stack.add(Bucket("ImportS3Bucket", encryption: .kms(key), accessLogs: .to(accessLogs, prefix: "import/")))
        let exportBucket = stack.add(Bucket(
            "ExportS3BucketMacie", name: exportBucketName, encryption: .kms(key), accessLogs: .to(accessLogs, prefix: "export/")))

        let tables = dataSets.map { dataSet in
            stack.add(Table(dataSet.logicalID, name: .literal(dataSet.tableName), partitionKey: .string("id"),
                            billing: billing, encryption: .kms(key)))
        }

        let importer = stack.add(Function(
            "ImportDataToDynamoDB", name: "Import-Data-To-DynamoDB",
            description: "Imports each CSV of the import bucket into its DynamoDB table.",
            code: try .inlineFile("functions/import_data.py"), timeout: 120, memorySize: 256,
            environment: [
                "s3_import_bucket_name": importBucket.ref,
                "data_import_export_location": .literal(DataSet.importLocations(dataSets)),
            ],
            key: key, roleLogicalID: "ImportLambdaRole"))
        importBucket.grantRead(to: importer)
        tables.forEach { $0.grantWriteData(to: importer) }

        let exporter = try exportEngine.addExporter(to: stack, tables: Array(zip(dataSets, tables)), bucket: exportBucket, key: key)

        let rule = stack.add(Rule(
            "ExportDynamoDBDataRule", name: "ExportDynamoDBData",
            description: "Exports the DynamoDB tables to S3 for Macie to scan.",
            trigger: .schedule(schedule)))
        rule.addTarget(exporter, permissionLogicalID: "PermissionForEventsToInvokeDynamoExport")

        ConsoleLinks.addOutputs(
            to: stack, importBucket: importBucket, exportBucket: exportBucket,
            tables: Array(zip(dataSets, tables)), exporter: exporter, importer: importer, rule: rule)
        return ExportSide(key: key, exportBucket: exportBucket)
    }
}

extension MacieDynamoDBStack {
    /// The job as a custom resource (when the deployer asks for it) and as a
    /// request file for `aws macie2 create-classification-job`.
    private func addMacieJob(_ job: ClassificationJob, to stack: Stack, key: Key) throws {
        let create = stack.add(TypedParameter.string(
            "CreateMacieJob",
            description: "Create the Macie discovery job with the stack (the walkthrough creates it by hand).",
            default: "false", allowedValues: ["true", "false"]))
        let createHere = stack.add(Condition("CreateMacieJobInThisStack", .equals(create.ref, "true")))
        let resource = stack.add(try MacieJob(
            "MacieClassificationJob", job: job, handler: try .inlineFile("functions/macie_job.py"), key: key,
            condition: createHere.name))
        stack.output("MacieClassificationJobId", resource.jobID, description: "ID of the Macie job the stack created", condition: createHere.name)
        stack.addArtifact("macie-job.json", json: job.request())
    }
}
