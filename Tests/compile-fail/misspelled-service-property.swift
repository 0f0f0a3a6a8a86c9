// expect: incorrect argument label in call (have '_:cidrBlok:', expected '_:cidrBlock:')
import AWSEC2
import CloudFormation

let vpc = EC2.VPC("Network", cidrBlok: "10.0.0.0/16")
