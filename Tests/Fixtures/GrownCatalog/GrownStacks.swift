// The package's catalog grown as users grow it: the Macie stack with one more
// data set, and one more stack. `synth-grown` is the command over it; the CLI
// tests regenerate its templates and run the same shape checks as on the
// package's own catalog.
import AWSConstructs
import CloudFormation
import Stacks
import SynthCommand

/// A stack added to the catalog, written with the constructs as a user would.
public struct AddedStack: StackDefinition {
    public var name: String { "Added" }
    public init() {}
    public func build(_ stack: Stack) throws {
        let key = stack.add(Key("AddedKey", description: "Encrypts the added queue."))
        let deadLetters = stack.add(Queue("AddedDeadLetters", key: key))
        let queue = stack.add(Queue("AddedQueue", key: key))
        queue.deadLetters = (deadLetters, 5)
        stack.output("AddedQueueURL", queue.url)
    }
}

/// The Macie stack with a data set none of its own collides with.
public func withOneMoreDataSet(_ base: MacieDynamoDBStack) -> MacieDynamoDBStack {
    var stack = base
    let taken = Set(base.dataSets.map(\.logicalID))
    let number = ((base.dataSets.count + 1)...).first { !taken.contains("Added\($0)Table") }!
    stack.dataSets.append(DataSet(
        logicalID: "Added\(number)Table", tableName: "added-\(number)-macie", csvName: "added-\(number).csv",
        outputPrefix: "Added\(number)", contents: "a data set added by a test"))
    return stack
}

public enum GrownStacks: StackCatalog {
    public static var stacks: [any StackDefinition] {
        allStacks.map { definition in (definition as? MacieDynamoDBStack).map(withOneMoreDataSet) ?? definition } + [AddedStack()]
    }
}
