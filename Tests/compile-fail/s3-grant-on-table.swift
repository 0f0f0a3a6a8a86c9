// expect: value of type 'Table' has no member 'grantPut'
import AWSConstructs
import CloudFormation

let key = Key("Key", description: "k")
let table = Table("Table", partitionKey: .string("id"))
let function = Function("F", code: .inline("x = 1\n"), key: key)
table.grantPut(to: function)
