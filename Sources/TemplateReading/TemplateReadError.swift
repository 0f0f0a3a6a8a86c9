/// Why a template could not be read: every problem found, each with where.
public struct TemplateReadError: Error, Equatable, CustomStringConvertible {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var file: String
        /// 1-based; 0 when the problem is the file itself (missing, a folder).
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String {
            line == 0 ? "\(file): error: \(message)" : "\(file):\(line):\(column): error: \(message)"
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// A problem with the file as a whole, which has no position.
    init(file: String, _ message: String) {
        problems = [Problem(file: file, line: 0, column: 0, message: message)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
