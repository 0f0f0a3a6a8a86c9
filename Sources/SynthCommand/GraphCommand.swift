import ArgumentParser
import AWSResources
import CloudFormation
import StackSynthesis
import Foundation
import TemplateReading

/// `synth graph`: the resource graph of a stack or template, for Graphviz or Mermaid.
struct GraphCommand<Catalog: StackCatalog>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "graph",
            abstract: "Draw a stack's resource graph, edges labelled Ref, GetAtt.Attr, Sub, DependsOn, Condition.",
            discussion: "synth graph | dot -Tsvg > stack.svg")
    }

    enum Format: String, NamedChoice {
        case dot, mermaid
    }

    @Argument(help: "The stack (default: the default stack).")
    var stack: String?

    @Option(help: ArgumentHelp("Read this template file instead of synthesizing a stack.", valueName: "file"))
    var template: String?

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: Format = .dot

    func run() throws {
        let model: Template
        let title: String
        if let template {
            do {
                model = try TemplateReader.read(contentsOf: template)
            } catch {
                printError(error.description)
                throw SynthFailure(message: "\(template) could not be read", exitCode: .invalid)
            }
            title = URL(fileURLWithPath: template).deletingPathExtension().lastPathComponent
        } else {
            let definition = try Catalog.selected(stack)
            do {
                model = try stackTemplate(of: definition, in: Catalog.stacks)
            } catch {
                error.diagnostics.map(\.description).forEach(printError)
                throw SynthFailure(message: "\(definition.name) is not valid", exitCode: .invalid)
            }
            title = definition.name
        }
        let graph = ResourceGraph(model)
        let text = format == .dot ? GraphDrawing.dot(graph, template: model, title: title) : GraphDrawing.mermaid(graph, template: model)
        print(text, terminator: "")
    }
}

/// Graphviz and Mermaid spellings of a resource graph. A reference written
/// several times (a role's policy naming a key in three statements) is drawn
/// once.
enum GraphDrawing {
    private static func distinctEdges(_ graph: ResourceGraph) -> [ResourceGraph.Edge] {
        var seen: Set<String> = []
        return graph.edges.filter { seen.insert("\($0.from)\u{0}\($0.to)\u{0}\($0.kind)").inserted }
    }

    static func dot(_ graph: ResourceGraph, template: Template, title: String) -> String {
        var lines = ["digraph \(quoted(title)) {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=10];", "  edge [fontname=\"Helvetica\", fontsize=9];"]
        for node in graph.nodes {
            let kind = graph.kinds[node]!
            let label = labelText(node, kind: kind, template: template)
            let shape = switch kind {
            case .resource: "box, style=rounded"
            case .parameter: "parallelogram"
            case .condition: "diamond"
            case .output: "note"
            }
            lines.append("  \(quoted(node)) [label=\(quoted(label)), shape=\(shape)];")
        }
        for edge in distinctEdges(graph) {
            let style = edge.kind == .dependsOn || edge.kind == .condition ? ", style=dashed" : ""
            lines.append("  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(quoted(edge.kind.description))\(style)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaid(_ graph: ResourceGraph, template: Template) -> String {
        var ids: [String: String] = [:]
        for (index, node) in graph.nodes.enumerated() { ids[node] = "n\(index)" }
        var lines = ["flowchart LR"]
        for node in graph.nodes {
            let kind = graph.kinds[node]!
            let label = labelText(node, kind: kind, template: template).replacingOccurrences(of: "\"", with: "'")
                .replacingOccurrences(of: "\n", with: "<br/>")
            let shape = switch kind {
            case .resource: "(\"\(label)\")"
            case .parameter: "[/\"\(label)\"/]"
            case .condition: "{\"\(label)\"}"
            case .output: "[\"\(label)\"]"
            }
            lines.append("  \(ids[node]!)\(shape)")
        }
        for edge in distinctEdges(graph) {
            let arrow = edge.kind == .dependsOn || edge.kind == .condition ? "-.->" : "-->"
            lines.append("  \(ids[edge.from]!) \(arrow)|\(edge.kind.description)| \(ids[edge.to]!)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func labelText(_ node: String, kind: ResourceGraph.NodeKind, template: Template) -> String {
        switch kind {
        case .resource: "\(node)\n\(template.resource(node)?.type ?? "")"
        case .parameter: "\(node)\n(parameter)"
        case .condition: "\(node)\n(condition)"
        case .output: node
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
