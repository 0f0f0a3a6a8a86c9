// The services' namespaces (`S3`, `DynamoDB`, …) and typed references live in
// AWSReferences, which every service module shares: `import AWSResources`
// brings them along.
@_exported import AWSReferences
