import AWSApiGateway
import AWSAthena
import AWSEC2
import AWSECR
import AWSECS
import AWSEFS
import AWSElasticLoadBalancingV2
import AWSKinesis
import AWSRDS
import AWSResources
import AWSSecretsManager
import CloudFormation

/// A small application across ten services beyond AWSResources' types — a
/// network, a database, an API, a container service, a file system, a stream,
/// a query work group — written with the service modules and their typed
/// references: the template `make lint` lints, so the service modules are
/// known to produce what cfn-lint accepts.
struct ManyServicesStack: StackDefinition {
    var name: String { "ManyServices" }

    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        let retained = ResourceAttributes(deletionPolicy: .retain, updateReplacePolicy: .retain)
        let snapshot = ResourceAttributes(deletionPolicy: .snapshot, updateReplacePolicy: .snapshot)

        let key = stack.add(KMS.Key(
            "DataKey", enableKeyRotation: true,
            keyPolicy: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "AccountAdministers",
                    "Effect": "Allow",
                    "Principal": ["AWS": .sub("arn:\(.partition):iam::\(.accountID):root")],
                    "Action": "kms:*",
                    "Resource": "*",
                ]],
            ],
            attributes: retained))

        // The network: a VPC, a private subnet in each of two zones, and the
        // security groups of the service and of the database.
        let vpc = stack.add(EC2.VPC("Network", cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true))
        let subnets = (0..<2).map { index in
            stack.add(EC2.Subnet(
                "PrivateSubnet\(index + 1)",
                availabilityZone: .select(.init(integerLiteral: index), from: .getAZs()),
                cidrBlock: .literal("10.0.\(index).0/24"),
                vpcId: .to(vpc)))
        }
        let serviceGroup = stack.add(EC2.SecurityGroup(
            "ServiceSecurityGroup", groupDescription: "The container service",
            securityGroupEgress: [.init(cidrIp: "10.0.0.0/16", descriptionProperty: "Inside the network only", fromPort: 443, ipProtocol: "tcp", toPort: 443)],
            vpcId: .to(vpc)))
        let databaseGroup = stack.add(EC2.SecurityGroup(
            "DatabaseSecurityGroup", groupDescription: "The database, reachable from the service",
            vpcId: .to(vpc)))
        stack.add(EC2.SecurityGroupIngress(
            "DatabaseFromService", description: "PostgreSQL from the service", fromPort: 5432, groupId: .to(databaseGroup),
            ipProtocol: "tcp", sourceSecurityGroupId: .to(serviceGroup), toPort: 5432))

        // The database, its password kept by RDS in Secrets Manager.
        let subnetGroup = stack.add(RDS.DBSubnetGroup(
            "DatabaseSubnets", dbSubnetGroupDescription: "The private subnets", subnetIds: .list(subnets.map(\.ref))))
        stack.add(RDS.DBInstance(
            "Database", allocatedStorage: "20", backupRetentionPeriod: 7, dbInstanceClass: "db.t4g.micro",
            dbSubnetGroupName: subnetGroup.ref, deletionProtection: true, engine: "postgres", kmsKeyId: .to(key),
            manageMasterUserPassword: true, masterUsername: "app", storageEncrypted: true,
            vpcSecurityGroups: [databaseGroup.groupId], attributes: snapshot))
        stack.add(SecretsManager.Secret(
            "ApiToken", description: "The token clients of the API present",
            generateSecretString: .init(excludePunctuation: true, passwordLength: 32), kmsKeyId: .to(key), attributes: retained))

        // The container service and its image repository.
        let repository = stack.add(ECR.Repository(
            "Images", encryptionConfiguration: .init(encryptionType: .kms, kmsKey: key.arn),
            imageScanningConfiguration: .init(scanOnPush: true), imageTagMutability: .immutable, attributes: retained))
        let executionRole = stack.add(IAM.Role(
            "TaskExecutionRole",
            assumeRolePolicyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Principal": ["Service": "ecs-tasks.amazonaws.com"],
                    "Action": "sts:AssumeRole",
                ]],
            ]))
        let cluster = stack.add(ECS.Cluster("Cluster", clusterSettings: [.init(name: "containerInsights", value: "enabled")]))
        let task = stack.add(ECS.TaskDefinition(
            "Task",
            containerDefinitions: [.init(essential: true, image: .sub("\(repository.repositoryUri):1.0.0"), name: "app", readonlyRootFilesystem: true)],
            cpu: "256", executionRoleArn: .to(executionRole), family: "app", memory: "512", networkMode: .awsvpc,
            requiresCompatibilities: [.fargate]))
        stack.add(ECS.Service(
            "Service", cluster: cluster.ref, desiredCount: 1, launchType: .fargate,
            networkConfiguration: .init(awsvpcConfiguration: .init(
                assignPublicIp: .disabled, securityGroups: [.to(serviceGroup)], subnets: subnets.map { .to($0) })),
            taskDefinition: task.ref))
        stack.add(ElasticLoadBalancingV2.TargetGroup(
            "ServiceTargets", healthCheckPath: "/health", port: 8080, protocol: .http, targetType: .ip, vpcId: .to(vpc)))

        // Shared files, a stream of events and a work group to query them.
        let files = stack.add(EFS.FileSystem(
            "SharedFiles", backupPolicy: .init(status: .enabled), encrypted: true, kmsKeyId: .to(key), attributes: retained))
        for (index, subnet) in subnets.enumerated() {
            stack.add(EFS.MountTarget(
                "SharedFilesMount\(index + 1)", fileSystemId: files.ref, securityGroups: [.to(serviceGroup)], subnetId: .to(subnet)))
        }
        stack.add(Kinesis.Stream(
            "Events", retentionPeriodHours: 24,
            streamEncryption: .init(encryptionType: .kms, keyId: .to(key)), streamModeDetails: .init(streamMode: .onDemand),
            attributes: retained))
        stack.add(Athena.WorkGroup(
            "Queries", name: "app-queries",
            workGroupConfiguration: .init(
                enforceWorkGroupConfiguration: true,
                resultConfiguration: .init(encryptionConfiguration: .init(encryptionOption: .sseKms, kmsKey: key.arn)))))

        // The API: one mocked method, deployed to a stage.
        let api = stack.add(ApiGateway.RestApi("Api", endpointConfiguration: .init(types: ["REGIONAL"]), name: "app"))
        let method = stack.add(ApiGateway.Method(
            "HealthMethod", authorizationType: "NONE", httpMethod: "GET",
            integration: .init(
                integrationResponses: [.init(statusCode: "200")], requestTemplates: ["application/json": "{\"statusCode\": 200}"],
                type: .mock),
            methodResponses: [.init(statusCode: "200")], resourceId: api.rootResourceId, restApiId: api.ref))
        let deployment = stack.add(ApiGateway.Deployment(
            "ApiDeployment", restApiId: api.ref, attributes: ResourceAttributes(dependsOn: [method])))
        stack.add(ApiGateway.Stage("ApiStage", deploymentId: deployment.ref, restApiId: api.ref, stageName: "v1", tracingEnabled: true))
    }
}
