// expect: cannot convert value of type 'TemplateExpression<Int>' to expected argument type 'TemplateExpression<String>'
import AWSResources
import CloudFormation

let size = TypedParameter.integer("Size", default: 1)
let queue = SQS.Queue("Queue", queueName: size.ref)
