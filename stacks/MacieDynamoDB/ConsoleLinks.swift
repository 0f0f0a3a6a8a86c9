import AWSConstructs
import CloudFormation

/// The walkthrough's thirteen outputs: names, and console links built with
/// the stack's Region (the walkthrough navigates by them).
enum ConsoleLinks {
    static func addOutputs(
        to stack: Stack, importBucket: Bucket, exportBucket: Bucket, tables: [(DataSet, Table)],
        exporter: Function, importer: Function, rule: Rule
    ) {
        stack.output("ImportS3BucketName", importBucket.ref, description: "S3 bucket to upload the CSV files to, for import into DynamoDB")
        stack.output("ImportS3BucketURL", bucketPage(importBucket), description: "Console page of the import bucket")
        stack.output("ExportS3BucketName", exportBucket.ref, description: "S3 bucket that DynamoDB data is exported to, for Macie to scan")
        stack.output("ExportS3BucketURL", bucketPage(exportBucket), description: "Console page of the export bucket")
        for (dataSet, table) in tables {
            stack.output("\(dataSet.outputPrefix)DynamoDBTableName", table.ref, description: "DynamoDB table of \(dataSet.contents)")
            stack.output(
                "\(dataSet.outputPrefix)DynamoDBTableURL",
                Value.sub("https://console.aws.amazon.com/dynamodbv2/home?region=${AWS::Region}#item-explorer?table=\(table.ref)"),
                description: "Console page of the items of the \(dataSet.tableName) table")
        }
        stack.output("LambdaExportDynamoDBDataToS3", exporter.ref, description: "Lambda function that exports the DynamoDB tables to S3")
        stack.output("LambdaExportDynamoDBDataToS3URL", functionPage(exporter), description: "Console page of the export function")
        stack.output("LambdaImportS3DataToDynamoDB", importer.ref, description: "Lambda function that imports the CSV files into DynamoDB")
        stack.output("LambdaImportS3DataToDynamoURL", functionPage(importer), description: "Console page of the import function")
        stack.output(
            "EventBridgeRule",
            Value.sub("https://console.aws.amazon.com/events/home?region=${AWS::Region}#/eventbus/default/rules/\(rule.ref)"),
            description: "Console page of the EventBridge rule that schedules the export")
    }

    private static func bucketPage(_ bucket: Bucket) -> Value {
        .sub("https://console.aws.amazon.com/s3/buckets/\(bucket.ref)?region=${AWS::Region}&tab=objects")
    }

    private static func functionPage(_ function: Function) -> Value {
        .sub("https://console.aws.amazon.com/lambda/home?region=${AWS::Region}#/functions/\(function.ref)?tab=configuration")
    }
}
