import AWSResources
import CloudFormation

/// An EventBridge rule on a schedule or an event pattern, whose function
/// targets get an invoke permission scoped to this rule (`SourceArn`).
public final class Rule: ResourceDeclaration {
    public enum Trigger {
        case schedule(Schedule)
        case eventPattern(Value)
    }

    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var description: TemplateExpression<String>?
    public var trigger: Trigger
    public var enabled = true
    private var targets: [(function: Function, permissionID: String)] = []
    private var topicTargets: [Topic] = []

    public init(_ logicalID: String, name: TemplateExpression<String>? = nil, description: TemplateExpression<String>? = nil, trigger: Trigger) {
        self.logicalID = logicalID
        self.name = name
        self.description = description
        self.trigger = trigger
    }

    /// `Ref`: the rule name.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<EventsRuleARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }

    /// Invokes `function`; `permissionLogicalID` names the `AWS::Lambda::Permission`
    /// that lets this rule, and only this rule, invoke it.
    public func addTarget(_ function: Function, permissionLogicalID: String? = nil) {
        targets.append((function, permissionLogicalID ?? "\(logicalID)Invokes\(function.logicalID)"))
    }

    /// Publishes matching events to `topic`: its policy lets EventBridge
    /// publish for this rule only, and its key lets EventBridge encrypt.
    public func addTarget(_ topic: Topic) {
        topicTargets.append(topic)
        topic.allowPublish(byService: "events.amazonaws.com", sourceArn: arn.templateValue)
    }

    public func declaredResources() -> [Resource] {
        var schedule: TemplateExpression<String>?
        var pattern: Value?
        switch trigger {
        case .schedule(let value): schedule = .literal(value.description)
        case .eventPattern(let value): pattern = value
        }
        let rule = Events.Rule(
            logicalID, description: description, eventPattern: pattern, name: name, scheduleExpression: schedule,
            state: enabled ? .enabled : .disabled,
            targets: targets.isEmpty && topicTargets.isEmpty ? nil
                : targets.map { .init(arn: .arn($0.function.arn), id: .literal($0.function.logicalID)) }
                + topicTargets.map { .init(arn: .arn($0.arn), id: .literal($0.logicalID)) })
        let permissions = targets.flatMap { target in
            Lambda.Permission(
                target.permissionID, action: "lambda:InvokeFunction", functionName: target.function.ref,
                principal: "events.amazonaws.com", sourceArn: .arn(arn)
            ).declaredResources()
        }
        return rule.declaredResources() + permissions
    }
}
