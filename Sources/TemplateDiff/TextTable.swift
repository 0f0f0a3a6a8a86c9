/// Columns of text padded to the widest cell, two spaces apart. Widths are
/// measured before colouring, so escapes never shift a column.
struct TextTable {
    struct Cell {
        var text: String
        var role: TerminalStyle.Role?

        init(_ text: String, _ role: TerminalStyle.Role? = nil) {
            self.text = text
            self.role = role
        }
    }

    var header: [String]
    var rows: [[Cell]] = []

    func lines(style: TerminalStyle) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.text.count) }
        }
        func line(_ cells: [Cell]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                let padding = isLast ? "" : String(repeating: " ", count: widths[index] - cell.text.count)
                parts.append((cell.role.map { style.apply($0, to: cell.text) } ?? cell.text) + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return [line(header.map { Cell($0, .heading) })] + rows.map(line)
    }
}
