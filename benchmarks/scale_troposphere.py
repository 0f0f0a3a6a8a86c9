"""The scale benchmark's template, written with troposphere and awacs.

    python benchmarks/scale_troposphere.py N [--format yaml|json]

prints a template of N groups (i = 0..N-1) of five resources each: `Bucket{i}`,
`Table{i}` (key `id`, on-demand, GSI `ByOwner` on `owner`), `Function{i}Role`
(trusted by Lambda), `Function{i}Policy` (the table's read grant and the bucket's
put grant, attached to the role) and `Function{i}` (python3.13, inline code, the
table and bucket names in its environment). The same template, resource for
resource, as `scale_cdk.py` and the Swift `scale` executable.

troposphere refuses more than 500 resources per template (CloudFormation's own
quota, `troposphere.MAX_RESOURCES`); the benchmark goes to 5,000, so the limit is
lifted here. Requirements: `benchmarks/requirements-bench.txt`.
"""
import argparse
import sys

import troposphere
from awacs import dynamodb as ddb_actions
from awacs import s3 as s3_actions
from awacs.aws import Allow, PolicyDocument, Principal, Statement
from awacs.sts import AssumeRole
from troposphere import GetAtt, Ref, Sub, Template
from troposphere import awslambda, dynamodb, iam, s3

# CloudFormation's 500-resource quota does not apply to this benchmark.
# Template.add_resource reads the module global at call time.
troposphere.MAX_RESOURCES = sys.maxsize

HANDLER_SOURCE = """import os


def handler(event, context):
    return {"table": os.environ["TABLE"], "bucket": os.environ["BUCKET"]}
"""

TABLE_READ_ACTIONS = [
    ddb_actions.BatchGetItem,
    ddb_actions.ConditionCheckItem,
    ddb_actions.DescribeTable,
    ddb_actions.GetItem,
    ddb_actions.Query,
    ddb_actions.Scan,
]
INDEX_READ_ACTIONS = [ddb_actions.Query, ddb_actions.Scan]


def add_group(template: Template, i: int) -> None:
    bucket = template.add_resource(s3.Bucket(f"Bucket{i}"))
    table = template.add_resource(dynamodb.Table(
        f"Table{i}",
        AttributeDefinitions=[
            dynamodb.AttributeDefinition(AttributeName="id", AttributeType="S"),
            dynamodb.AttributeDefinition(AttributeName="owner", AttributeType="S"),
        ],
        KeySchema=[dynamodb.KeySchema(AttributeName="id", KeyType="HASH")],
        BillingMode="PAY_PER_REQUEST",
        GlobalSecondaryIndexes=[dynamodb.GlobalSecondaryIndex(
            IndexName="ByOwner",
            KeySchema=[dynamodb.KeySchema(AttributeName="owner", KeyType="HASH")],
            Projection=dynamodb.Projection(ProjectionType="ALL"),
        )],
    ))
    role = template.add_resource(iam.Role(
        f"Function{i}Role",
        AssumeRolePolicyDocument=PolicyDocument(
            Version="2012-10-17",
            Statement=[Statement(
                Effect=Allow,
                Principal=Principal("Service", "lambda.amazonaws.com"),
                Action=[AssumeRole],
            )],
        ),
    ))
    template.add_resource(iam.PolicyType(
        f"Function{i}Policy",
        PolicyName=f"Function{i}Policy",
        Roles=[Ref(role)],
        PolicyDocument=PolicyDocument(
            Version="2012-10-17",
            Statement=[
                Statement(Effect=Allow, Action=TABLE_READ_ACTIONS, Resource=[GetAtt(table, "Arn")]),
                Statement(Effect=Allow, Action=INDEX_READ_ACTIONS,
                          Resource=[Sub(f"${{Table{i}.Arn}}/index/*")]),
                Statement(Effect=Allow, Action=[s3_actions.PutObject],
                          Resource=[Sub(f"${{Bucket{i}.Arn}}/*")]),
            ],
        ),
    ))
    template.add_resource(awslambda.Function(
        f"Function{i}",
        Runtime="python3.13",
        Handler="index.handler",
        Code=awslambda.Code(ZipFile=HANDLER_SOURCE),
        Timeout=30,
        Role=GetAtt(role, "Arn"),
        Environment=awslambda.Environment(Variables={"TABLE": Ref(table), "BUCKET": Ref(bucket)}),
    ))


def build(n: int) -> Template:
    template = Template()
    template.set_version("2010-09-09")
    for i in range(n):
        add_group(template, i)
    return template


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of groups (5 resources each)")
    parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    template = build(args.n)
    text = template.to_yaml() if args.format == "yaml" else template.to_json()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


if __name__ == "__main__":
    main()
