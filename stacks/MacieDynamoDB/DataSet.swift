/// A table of the walkthrough: the CSV it is imported from, the DynamoDB
/// table it lives in, and the names of its outputs. Adding one to
/// `MacieDynamoDBStack.dataSets` adds the table, its import and export
/// grants, the functions' environment entries and its two outputs.
public struct DataSet: Sendable {
    /// The table's logical ID, such as `PeopleTable`.
    public var logicalID: String
    public var tableName: String
    /// The object in the import bucket that fills the table.
    public var csvName: String
    /// The start of its outputs' names: `People` → `PeopleDynamoDBTableName`, `PeopleDynamoDBTableURL`.
    public var outputPrefix: String
    /// What the table holds, for the outputs' descriptions.
    public var contents: String
    /// With the native export engine, this table's mode instead of the
    /// engine's (a small table exported in full beside incremental ones, say);
    /// the scan engine refuses it.
    public var nativeExportMode: NativeExport.Mode? = nil

    public init(logicalID: String, tableName: String, csvName: String, outputPrefix: String, contents: String) {
        self.logicalID = logicalID
        self.tableName = tableName
        self.csvName = csvName
        self.outputPrefix = outputPrefix
        self.contents = contents
    }

    public static let people = DataSet(
        logicalID: "PeopleTable", tableName: "people-macie", csvName: "people.csv", outputPrefix: "People",
        contents: "people's names, titles and addresses")
    public static let accounts = DataSet(
        logicalID: "AccountsInfoTable", tableName: "accounts-info-macie", csvName: "accounts.csv", outputPrefix: "Accounts",
        contents: "customer account numbers")
}
