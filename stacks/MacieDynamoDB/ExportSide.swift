import AWSConstructs

/// What the export side of the walkthrough gives the Macie side: the key
/// that encrypts the exports and the bucket they land in.
struct ExportSide {
    var key: Key
    var exportBucket: Bucket
}
