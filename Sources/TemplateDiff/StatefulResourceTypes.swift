/// Resource types that hold data a replacement or deletion destroys: `all`
/// and `beyondCfnLint`.
///
/// `all` is cfn-lint's `AdditionalSpecs/StatefulResources.json` (the
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

    /// Types that hold data (databases and tables, buckets, file systems,
    /// queues and brokers, streams, keys, repositories, backup vaults) that
    /// cfn-lint's list leaves out; a test checks each is in the resource registry.
    public static let beyondCfnLint: [String] = [
        "AWS::AmazonMQ::Broker",
        "AWS::Backup::LogicallyAirGappedBackupVault",
        "AWS::Cassandra::Keyspace",
        "AWS::Cassandra::Table",
        "AWS::CloudTrail::EventDataStore",
        "AWS::CodeArtifact::Repository",
        "AWS::CodeCommit::Repository",
        "AWS::DSQL::Cluster",
        "AWS::DocDBElastic::Cluster",
        "AWS::ECR::Repository",
        "AWS::ElastiCache::ServerlessCache",
        "AWS::FSx::Volume",
        "AWS::KMS::ReplicaKey",
        "AWS::KinesisVideo::Stream",
        "AWS::Lightsail::Bucket",
        "AWS::Lightsail::Database",
        "AWS::MSK::Cluster",
        "AWS::MSK::ServerlessCluster",
        "AWS::MemoryDB::Cluster",
        "AWS::NeptuneGraph::Graph",
        "AWS::OpenSearchServerless::Collection",
        "AWS::RedshiftServerless::Namespace",
        "AWS::S3Express::DirectoryBucket",
        "AWS::S3Outposts::Bucket",
        "AWS::S3Tables::Table",
        "AWS::S3Tables::TableBucket",
        "AWS::Timestream::Database",
        "AWS::Timestream::InfluxDBInstance",
        "AWS::Timestream::Table",
    ]

    private static let lookup = Set(all + beyondCfnLint)

    public static func contains(_ type: String) -> Bool { lookup.contains(type) }
}
