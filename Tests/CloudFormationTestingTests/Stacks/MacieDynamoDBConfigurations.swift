import GrownCatalog
import Stacks
import Testing

/// The Macie stack configurations the shape tests run on: the default, and the
/// default with one more data set, as a user adds one. Expected answers are
/// derived from the configuration, so a data set added to the default keeps
/// every test green.
enum MacieDynamoDBConfigurations {
    static let all: [MacieDynamoDBStack] = [MacieDynamoDBStack(), withOneMoreDataSet(MacieDynamoDBStack())]
}

extension MacieDynamoDBStack: CustomTestStringConvertible {
    public var testDescription: String { "MacieDynamoDB with \(dataSets.map(\.tableName).joined(separator: ", "))" }
}
