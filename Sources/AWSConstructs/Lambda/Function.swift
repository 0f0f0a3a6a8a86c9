import AWSResources
import CloudFormation
import SecurityRules

/// A Lambda function with its own role (`<function>Role` unless
/// `roleLogicalID` says otherwise), log group and dead-letter queue, secure by
/// default.
///
/// | default | why |
/// |---|---|
/// | a role of its own, trusted only by `lambda.amazonaws.com` | grants to this function reach nothing else |
/// | a log group with retention (`logRetentionDays`, 365), encrypted with `key`, wired through `LoggingConfig` | logs kept a year, readable only through the key; the log group exists before the function first runs |
/// | log permissions on that log group only | not on every log group of the account |
/// | runtime `python3.13` | supported; cfn-lint's data does not list it as deprecated |
/// | reserved concurrency 1 (`reservedConcurrency`) | a runaway trigger cannot exhaust the account's concurrency |
/// | a dead-letter queue, encrypted with `key`, for failed asynchronous invocations | failures are kept, not dropped |
/// | environment variables encrypted with `key` | who can read them is decided by the key policy |
///
/// Checks that do not fit (running inside a VPC, code signing for inline code)
/// are suppressed in the function's metadata with the reason.
public final class Function: ResourceDeclaration, Grantee {
    public enum Code: Sendable, Equatable {
        /// Source text, inlined into the template (`ZipFile`, at most 4,096
        /// bytes); see also `inlineFile(_:)`.
        case inline(String)
        /// A file or folder zipped beside the template; the template's `Code`
        /// is its local path, which `aws cloudformation package` uploads.
        /// See `file(_:)` and `folder(_:installingRequirements:)`.
        case package(CodePackage)
    }

    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var description: TemplateExpression<String>?
    public var runtime: Lambda.Function.Runtime
    public var handler: String
    public var code: Code
    public var timeout: Int
    public var memorySize: Int
    public var environment: [String: TemplateExpression<String>]
    public var reservedConcurrency: Int
    public var logRetentionDays: Int
    public var key: Key
    public let role: Role
    public let deadLetterQueue: Queue
    public var suppressions: [CheckovSuppression] = [
        CheckovSuppression("CKV_AWS_117", because: "The function calls only public AWS APIs; there is no VPC resource for it to reach."),
        Function.inlineCodeSigning,
    ]

    /// Inline code cannot be signed; the default suppression says so.
    public static let inlineCodeSigning = CheckovSuppression(
        "CKV_AWS_272", because: "Inline code (ZipFile) cannot be signed; it is reviewed in this repository.")
    /// What the default suppression says for packaged code instead.
    public static let packagedCodeSigning = CheckovSuppression(
        "CKV_AWS_272", because: "The package is built at synthesis from sources reviewed in this repository; code signing is not configured.")

    public init(
        _ logicalID: String, name: TemplateExpression<String>? = nil, description: TemplateExpression<String>? = nil,
        runtime: Lambda.Function.Runtime = .python3_13, handler: String = "index.handler", code: Code,
        timeout: Int = 60, memorySize: Int = 128, environment: [String: TemplateExpression<String>] = [:],
        reservedConcurrency: Int = 1, logRetentionDays: Int = 365, key: Key, roleLogicalID: String? = nil
    ) {
        self.logicalID = logicalID
        self.name = name
        self.description = description
        self.runtime = runtime
        self.handler = handler
        self.code = code
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.reservedConcurrency = reservedConcurrency
        self.logRetentionDays = logRetentionDays
        self.key = key
        role = Role(roleLogicalID ?? logicalID + "Role", trustedService: "lambda.amazonaws.com")
        deadLetterQueue = Queue(logicalID + "DeadLetterQueue", key: key)
        deadLetterQueue.grantSend(to: role)
        key.allowCloudWatchLogs()
        role.addToPolicy(.allow([.createLogStream, .putLogEvents], on: [logGroupARN]))
    }

    /// `Ref`: the function name.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<LambdaFunctionARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }
    public var logGroupLogicalID: String { logicalID + "LogGroup" }
    /// `arn:…:log-group:NAME:*`, which covers the group's streams.
    public var logGroupARN: ARN<LogGroupARN> { ARN(unchecked: .getAtt(logGroupLogicalID, "Arn")) }

    /// `/aws/lambda/<name>`, as Lambda would name it.
    var logGroupName: TemplateExpression<String> {
        switch name?.templateValue {
        case .string(let literal)?: .literal("/aws/lambda/\(literal)")
        case let value?: .sub("/aws/lambda/\(value)")
        case nil: .sub("/aws/lambda/${AWS::StackName}-\(logicalID)")
        }
    }

    /// The packaged code, built once per code value.
    private var packaged: (package: CodePackage, asset: Asset)?

    public func declaredAssets() throws -> [Asset] {
        guard case .package(let package) = code else { return [] }
        if let packaged, packaged.package == package { return [packaged.asset] }
        let asset = try package.asset()
        packaged = (package, asset)
        return [asset]
    }

    public func declaredResources() -> [Resource] {
        var codeProperty = Lambda.Function.Code()
        var assetPath: String?
        switch code {
        case .inline(let text): codeProperty = .init(zipFile: .literal(text))
        case .package:
            // Synthesis builds the assets first and reports a package that
            // cannot be built; this path then never reaches a template.
            assetPath = (try? declaredAssets())?.first?.path ?? "assets/unbuilt.zip"
        }
        let logGroup = Logs.LogGroup(
            logGroupLogicalID, kmsKeyId: .to(key), logGroupName: logGroupName,
            retentionInDays: .init(integerLiteral: logRetentionDays),
            attributes: ResourceAttributes(
                metadata: RuleSuppression.metadata([RuleSuppression(
                    "DELETION-PROTECTION",
                    because: "The log group goes with its function (DeletionPolicy Delete); deletion protection would make deleting the stack fail.")]),
                deletionPolicy: .delete, updateReplacePolicy: .delete))
        var function = Lambda.Function(
            logicalID,
            code: codeProperty,
            deadLetterConfig: .init(targetArn: .arn(deadLetterQueue.arn)),
            description: description,
            environment: environment.isEmpty ? nil : .init(variables: environment),
            functionName: name,
            handler: .literal(handler),
            kmsKeyArn: .to(key),
            loggingConfig: .init(logFormat: .text, logGroup: TemplateExpression(unchecked: .ref(logGroupLogicalID))),
            memorySize: .init(integerLiteral: memorySize),
            reservedConcurrentExecutions: .init(integerLiteral: reservedConcurrency),
            role: .arn(role.arn),
            runtime: runtime,
            timeout: .init(integerLiteral: timeout),
            attributes: ResourceAttributes(metadata: CheckovSuppression.metadata(suppressions.map { suppression in
                assetPath != nil && suppression == Self.inlineCodeSigning ? Self.packagedCodeSigning : suppression
            })))
        if let assetPath {
            function.addPropertyOverride("Code", .string(assetPath))
            // cfn-lint's W3002 says a local path needs `aws cloudformation package`: that is the design.
            var metadata = function.attributes.metadata ?? [:]
            metadata["cfn-lint"] = ["config": ["ignore_checks": ["W3002"]]]
            function.attributes.metadata = metadata
        }
        return role.declaredResources() + logGroup.declaredResources() + deadLetterQueue.declaredResources()
            + function.declaredResources()
    }
}
