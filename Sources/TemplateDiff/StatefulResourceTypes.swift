/// Resource types that hold data a replacement or deletion destroys.
///
/// The list is cfn-lint's `AdditionalSpecs/StatefulResources.json` (the
/// package that also supplies the resource schemas), which already names the
/// S3 bucket, DynamoDB table, KMS key, Logs log group and SQS queue. It is
/// written out here rather than read at run time because the report must not
/// depend on a Python environment being present; a test compares it with
/// cfn-lint's file when that file is there.
public enum StatefulResourceTypes {
    public static let all: [String] = [
        "AWS::Backup::BackupVault",
        "AWS::CloudFormation::Stack",
        "AWS::Cognito::UserPool",
        "AWS::DocDB::DBCluster",
        "AWS::DocDB::DBInstance",
        "AWS::DynamoDB::GlobalTable",
        "AWS::DynamoDB::Table",
        "AWS::EC2::Volume",
        "AWS::EFS::FileSystem",
        "AWS::EMR::Cluster",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::Elasticsearch::Domain",
        "AWS::FSx::FileSystem",
        "AWS::KMS::Key",
        "AWS::Kinesis::Stream",
        "AWS::Logs::LogGroup",
        "AWS::Neptune::DBCluster",
        "AWS::Neptune::DBInstance",
        "AWS::OpenSearchService::Domain",
        "AWS::Organizations::Account",
        "AWS::QLDB::Ledger",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance",
        "AWS::Redshift::Cluster",
        "AWS::S3::Bucket",
        "AWS::SDB::Domain",
        "AWS::SQS::Queue",
        "AWS::SecretsManager::Secret",
    ]

    private static let lookup = Set(all)

    public static func contains(_ type: String) -> Bool { lookup.contains(type) }
}
