import AWSConstructs
import AWSResources
import CloudFormation

/// How the tables reach the export bucket for Macie.
///
/// | engine | what runs | fits | Macie scans |
/// |---|---|---|---|
/// | `.scan` (the walkthrough's) | a function scans each table and writes one JSON Lines object per table | what one invocation can scan in its timeout (README, "Large tables") | every item, every run |
/// | `.native(.full)` | DynamoDB's export to S3 of the whole table | any size; reads no capacity | every item, every run |
/// | `.native(.incremental)` | one full export, then DynamoDB's incremental exports, each from the previous one's end | any size; reads no capacity | only what changed |
public enum ExportEngine: Hashable, Sendable {
    case scan
    case native(NativeExport)

    /// The export function's timeout with this engine: a scan copies the
    /// tables; the native engine only starts exports.
    var timeout: Int {
        switch self {
        case .scan: 300
        case .native: 60
        }
    }

    /// The objects the engine writes, as a Macie job's criteria: the scan's
    /// `.json` objects, or the native export's gzip data files under its
    /// prefix (its manifests, `.json` and `.md5`, and `_started` left out).
    var exportedObjects: [ClassificationJob.ObjectCriterion] {
        switch self {
        case .scan: [.fileExtension(["json"])]
        case .native(let export): [.key(.startsWith, export.prefix + "/"), .fileExtension(["gz"])]
        }
    }

    /// Adds the export function with its grants and settings.
    func addExporter(to stack: Stack, tables: [(DataSet, Table)], bucket: Bucket, key: Key) throws -> Function {
        let exporter: Function
        switch self {
        case .scan:
            let modal = tables.filter { $0.0.nativeExportMode != nil }.map(\.0.logicalID)
            guard modal.isEmpty else {
                throw InvalidExportEngine(problems: modal.map { "data set \($0) sets nativeExportMode, but the stack exports with the scan engine" })
            }
            exporter = stack.add(Function(
                "ExportDynamoDBDataToS3", name: "Export-DynamoDB-Data-To-S3",
                description: "Exports every configured DynamoDB table to the export bucket, one JSON Lines object per table.",
                code: try .inlineFile("functions/export_data.py"), timeout: timeout, memorySize: 256,
                environment: [
                    "bucket_to_export_to": bucket.ref,
                    "dynamo_db_tables": .join(",", tables.map(\.1.ref)),
                    "kms_key_id": .arn(key.arn),
                ],
                key: key, roleLogicalID: "ExportLambdaRole"))
            tables.forEach { $0.1.grantScan(to: exporter) }
            // Exports over 8 MB are uploaded in parts, which needs kms:Decrypt too.
            bucket.grantPut(to: exporter, multipart: true)
        case .native(let export):
            guard export.problems.isEmpty else { throw InvalidExportEngine(problems: export.problems) }
            let state = stack.add(SSM.Parameter(
                "ExportStateParameter",
                description: "The last DynamoDB export of each table (its ARN), from which the next incremental export starts.",
                type: .string, value: "{}"))
            exporter = stack.add(Function(
                "ExportDynamoDBDataToS3", name: "Export-DynamoDB-Data-To-S3",
                description: "Starts DynamoDB's export to S3 of every configured table, full or since the last export; holds no table data.",
                code: try .inlineFile("functions/export_native.py"), timeout: timeout, memorySize: 128,
                environment: export.tableLists(tables).merging([
                    "bucket_to_export_to": bucket.ref,
                    "export_prefix": .literal(export.prefix),
                    "export_state_parameter": state.ref,
                ]) { list, _ in list },
                key: key, roleLogicalID: "ExportLambdaRole"))
            tables.forEach { $0.1.grantExport(to: exporter) }
            // DynamoDB writes the export with the caller's permissions, in
            // parts, under the prefix; the bucket's key encrypts it (via S3).
            bucket.grantPut(to: exporter, prefix: export.prefix + "/", multipart: true)
            exporter.role.addToPolicy(.allow([.abortMultipartUpload, .putObjectAcl], on: [bucket.objects(export.prefix + "/")]))
            exporter.role.addToPolicy(.allow([.getParameter, .putParameter], on: [state.parameterARN]))
        }
        return exporter
    }
}

extension SSM.Parameter {
    /// `arn:…:ssm:REGION:ACCOUNT:parameter/NAME`, for a parameter whose name
    /// CloudFormation generates (no leading `/`).
    var parameterARN: ARN<SSMParameterARN> {
        ARN(unchecked: .sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${\(logicalID)}"))
    }
}

extension NativeExport {
    /// The function's `full_table_arns` and `incremental_table_arns`: each
    /// table's ARN under its mode, a list left out when no table has it.
    func tableLists(_ tables: [(DataSet, Table)]) -> [String: TemplateExpression<String>] {
        var lists: [String: TemplateExpression<String>] = [:]
        for mode in [Mode.full, .incremental] {
            let arns = tables.filter { ($0.0.nativeExportMode ?? self.mode) == mode }.map(\.1.arn)
            if !arns.isEmpty { lists["\(mode.rawValue)_table_arns"] = .join(",", arns) }
        }
        return lists
    }
}
