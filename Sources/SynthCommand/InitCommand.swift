import ArgumentParser
import Foundation

/// `synth init NAME`: a new stack's skeleton in `stacks/NAME/NAMEStack.swift`,
/// registered in the catalog file. Its snapshot is recorded by the test that
/// snapshots every stack of the catalog.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new stack's skeleton and register it in the catalog.",
        discussion: """
            Writes DIR/NAME/NAMEStack.swift (a key, an encrypted queue, an output) and adds \
            NAMEStack() to the catalog file's list. Then: make generate, record and review \
            the snapshot (see CONTRIBUTING.md). Exit 2, writing nothing, when NAME is not a \
            type name, the stack exists, or the catalog has no list to add it to.
            """)

    @Argument(help: "The stack's name, a Swift type name such as Billing.")
    var name: String

    @Option(help: ArgumentHelp("The folder of stack sources.", valueName: "dir"))
    var directory = "stacks"

    @Option(help: ArgumentHelp("The file whose list of stacks gets the new one.", valueName: "file"))
    var catalog = "stacks/AllStacks.swift"

    /// Where the catalog's list ends: the new entry goes before it.
    static let listEnd = "\n]\n"

    func run() throws {
        var problems: [String] = []
        let isTypeName = name.first.map { $0.isUppercase && $0.isASCII } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if !isTypeName { problems.append("'\(name)' is not a type name: letters and digits, starting with a capital") }
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: folder.path) { problems.append("\(folder.relativePath) exists already") }
        let list = FileManager.default.contents(atPath: catalog).map { String(decoding: $0, as: UTF8.self) }
        if list == nil { problems.append("cannot read the catalog \(catalog)") }
        if let list, list.components(separatedBy: Self.listEnd).count != 2 {
            problems.append("\(catalog) has no single list ending in a line ']' to add \(name)Stack() to")
        }
        if let list, list.contains("\(name)Stack()") { problems.append("\(catalog) lists \(name)Stack() already") }
        guard problems.isEmpty, let list else {
            throw SynthFailure(message: problems.joined(separator: "; "), exitCode: .invalid)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("\(name)Stack.swift")
        try Data(skeleton.utf8).write(to: source, options: .atomic)
        let registered = list.replacingOccurrences(of: Self.listEnd, with: "\n    \(name)Stack(),\(Self.listEnd)")
        try Data(registered.utf8).write(to: URL(fileURLWithPath: catalog), options: .atomic)
        print("wrote \(source.relativePath) and added \(name)Stack() to \(catalog)")
        print("next: make generate, then SNAPSHOT_RECORD=1 swift test and review the new snapshot")
    }

    private var skeleton: String {
        """
        import AWSConstructs
        import CloudFormation

        /// The \(name) stack.
        public struct \(name)Stack: StackDefinition {
            public var name: String { "\(name)" }

            public init() {}

            public func build(_ stack: Stack) throws {
                let key = stack.add(Key("\(name)Key", description: "Encrypts the \(name) stack's data."))
                let queue = stack.add(Queue("\(name)Queue", key: key))
                stack.output("\(name)QueueURL", queue.url)
            }
        }

        """
    }
}
