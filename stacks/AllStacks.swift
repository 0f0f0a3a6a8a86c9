import CloudFormation

/// Every stack of this package, the default (what `swift run synth` prints) first.
public let allStacks: [any StackDefinition] = [
    MacieDynamoDBStack(),
    MacieDynamoDBStack.nativeExport,
    MacieDynamoDBMemberStack(),
    MacieDynamoDBAdministratorStack(),
    OrderEventsStack(),
]
