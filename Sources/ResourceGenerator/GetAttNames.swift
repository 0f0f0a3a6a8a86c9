/// The attribute names `Fn::GetAtt` accepts for a resource type, decided as
/// cfn-lint decides them: the schema's read-only properties; for the types
/// whose properties are all readable, every scalar (or list of scalars)
/// property at any depth instead; a few names beyond the schema for some
/// older types; and `Outputs.*` for a nested stack.
///
/// | type                                   | names                                    |
/// |----------------------------------------|------------------------------------------|
/// | in `allPropertyTypes`                  | every scalar leaf, `A.B` for nested ones |
/// | `AWS::CloudFormation::Stack`           | `Outputs.*` only                         |
/// | any other                              | read-only properties, plus `extraAttributes` |
enum GetAttNames {
    static func names(typeName: String, schema: [String: Any]) -> [String] {
        if typeName == "AWS::CloudFormation::Stack" { return ["Outputs.*"] }
        var names: Set<String> = []
        if allPropertyTypes.contains(typeName) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (name, node) in properties {
                if let node = node as? [String: Any] { collectLeaves(node, path: [name], schema: schema, into: &names) }
            }
            return names.sorted()
        }
        names.formUnion(extraAttributes[typeName] ?? [])
        for pointer in schema["readOnlyProperties"] as? [String] ?? [] {
            let path = pointer.split(separator: "/").dropFirst().joined(separator: ".")
            names.insert(path == "Outputs" && typeName == "AWS::ServiceCatalog::CloudFormationProvisionedProduct" ? "Outputs.*" : path)
        }
        return names.sorted()
    }

    /// GetAtt reaches scalars and lists of scalars, not into lists of objects or lists.
    private static func collectLeaves(_ node: [String: Any], path: [String], schema: [String: Any], into names: inout Set<String>) {
        let types = SwiftTypeResolver.types(of: node)
        if types.contains("object") {
            for (name, child) in node["properties"] as? [String: Any] ?? [:] {
                if let child = child as? [String: Any] { collectLeaves(child, path: path + [name], schema: schema, into: &names) }
            }
        } else if types.contains("array") {
            let itemType = (node["items"] as? [String: Any])?["type"] as? String
            if itemType != "object" && itemType != "array" { names.insert(path.joined(separator: ".")) }
        } else if let reference = node["$ref"] as? String {
            guard let target = resolve(reference, in: schema) else { return }
            collectLeaves(target, path: path, schema: schema, into: &names)
        } else {
            names.insert(path.joined(separator: "."))
        }
    }

    /// A local `#/definitions/Name` reference.
    static func resolve(_ reference: String, in schema: [String: Any]) -> [String: Any]? {
        var node: Any = schema
        for component in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(component)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// Types whose every property is readable with `Fn::GetAtt` (cfn-lint's list).
    static let allPropertyTypes: Set<String> = [
        "AWS::Amplify::Branch",
        "AWS::Amplify::Domain",
        "AWS::AppSync::DomainName",
        "AWS::AppSync::FunctionConfiguration",
        "AWS::AppSync::Resolver",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::Backup::BackupSelection",
        "AWS::Backup::BackupVault",
        "AWS::Backup::LogicallyAirGappedBackupVault",
        "AWS::CodeArtifact::Domain",
        "AWS::CodeArtifact::Repository",
        "AWS::EC2::CapacityReservation",
        "AWS::EC2::Instance",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::Subnet",
        "AWS::EC2::VPC",
        "AWS::EFS::MountTarget",
        "AWS::EKS::Nodegroup",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::Events::EventBus",
        "AWS::EventSchemas::Discoverer",
        "AWS::EventSchemas::Registry",
        "AWS::EventSchemas::Schema",
        "AWS::GameLift::GameSessionQueue",
        "AWS::GameLift::MatchmakingConfiguration",
        "AWS::GameLift::MatchmakingRuleSet",
        "AWS::Grafana::Workspace",
        "AWS::Greengrass::ConnectorDefinition",
        "AWS::Greengrass::CoreDefinition",
        "AWS::Greengrass::DeviceDefinition",
        "AWS::Greengrass::FunctionDefinition",
        "AWS::Greengrass::Group",
        "AWS::Greengrass::LoggerDefinition",
        "AWS::Greengrass::ResourceDefinition",
        "AWS::Greengrass::SubscriptionDefinition",
        "AWS::ImageBuilder::Component",
        "AWS::ImageBuilder::ContainerRecipe",
        "AWS::ImageBuilder::DistributionConfiguration",
        "AWS::ImageBuilder::ImagePipeline",
        "AWS::ImageBuilder::ImageRecipe",
        "AWS::ImageBuilder::InfrastructureConfiguration",
        "AWS::ManagedBlockchain::Node",
        "AWS::Neptune::DBCluster",
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBParameterGroup",
        "AWS::RedshiftServerless::Workgroup",
        "AWS::RoboMaker::RobotApplication",
        "AWS::RoboMaker::SimulationApplication",
        "AWS::Route53Resolver::ResolverRule",
        "AWS::Route53Resolver::ResolverRuleAssociation",
        "AWS::S3::AccessPoint",
        "AWS::SageMaker::DataQualityJobDefinition",
        "AWS::SageMaker::ModelBiasJobDefinition",
        "AWS::SageMaker::ModelExplainabilityJobDefinition",
        "AWS::SageMaker::ModelQualityJobDefinition",
        "AWS::SageMaker::MonitoringSchedule",
        "AWS::SNS::Topic",
        "AWS::SQS::Queue",
        "AWS::SSM::Parameter",
        "AWS::StepFunctions::Activity",

    /// Names `Fn::GetAtt` accepts beyond the read-only properties (cfn-lint's list).
    ]
    static let extraAttributes: [String: [String]] = [
        "AWS::AppMesh::GatewayRoute": ["GatewayRouteName", "MeshName", "MeshOwner", "VirtualGatewayName"],
        "AWS::AppMesh::Mesh": ["MeshName"],
        "AWS::AppMesh::Route": ["MeshName", "MeshOwner", "RouteName", "VirtualRouterName"],
        "AWS::AppMesh::VirtualGateway": ["MeshName", "MeshOwner", "VirtualGatewayName"],
        "AWS::AppMesh::VirtualNode": ["MeshName", "MeshOwner", "VirtualNodeName"],
        "AWS::AppMesh::VirtualRouter": ["MeshName", "MeshOwner", "VirtualRouterName"],
        "AWS::AppMesh::VirtualService": ["MeshName", "MeshOwner", "VirtualServiceName"],
        "AWS::AppSync::DataSource": ["Name"],
        "AWS::Cloud9::EnvironmentEC2": ["Name"],
        "AWS::CloudWatch::InsightRule": ["RuleName"],
        "AWS::DocDB::DBCluster": ["Port"],
        "AWS::Greengrass::ConnectorDefinition": ["Name"],
        "AWS::Greengrass::CoreDefinition": ["Name"],
        "AWS::Greengrass::DeviceDefinition": ["Name"],
        "AWS::Greengrass::FunctionDefinition": ["Name"],
        "AWS::Greengrass::Group": ["Name", "RoleArn"],
        "AWS::Greengrass::LoggerDefinition": ["Name"],
        "AWS::Greengrass::ResourceDefinition": ["Name"],
        "AWS::Greengrass::SubscriptionDefinition": ["Name"],
        "AWS::IoT1Click::Device": ["Enabled"],
        "AWS::IoT1Click::Placement": ["PlacementName", "ProjectName"],
        "AWS::IoT1Click::Project": ["ProjectName"],
        "AWS::Kinesis::StreamConsumer": ["ConsumerName", "StreamARN"],
        "AWS::ManagedBlockchain::Member": ["NetworkId"],
        "AWS::MediaConvert::JobTemplate": ["Name"],
        "AWS::MediaConvert::Preset": ["Name"],
        "AWS::MediaConvert::Queue": ["Name"],
        "AWS::MediaLive::Input": ["Destinations", "Sources"],
        "AWS::OpsWorks::Instance": ["AvailabilityZone"],
        "AWS::OpsWorks::UserProfile": ["SshUsername"],
        "AWS::Route53Resolver::ResolverEndpoint": ["Direction", "Name"],
        "AWS::SageMaker::CodeRepository": ["CodeRepositoryName"],
        "AWS::SageMaker::Endpoint": ["EndpointName"],
        "AWS::SageMaker::EndpointConfig": ["EndpointConfigName"],
        "AWS::SageMaker::Model": ["ModelName"],
        "AWS::SageMaker::NotebookInstance": ["NotebookInstanceName"],
        "AWS::SageMaker::NotebookInstanceLifecycleConfig": ["NotebookInstanceLifecycleConfigName"],
        "AWS::SageMaker::Workteam": ["WorkteamName"],
        "AWS::ServiceDiscovery::Service": ["Name"],
        "AWS::Transfer::User": ["ServerId", "UserName"],
    ]
}
