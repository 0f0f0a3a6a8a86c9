/// Every kind of IAM policy CloudFormation has, from the resource schemas in
/// the cfn-lint package (properties that hold an IAM policy document) and
/// SAM's `Policies`. `PolicyKindCatalogTests` checks this list against the
/// schemas: a policy property they add fails it until it is listed here or
/// among `notIAMPolicies`.
extension PolicyKind {
    public static let inlineRolePolicy = PolicyKind(
        "AWS::IAM::Role", .document(["Policies", "*", "PolicyDocument"]), side: .identity, attachment: .holder,
        name: "inline policy")
    public static let trustPolicy = PolicyKind(
        "AWS::IAM::Role", .document(["AssumeRolePolicyDocument"]), side: .trust, attachment: .holder,
        resourceIsHolder: true, name: "trust policy")
    public static let policy = PolicyKind(
        "AWS::IAM::Policy", .document(["PolicyDocument"]), side: .identity, attachment: .identities(attachedIdentities))
    public static let managedPolicy = PolicyKind(
        "AWS::IAM::ManagedPolicy", .document(["PolicyDocument"]), side: .identity, attachment: .identities(attachedIdentities))
    /// A role's `PermissionsBoundary` naming a managed policy of the template:
    /// not a place of its own, the managed policy's document read as a limit.
    public static let permissionsBoundary = PolicyKind(
        "AWS::IAM::ManagedPolicy", .document(["PolicyDocument"]), side: .limit, attachment: .none,
        name: "permissions boundary")
    public static let bucketPolicy = PolicyKind(
        "AWS::S3::BucketPolicy", .document(["PolicyDocument"]), side: .resource,
        attachment: .resources(property: "Bucket", form: .bucketName))
    public static let keyPolicy = PolicyKind(
        "AWS::KMS::Key", .document(["KeyPolicy"]), side: .resource, attachment: .holder, resourceIsHolder: true,
        name: "key policy")
    /// The policy KMS gives a key created without `KeyPolicy`: the account
    /// (its root, and through it IAM policies) may do `kms:*`.
    public static let defaultKeyPolicy = PolicyKind(
        "AWS::KMS::Key", .document(["KeyPolicy"]), side: .resource, attachment: .holder, resourceIsHolder: true,
        name: "default key policy")
    public static let queuePolicy = PolicyKind(
        "AWS::SQS::QueuePolicy", .document(["PolicyDocument"]), side: .resource,
        attachment: .resources(property: "Queues", form: .queueURL))
    public static let topicPolicy = PolicyKind(
        "AWS::SNS::TopicPolicy", .document(["PolicyDocument"]), side: .resource,
        attachment: .resources(property: "Topics", form: .arn))
    /// One Allow on its function.
    public static let lambdaPermission = PolicyKind(
        "AWS::Lambda::Permission", .statementProperties, side: .resource,
        attachment: .resources(property: "FunctionName", form: .functionName))

    private static let attachedIdentities: [IdentityProperty] = [.init("Roles", "role"), .init("Users", "user"), .init("Groups", "group")]

    /// Every place a template can hold policy statements, in a fixed order.
    public static let all: [PolicyKind] = [
        // Identity policies.
        inlineRolePolicy,
        PolicyKind("AWS::IAM::User", .document(["Policies", "*", "PolicyDocument"]), side: .identity, attachment: .holder),
        PolicyKind("AWS::IAM::Group", .document(["Policies", "*", "PolicyDocument"]), side: .identity, attachment: .holder),
        policy,
        managedPolicy,
        PolicyKind("AWS::IAM::RolePolicy", .document(["PolicyDocument"]), side: .identity, attachment: .identities([.init("RoleName", "role")])),
        PolicyKind("AWS::IAM::UserPolicy", .document(["PolicyDocument"]), side: .identity, attachment: .identities([.init("UserName", "user")])),
        PolicyKind("AWS::IAM::GroupPolicy", .document(["PolicyDocument"]), side: .identity, attachment: .identities([.init("GroupName", "group")])),
        PolicyKind("AWS::SSO::PermissionSet", .document(["InlinePolicy"]), side: .identity, attachment: .holder),
        PolicyKind("AWS::IoT::Policy", .document(["PolicyDocument"]), side: .identity, attachment: .holder),
        PolicyKind("AWS::Serverless::Function", .samPolicies, side: .identity, attachment: .samRole),
        PolicyKind("AWS::Serverless::StateMachine", .samPolicies, side: .identity, attachment: .samRole),
        // Policies that limit what a session may do.
        PolicyKind("AWS::Transfer::User", .document(["Policy"]), side: .limit, attachment: .holder),
        PolicyKind("AWS::EKS::PodIdentityAssociation", .document(["Policy"]), side: .limit, attachment: .holder),
        PolicyKind("AWS::RolesAnywhere::Profile", .document(["SessionPolicy"]), side: .limit, attachment: .holder),
        // Trust.
        trustPolicy,
        // Resource policies.
        bucketPolicy,
        keyPolicy,
        PolicyKind("AWS::KMS::ReplicaKey", .document(["KeyPolicy"]), side: .resource, attachment: .holder, resourceIsHolder: true),
        queuePolicy,
        PolicyKind("AWS::SQS::QueueInlinePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "Queue", form: .queueURL)),
        topicPolicy,
        PolicyKind("AWS::SNS::TopicInlinePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "TopicArn", form: .arn)),
        lambdaPermission,
        PolicyKind("AWS::Lambda::LayerVersionPermission", .statementProperties, side: .resource,
                   attachment: .resources(property: "LayerVersionArn", form: .arn)),
        PolicyKind("AWS::Lambda::ResourcePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::Events::EventBusPolicy", .statementProperties, side: .resource,
                   attachment: .resources(property: "EventBusName", form: .eventBusName)),
        PolicyKind("AWS::Events::EventBus", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::EventsV2::ResourcePolicy", .document(["PolicyDocument"]), side: .resource, attachment: .none),
        PolicyKind("AWS::EventSchemas::RegistryPolicy", .document(["Policy"]), side: .resource,
                   attachment: .resources(property: "RegistryName", form: .other)),
        PolicyKind("AWS::ECR::Repository", .document(["RepositoryPolicyText"]), side: .resource, attachment: .holder, resourceIsHolder: true),
        PolicyKind("AWS::ECR::PublicRepository", .document(["RepositoryPolicyText"]), side: .resource, attachment: .holder, resourceIsHolder: true),
        PolicyKind("AWS::ECR::RegistryPolicy", .document(["PolicyText"]), side: .resource, attachment: .none),
        PolicyKind("AWS::ECR::RepositoryCreationTemplate", .document(["RepositoryPolicy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::SecretsManager::ResourcePolicy", .document(["ResourcePolicy"]), side: .resource,
                   attachment: .resources(property: "SecretId", form: .arn), resourceIsHolder: true),
        PolicyKind("AWS::Logs::ResourcePolicy", .document(["PolicyDocument"]), side: .resource, attachment: .none),
        PolicyKind("AWS::Logs::LogGroup", .document(["ResourcePolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Logs::Destination", .document(["DestinationPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Logs::DeliveryDestination", .document(["DeliveryDestinationPolicy", "DeliveryDestinationPolicy"]),
                   side: .resource, attachment: .holder),
        PolicyKind("AWS::OpenSearchService::Domain", .document(["AccessPolicies"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Elasticsearch::Domain", .document(["AccessPolicies"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Backup::BackupVault", .document(["AccessPolicy"]), side: .resource, attachment: .holder, resourceIsHolder: true),
        PolicyKind("AWS::Backup::LogicallyAirGappedBackupVault", .document(["AccessPolicy"]), side: .resource, attachment: .holder,
                   resourceIsHolder: true),
        PolicyKind("AWS::ApiGateway::RestApi", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ApiGateway::DomainNameV2", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::S3::AccessPoint", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::S3::MultiRegionAccessPointPolicy", .document(["Policy"]), side: .resource,
                   attachment: .resources(property: "MrapName", form: .other)),
        PolicyKind("AWS::S3Express::AccessPoint", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::S3Express::BucketPolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "Bucket", form: .other)),
        PolicyKind("AWS::S3Files::FileSystemPolicy", .document(["Policy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::S3ObjectLambda::AccessPointPolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "ObjectLambdaAccessPoint", form: .other)),
        PolicyKind("AWS::S3Outposts::AccessPoint", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::S3Outposts::BucketPolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "Bucket", form: .arn)),
        PolicyKind("AWS::S3Tables::TableBucketPolicy", .document(["ResourcePolicy"]), side: .resource,
                   attachment: .resources(property: "TableBucketARN", form: .arn)),
        PolicyKind("AWS::S3Tables::TablePolicy", .document(["ResourcePolicy"]), side: .resource,
                   attachment: .resources(property: "TableARN", form: .arn)),
        PolicyKind("AWS::S3Vectors::VectorBucketPolicy", .document(["Policy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::FSx::S3AccessPointAttachment", .document(["S3AccessPoint", "Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::EFS::FileSystem", .document(["FileSystemPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::DynamoDB::Table", .document(["ResourcePolicy", "PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::DynamoDB::Table", .document(["StreamSpecification", "ResourcePolicy", "PolicyDocument"]), side: .resource,
                   attachment: .holder),
        PolicyKind("AWS::DynamoDB::GlobalTable", .document(["Replicas", "*", "ResourcePolicy", "PolicyDocument"]), side: .resource,
                   attachment: .holder),
        PolicyKind("AWS::DynamoDB::GlobalTable", .document(["Replicas", "*", "ReplicaStreamSpecification", "ResourcePolicy", "PolicyDocument"]),
                   side: .resource, attachment: .holder),
        PolicyKind("AWS::Kinesis::ResourcePolicy", .document(["ResourcePolicy"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::MSK::ClusterPolicy", .document(["Policy"]), side: .resource, attachment: .resources(property: "ClusterArn", form: .arn)),
        PolicyKind("AWS::CloudTrail::ResourcePolicy", .document(["ResourcePolicy"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::CodeArtifact::Domain", .document(["PermissionsPolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::CodeArtifact::Repository", .document(["PermissionsPolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::SSM::ResourcePolicy", .document(["Policy"]), side: .resource, attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::APS::ResourcePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "WorkspaceArn", form: .arn)),
        PolicyKind("AWS::AIOps::InvestigationGroup", .document(["InvestigationGroupPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Bedrock::KnowledgeBasePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "KnowledgeBaseArn", form: .arn)),
        PolicyKind("AWS::Bedrock::ResourcePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::BedrockAgentCore::ResourcePolicy", .document(["Policy"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::Comprehend::DocumentClassifier", .document(["ModelPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Comprehend::EntityRecognizer", .document(["ModelPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::DSQL::Cluster", .document(["PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Lex::ResourcePolicy", .document(["Policy"]), side: .resource, attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::MediaPackageV2::ChannelPolicy", .document(["Policy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::MediaPackageV2::OriginEndpointPolicy", .document(["Policy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::MediaStore::Container", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::MediaTailor::ChannelPolicy", .document(["Policy"]), side: .resource, attachment: .none),
        PolicyKind("AWS::OSIS::Pipeline", .document(["ResourcePolicy", "Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Oam::Sink", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Omics::SequenceStore", .document(["S3AccessPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::PaymentCryptography::Key", .document(["Policy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::RUM::AppMonitor", .document(["ResourcePolicy", "PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::Redshift::Cluster", .document(["NamespaceResourcePolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::RedshiftServerless::Namespace", .document(["NamespaceResourcePolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::SageMaker::ModelPackageGroup", .document(["ModelPackageGroupPolicy"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::SMSVOICE::ResourcePolicy", .document(["PolicyDocument"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::VpcLattice::AuthPolicy", .document(["Policy"]), side: .resource,
                   attachment: .resources(property: "ResourceIdentifier", form: .other)),
        PolicyKind("AWS::VpcLattice::ResourcePolicy", .document(["Policy"]), side: .resource,
                   attachment: .resources(property: "ResourceArn", form: .arn)),
        PolicyKind("AWS::XRay::ResourcePolicy", .document(["PolicyDocument"]), side: .resource, attachment: .none),
        // Endpoint policies: what may pass through a network endpoint; they name principals as resource policies do.
        PolicyKind("AWS::EC2::VPCEndpoint", .document(["PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["KmsPolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["S3PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["StsPolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["ManagedServices", "KmsAccess", "KmsPolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["ManagedServices", "S3Access", "S3PolicyDocument"]), side: .resource, attachment: .holder),
        PolicyKind("AWS::ODB::OdbNetwork", .document(["ManagedServices", "StsAccess", "StsPolicyDocument"]), side: .resource, attachment: .holder),
    ]

    /// The kinds of one resource type, in catalog order.
    public static func kinds(of resourceType: String) -> [PolicyKind] {
        byResourceType[resourceType] ?? []
    }

    private static let byResourceType: [String: [PolicyKind]] = Dictionary(grouping: all, by: \.resourceType)

    /// Properties the schemas name like policies that do not hold IAM policy
    /// documents, by `Type Path`, each with what it holds instead.
    public static let notIAMPolicies: [String: String] = [
        "AWS::ApiGateway::DomainName SecurityPolicy": "a TLS version",
        "AWS::ApiGateway::DomainNameV2 SecurityPolicy": "a TLS version",
        "AWS::ApiGateway::RestApi SecurityPolicy": "a TLS version",
        "AWS::ApiGatewayV2::DomainName DomainNameConfigurations/*/SecurityPolicy": "a TLS version",
        "AWS::Batch::JobDefinition EksProperties/PodProperties/Containers/*/ImagePullPolicy": "a Kubernetes setting",
        "AWS::Batch::JobDefinition EksProperties/PodProperties/DnsPolicy": "a Kubernetes setting",
        "AWS::Batch::JobDefinition EksProperties/PodProperties/InitContainers/*/ImagePullPolicy": "a Kubernetes setting",
        "AWS::Batch::JobDefinition NodeProperties/NodeRangeProperties/*/EksProperties/PodProperties/Containers/*/ImagePullPolicy":
            "a Kubernetes setting",
        "AWS::Batch::JobDefinition NodeProperties/NodeRangeProperties/*/EksProperties/PodProperties/DnsPolicy": "a Kubernetes setting",
        "AWS::Batch::JobDefinition NodeProperties/NodeRangeProperties/*/EksProperties/PodProperties/InitContainers/*/ImagePullPolicy":
            "a Kubernetes setting",
        "AWS::Bedrock::RetrievalInstruction Instruction/AnswerPolicy": "a generation setting",
        "AWS::CloudFront::Distribution DistributionConfig/CacheBehaviors/*/ViewerProtocolPolicy": "a protocol setting",
        "AWS::CloudFront::Distribution DistributionConfig/CustomOrigin/OriginProtocolPolicy": "a protocol setting",
        "AWS::CloudFront::Distribution DistributionConfig/Origins/*/CustomOriginConfig/OriginProtocolPolicy": "a protocol setting",
        "AWS::CloudFront::ResponseHeadersPolicy ResponseHeadersPolicyConfig/SecurityHeadersConfig/ContentSecurityPolicy/ContentSecurityPolicy":
            "an HTTP header",
        "AWS::CloudFront::ResponseHeadersPolicy ResponseHeadersPolicyConfig/SecurityHeadersConfig/ReferrerPolicy/ReferrerPolicy":
            "an HTTP header",
        "AWS::Config::ConfigRule Source/CustomPolicyDetails/PolicyText": "a CloudFormation Guard rule",
        "AWS::Config::OrganizationConfigRule OrganizationCustomPolicyRuleMetadata/PolicyText": "a CloudFormation Guard rule",
        "AWS::DMS::Endpoint MicrosoftSqlServerSettings/SafeguardPolicy": "a replication setting",
        "AWS::EC2::ClientVpnEndpoint AuthorizationPolicy/PolicyDocument": "a Cedar policy",
        "AWS::EC2::VerifiedAccessEndpoint PolicyDocument": "a Cedar policy",
        "AWS::EC2::VerifiedAccessGroup PolicyDocument": "a Cedar policy",
        "AWS::ECR::Repository LifecyclePolicy/LifecyclePolicyText": "image lifecycle rules",
        "AWS::ECR::RepositoryCreationTemplate LifecyclePolicy": "image lifecycle rules",
        "AWS::ElasticLoadBalancingV2::Listener SslPolicy": "a TLS policy name",
        "AWS::Elasticsearch::Domain DomainEndpointOptions/TLSSecurityPolicy": "a TLS policy name",
        "AWS::Events::ApiDestination ArnForPolicy": "an ARN",
        "AWS::Events::Connection ArnForPolicy": "an ARN",
        "AWS::FSx::FileSystem LustreConfiguration/AutoImportPolicy": "an import setting",
        "AWS::FSx::Volume OntapConfiguration/SnapshotPolicy": "a snapshot schedule name",
        "AWS::IoT::DomainConfiguration TlsConfig/SecurityPolicy": "a TLS policy name",
        "AWS::IoTWireless::ServiceProfile LoRaWAN/DlRatePolicy": "a radio setting",
        "AWS::IoTWireless::ServiceProfile LoRaWAN/UlRatePolicy": "a radio setting",
        "AWS::Logs::AccountPolicy PolicyDocument": "a data protection or subscription filter policy",
        "AWS::Logs::LogGroup DataProtectionPolicy": "a data protection policy",
        "AWS::MediaLive::Channel InputAttachments/*/InputSettings/AudioSelectors/*/SelectorSettings/AudioLanguageSelection/LanguageSelectionPolicy":
            "an audio setting",
        "AWS::MediaStore::Container LifecyclePolicy": "object lifecycle rules",
        "AWS::NetworkManager::CoreNetwork PolicyDocument": "a network topology",
        "AWS::OpenSearchServerless::AccessPolicy Policy": "OpenSearch Serverless data access rules",
        "AWS::OpenSearchServerless::LifecyclePolicy Policy": "index retention rules",
        "AWS::OpenSearchServerless::SecurityPolicy Policy": "encryption or network rules",
        "AWS::OpenSearchService::Domain DomainEndpointOptions/TLSSecurityPolicy": "a TLS policy name",
        "AWS::SES::ConfigurationSet DeliveryOptions/TlsPolicy": "a TLS setting",
        "AWS::SES::ConfigurationSet TrackingOptions/HttpsPolicy": "an HTTPS setting",
        "AWS::SES::Tenant ReputationEntity/Policy/ReputationEntityPolicy": "a reputation policy ARN",
        "AWS::SNS::Subscription DeliveryPolicy": "retry settings",
        "AWS::SNS::Subscription FilterPolicy": "a message filter",
        "AWS::SNS::Subscription RedrivePolicy": "a dead-letter queue",
        "AWS::SNS::Subscription ReplayPolicy": "replay settings",
        "AWS::SNS::Topic ArchivePolicy": "message retention",
        "AWS::SNS::Topic DataProtectionPolicy": "a data protection policy",
        "AWS::SQS::Queue RedriveAllowPolicy": "which queues may use it as a dead-letter queue",
        "AWS::SSM::Parameter Policies": "parameter expiration rules",
        "AWS::StorageGateway::NFSFileShare NotificationPolicy": "a notification setting",
        "AWS::StorageGateway::SMBFileShare NotificationPolicy": "a notification setting",
        "AWS::WorkSpacesWeb::BrowserSettings BrowserPolicy": "Chrome policies",
    ]
}
