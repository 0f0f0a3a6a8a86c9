// expect: cannot convert value of type 'Expression<Int>' to expected argument type 'Expression<String>'
import AWSResources
import CloudFormation

let size = TypedParameter.integer("Size", default: 1)
let queue = SQS.Queue("Queue", queueName: size.ref)
