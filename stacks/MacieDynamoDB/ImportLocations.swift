import Foundation

// Kept apart from the stack: Foundation declares an `Expression` type too.
extension DataSet {
    /// The import function's `data_import_export_location`: a JSON list of
    /// `{"csv_name", "table_name"}`, as the walkthrough's function reads it.
    /// Keys sorted, so the template's bytes never depend on a dictionary.
    static func importLocations(_ dataSets: [DataSet]) throws -> String {
        let entries = dataSets.map { ["csv_name": $0.csvName, "table_name": $0.tableName] }
        let data = try JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
