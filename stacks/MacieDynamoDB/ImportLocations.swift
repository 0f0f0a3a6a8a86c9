import CloudFormation

extension DataSet {
    /// The import function's `data_import_export_location`: a JSON list of
    /// `{"csv_name", "table_name"}`, as the walkthrough's function reads it.
    /// Compact, keys in alphabetical order, so the template's bytes never
    /// depend on a dictionary.
    static func importLocations(_ dataSets: [DataSet]) -> String {
        let entries = dataSets.map { dataSet in
            #"{"csv_name":"# + JSONString.quoted(dataSet.csvName) + #","table_name":"# + JSONString.quoted(dataSet.tableName) + "}"
        }
        return "[" + entries.joined(separator: ",") + "]"
    }
}
