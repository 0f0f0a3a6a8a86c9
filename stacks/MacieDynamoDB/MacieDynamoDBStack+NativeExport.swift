extension MacieDynamoDBStack {
    /// The walkthrough's stack with DynamoDB's own export in place of the
    /// scan: one full export, then incremental ones (`synth
    /// MacieDynamoDBNativeExport`, `generated/MacieDynamoDBNativeExport.yaml`).
    /// Its names are the walkthrough's, so deploy one of the two per account
    /// and Region.
    public static var nativeExport: MacieDynamoDBStack {
        var stack = MacieDynamoDBStack()
        stack.name = "MacieDynamoDBNativeExport"
        stack.exportEngine = .native(NativeExport(mode: .incremental))
        return stack
    }
}
