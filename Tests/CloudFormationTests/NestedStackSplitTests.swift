import CloudFormation
import Testing

/// A stack of `groups` groups (a dead-letter queue, a queue redriving to it,
/// the queue's policy), all encrypted with one shared key, named after the
/// stack, with a retention parameter, a condition and an output per tenth group.
private func groupedTemplate(groups: Int, extra: [Resource] = []) -> Template {
    var template = Template(description: "queues")
    template.parameters = [
        Parameter("Retention", type: .number, default: 345_600),
        Parameter("Subnets", type: .list(.subnetID)),
    ]
    template.conditions = [
        Condition("IsProduction", .equals(.ref("Stage"), "prod")),
        Condition("HasLongRetention", .not(.condition("IsProduction"))),
    ]
    template.parameters.append(Parameter("Stage", type: .string, default: "dev"))
    template.mappings = [Mapping("Sizes", ["dev": ["Delay": 5]])]
    template.resources = [Resource("Key", type: "AWS::KMS::Key", properties: ["KeyPolicy": ["Version": "2012-10-17"]])]
    for index in 1...groups {
        template.resources += [
            Resource("DeadLetters\(index)", type: "AWS::SQS::Queue", properties: [
                "KmsMasterKeyId": .ref("Key"),
                "QueueName": .sub("${AWS::StackName}-dead-\(index)"),
            ]),
            Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: [
                "KmsMasterKeyId": .getAtt("Key", "Arn"),
                "MessageRetentionPeriod": .if("HasLongRetention", .ref("Retention"), else: 60),
                "DelaySeconds": .findInMap("Sizes", "dev", "Delay"),
                "RedrivePolicy": ["deadLetterTargetArn": .getAtt("DeadLetters\(index)", "Arn"), "maxReceiveCount": 5],
            ]),
            Resource("QueuePolicy\(index)", type: "AWS::SQS::QueuePolicy", properties: [
                "Queues": [.ref("Queue\(index)")],
                "PolicyDocument": ["Statement": [["Effect": "Deny", "Principal": "*", "Action": "sqs:*",
                                                  "Resource": .sub("${Queue\(index).Arn}")]]],
            ]),
        ]
    }
    template.resources += extra
    template.outputs = stride(from: 1, through: groups, by: 10).map { index in
        Output("Queue\(index)Url", value: .sub("https://${Queue\(index)}/${AWS::Region}"),
               exportName: .sub("${AWS::StackName}-queue-\(index)"))
    }
    return template
}

private func split(_ template: Template, requested: [String: String] = [:]) throws -> NestedStackSplit {
    try #require(try NestedStackSplit.split(template, stack: "Big", requestedParts: requested) { "Big.\($0).yaml" })
}

/// Resource → the stack that holds it (a part's name, or "root").
private func placement(_ split: NestedStackSplit) -> [String: String] {
    var result: [String: String] = [:]
    for resource in split.root.resources where resource.type != "AWS::CloudFormation::Stack" { result[resource.logicalID] = "root" }
    for part in split.parts {
        for resource in part.template.resources { result[resource.logicalID] = part.name }
    }
    return result
}

@Suite("Nested stacks: a stack past CloudFormation's limits split into a root and parts")
struct NestedStackSplitTests {
    @Test("a template within the limits is not split")
    func smallStaysWhole() throws {
        #expect(try NestedStackSplit.split(groupedTemplate(groups: 10), stack: "Small") { $0 } == nil)
    }

    @Test("1,200 resources split into stacks of at most 500, each valid, every resource once")
    func splitWithinLimits() throws {
        let template = groupedTemplate(groups: 400)
        #expect(template.resources.count > 1_200)
        let split = try split(template)
        // Groups spread evenly: as few parts as a fill of 70% of the limit allows (the shared key stays in the root).
        let target = Quotas.resources * 7 / 10
        #expect(split.parts.count == (template.resources.count - 1 + target - 1) / target)
        for stack in [split.root] + split.parts.map(\.template) {
            #expect(stack.resources.count <= Quotas.resources)
            #expect(stack.parameters.count <= Quotas.parameters)
            #expect(stack.outputs.count <= Quotas.outputs)
            #expect(TemplateValidator.validate(stack, stack: "Big").filter { $0.severity == .error } == [])
        }
        let placed = placement(split)
        #expect(placed.count == template.resources.count)
        #expect(Set(placed.keys) == Set(template.resources.map(\.logicalID)))
        // The key every group uses stays in the root, and each group stays together.
        #expect(placed["Key"] == "root")
        for index in 1...400 {
            #expect(placed["Queue\(index)"] == placed["DeadLetters\(index)"])
            #expect(placed["Queue\(index)"] == placed["QueuePolicy\(index)"])
        }
    }

    @Test("merging the parts back gives the template that was split")
    func mergeRestoresTheTemplate() throws {
        let template = groupedTemplate(groups: 400)
        let merged = try split(template).merged()
        #expect(Dictionary(uniqueKeysWithValues: merged.resources.map { ($0.logicalID, $0) })
            == Dictionary(uniqueKeysWithValues: template.resources.map { ($0.logicalID, $0) }))
        #expect(merged.outputs == template.outputs)
        #expect(merged.parameters == template.parameters)
        #expect(Set(merged.conditions.map(\.name)) == Set(template.conditions.map(\.name)))
        #expect(merged.mappings == template.mappings)
    }

    @Test("references across stacks: parameters passed by the root, outputs read with GetAtt, the root's stack name")
    func wiring() throws {
        let split = try split(groupedTemplate(groups: 400))
        let part = try #require(split.parts.first)
        let stack = try #require(split.root.resource(part.name))
        #expect(stack.type == "AWS::CloudFormation::Stack")
        #expect(stack.properties["TemplateURL"] == .string("Big.\(part.name).yaml"))
        let passed = try #require(stack.properties["Parameters"]?.objectValue)
        // The shared key is passed as itself; the stack name as the root's.
        #expect(passed["KeyArn"] == .getAtt("Key", "Arn"))
        #expect(passed["Key"] == .ref("Key"))
        #expect(passed["RootStackName"] == .ref("AWS::StackName"))
        #expect(passed["Retention"] == .ref("Retention"))
        #expect(part.template.parameters.map(\.logicalID).contains("RootStackName"))
        let deadLetters = try #require(part.template.resources.first { $0.logicalID.hasPrefix("DeadLetters") })
        #expect(deadLetters.properties["KmsMasterKeyId"] == .ref("Key"))
        guard case .intrinsic(.sub(let text, _))? = deadLetters.properties["QueueName"] else {
            Issue.record("QueueName is not a Sub")
            return
        }
        #expect(text.hasPrefix("${RootStackName}-dead-"))
        // Conditions and mappings travel with the parts that use them, with the parameters they need.
        #expect(part.template.conditions.map(\.name) == ["IsProduction", "HasLongRetention"])
        #expect(part.template.mappings.map(\.name) == ["Sizes"])
        #expect(part.template.parameters.contains { $0.logicalID == "Stage" })
        // Outputs of the root read the parts' outputs.
        let output = try #require(split.root.outputs.first)
        guard case .intrinsic(.sub(let outputText, let variables)) = output.value else {
            Issue.record("output is not a Sub")
            return
        }
        #expect(outputText == "https://${Queue1}/${AWS::Region}")
        guard case .intrinsic(.getAtt(let producer, let attribute))? = variables["Queue1"] else {
            Issue.record("Queue1 is not bound to a part's output")
            return
        }
        #expect(split.parts.contains { $0.name == producer })
        #expect(attribute == "Outputs.Queue1")
    }

    @Test("a list parameter is passed joined with commas")
    func listParameter() throws {
        let template = groupedTemplate(groups: 200, extra: [
            Resource("Endpoints", type: "AWS::EC2::VPCEndpoint", properties: ["SubnetIds": .ref("Subnets"), "VpcId": "vpc-1", "ServiceName": "s3"]),
        ])
        let split = try split(template)
        let holder = try #require(split.parts.first { part in part.template.resources.contains { $0.logicalID == "Endpoints" } })
        let passed = split.root.resource(holder.name)?.properties["Parameters"]?.objectValue
        #expect(passed?["Subnets"] == .join(",", .ref("Subnets")))
    }

    @Test("adding one resource at the end moves no other resource between stacks")
    func stableWhenAdding() throws {
        let before = placement(try split(groupedTemplate(groups: 400)))
        let added = Resource("Extra", type: "AWS::SQS::Queue", properties: ["KmsMasterKeyId": .ref("Key")])
        let after = placement(try split(groupedTemplate(groups: 400, extra: [added])))
        #expect(after.filter { $0.key != "Extra" } == before)
        let joining = Resource("ExtraPolicy", type: "AWS::SQS::QueuePolicy", properties: ["Queues": [.ref("Queue7")]])
        let afterJoining = placement(try split(groupedTemplate(groups: 400, extra: [joining])))
        #expect(afterJoining.filter { $0.key != "ExtraPolicy" } == before)
        #expect(afterJoining["ExtraPolicy"] == before["Queue7"])
    }

    @Test("the same template splits the same way every time")
    func deterministic() throws {
        #expect(try split(groupedTemplate(groups: 400)) == split(groupedTemplate(groups: 400)))
    }

    @Test("a part asked for by name holds what was asked, the rest of a stack within the limits stays in the root")
    func requestedParts() throws {
        let template = groupedTemplate(groups: 3)
        let split = try split(template, requested: ["Queue2": "Messaging", "DeadLetters3": "Messaging"])
        #expect(split.parts.map(\.name) == ["Messaging"])
        let placed = placement(split)
        #expect(placed.filter { $0.value == "Messaging" }.keys.sorted() == ["DeadLetters3", "Queue2"])
        #expect(placed.filter { $0.value == "root" }.count == template.resources.count - 2)
        for stack in [split.root] + split.parts.map(\.template) {
            #expect(TemplateValidator.validate(stack, stack: "Big").filter { $0.severity == .error } == [])
        }
        // The root's resources read the part's outputs: the policy of Queue2, the queue redriving to DeadLetters3.
        #expect(split.root.resource("QueuePolicy2")?.properties["Queues"] == [.getAtt("Messaging", "Outputs.Queue2")])
        #expect(split.merged().resources.sorted { $0.logicalID < $1.logicalID } == template.resources.sorted { $0.logicalID < $1.logicalID })
    }

    @Test("a part name that the stack declares already is an error")
    func partNameClash() {
        #expect(throws: SynthesisError.self) {
            try NestedStackSplit.split(groupedTemplate(groups: 2), stack: "Big", requestedParts: ["Queue1": "Key"]) { $0 }
        }
    }

    @Test("parts that would wait for each other in a circle are an error naming them")
    func circle() throws {
        var template = groupedTemplate(groups: 1)
        template.resources.append(Resource("Topic", type: "AWS::SNS::Topic", properties: ["DisplayName": .getAtt("Queue1", "QueueName")]))
        template.resources[1].properties["Tags"] = [["Key": "topic", "Value": .ref("Topic")]]
        #expect(throws: SynthesisError.self) {
            try NestedStackSplit.split(template, stack: "Big", requestedParts: ["Queue1": "A", "DeadLetters1": "B", "Topic": "B"]) { $0 }
        }
        do {
            _ = try NestedStackSplit.split(template, stack: "Big", requestedParts: ["Queue1": "A", "DeadLetters1": "B", "Topic": "B"]) { $0 }
        } catch {
            #expect(error.diagnostics.map(\.message).contains { $0.contains("A → B → A") || $0.contains("B → A → B") })
        }
    }
}
