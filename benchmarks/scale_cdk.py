"""The scale benchmark's template, written with the AWS CDK v2 (Python, L1 constructs).

    python benchmarks/scale_cdk.py N [--format yaml|json] [--no-validation]

prints a template of N groups (i = 0..N-1) of five resources each: `Bucket{i}`,
`Table{i}`, `Function{i}Role`, `Function{i}Policy` and `Function{i}`, the same
template, resource for resource, as `scale_troposphere.py` and the Swift `scale`
executable. The resources are L1 constructs (`CfnBucket`, `CfnTable`, `CfnRole`,
`CfnPolicy`, `CfnFunction`) with their logical IDs overridden to those names; the
policy documents are built with `iam.PolicyDocument` / `iam.PolicyStatement` (the
CDK's counterpart of awacs). The CDK runs its jsii kernel on the local Node.js and
downloads nothing.

The run is a real `app.synth()` into a temporary cloud assembly directory; the
template is read back from that directory and printed: as the CDK wrote it for
`--format json`, converted with PyYAML (long-form intrinsics) for `--format yaml`.

Always turned off, so that the template holds only the 5 * N resources:
  - the `CDKMetadata` resource (version/analytics reporting):
    `App(analytics_reporting=False)` and context `aws:cdk:version-reporting`;
  - the `BootstrapVersion` parameter and `CheckBootstrapVersion` rule:
    `DefaultStackSynthesizer(generate_bootstrap_version_rule=False)`;
  - `aws:cdk:path` resource metadata: context `aws:cdk:enable-path-metadata`
    (already off outside the CDK CLI; set explicitly);
  - the 500-resource limit of `Stack` (context `@aws-cdk/core:stackResourceLimit`
    = 0): CloudFormation's quota does not apply to this benchmark.
Everything else (construct tree metadata `tree.json`, construct stack traces,
the built-in validation) is left as the CDK's defaults, as a user would run it;
the one validation rule acknowledged (so not printed) is F0007, the template's
500-resource quota, for the reason above.

`--no-validation` also turns off what validation can be turned off:
  - the built-in CloudFormation template validation plugin that runs after
    synthesis: `App(builtin_cloud_formation_validation=False)` and the
    environment variable `CDK_VALIDATION=false`, two of the switches that the
    `App` documents for it (the third is the CLI's `cdk synth --no-validation`);
  - construct validation before synthesis (`node.validate()` on every
    construct): `app.synth(skip_validation=True)`;
  - validation reports: contexts `@aws-cdk/core:validationReportJson` = false
    and `@aws-cdk/core:failSynthOnValidationErrors` = false;
  - `validate_on_synthesis` (checks stacks for error metadata) stays at its
    default, false.
"""
import argparse
import json
import os
import sys
import tempfile

HANDLER_SOURCE = """import os


def handler(event, context):
    return {"table": os.environ["TABLE"], "bucket": os.environ["BUCKET"]}
"""

TABLE_READ_ACTIONS = [
    "dynamodb:BatchGetItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
]
INDEX_READ_ACTIONS = ["dynamodb:Query", "dynamodb:Scan"]
STACK_NAME = "Scale"
QUIET_NODE_MAJORS = ",".join(str(major) for major in range(14, 31))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of groups (5 resources each)")
    parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
    parser.add_argument("--no-validation", action="store_true",
                        help="turn off the CDK's built-in template validation and construct validation")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    return args


def synthesize(n: int, validation: bool, outdir: str) -> str:
    """Synthesizes the app into `outdir`; returns the template file's path."""
    # The jsii kernel (a Node.js child process) inherits the environment when it
    # starts, at the first import of aws_cdk: set its variables before that.
    # jsii prints a boxed warning on stderr for a Node.js release it calls
    # end-of-life (20 for jsii 1.142) or untested; the variables take the list of
    # majors to keep quiet about. Set only when the caller has not.
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", QUIET_NODE_MAJORS)
    os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", QUIET_NODE_MAJORS)
    os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", QUIET_NODE_MAJORS)
    if not validation:
        os.environ["CDK_VALIDATION"] = "false"

    import aws_cdk as cdk
    from aws_cdk import aws_dynamodb as dynamodb
    from aws_cdk import aws_iam as iam
    from aws_cdk import aws_lambda as lambda_
    from aws_cdk import aws_s3 as s3

    context = {
        "aws:cdk:version-reporting": False,
        "aws:cdk:enable-path-metadata": False,
        "@aws-cdk/core:stackResourceLimit": 0,
    }
    if not validation:
        context["@aws-cdk/core:validationReportJson"] = False
        context["@aws-cdk/core:failSynthOnValidationErrors"] = False
    app = cdk.App(outdir=outdir, analytics_reporting=False, context=context,
                  builtin_cloud_formation_validation=validation)
    stack = cdk.Stack(app, STACK_NAME,
                      synthesizer=cdk.DefaultStackSynthesizer(generate_bootstrap_version_rule=False))

    for i in range(n):
        bucket = s3.CfnBucket(stack, f"Bucket{i}")
        bucket.override_logical_id(f"Bucket{i}")

        table = dynamodb.CfnTable(
            stack, f"Table{i}",
            attribute_definitions=[
                dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id", attribute_type="S"),
                dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="owner", attribute_type="S"),
            ],
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],
            billing_mode="PAY_PER_REQUEST",
            global_secondary_indexes=[dynamodb.CfnTable.GlobalSecondaryIndexProperty(
                index_name="ByOwner",
                key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="owner", key_type="HASH")],
                projection=dynamodb.CfnTable.ProjectionProperty(projection_type="ALL"),
            )],
        )
        table.override_logical_id(f"Table{i}")

        role = iam.CfnRole(
            stack, f"Function{i}Role",
            assume_role_policy_document=iam.PolicyDocument(statements=[iam.PolicyStatement(
                actions=["sts:AssumeRole"],
                principals=[iam.ServicePrincipal("lambda.amazonaws.com")],
            )]),
        )
        role.override_logical_id(f"Function{i}Role")

        policy = iam.CfnPolicy(
            stack, f"Function{i}Policy",
            policy_name=f"Function{i}Policy",
            roles=[role.ref],
            policy_document=iam.PolicyDocument(statements=[
                iam.PolicyStatement(actions=TABLE_READ_ACTIONS, resources=[table.attr_arn]),
                # A token inside a string: the CDK renders Fn::Join, not Fn::Sub.
                iam.PolicyStatement(actions=INDEX_READ_ACTIONS, resources=[f"{table.attr_arn}/index/*"]),
                iam.PolicyStatement(actions=["s3:PutObject"], resources=[f"{bucket.attr_arn}/*"]),
            ]),
        )
        policy.override_logical_id(f"Function{i}Policy")

        function = lambda_.CfnFunction(
            stack, f"Function{i}",
            runtime="python3.13",
            handler="index.handler",
            code=lambda_.CfnFunction.CodeProperty(zip_file=HANDLER_SOURCE),
            timeout=30,
            role=role.attr_arn,
            environment=lambda_.CfnFunction.EnvironmentProperty(
                variables={"TABLE": table.ref, "BUCKET": bucket.ref}),
        )
        function.override_logical_id(f"Function{i}")

    if validation:
        # The validation plugin warns past 500 resources (rule F0007, CloudFormation's
        # quota), which this benchmark goes beyond on purpose; every other rule stays.
        cdk.Validations.of(stack).acknowledge(cdk.Acknowledgment(
            id="CloudFormation-Validate::F0007",
            reason="a synthesis benchmark, not deployed: CloudFormation's 500-resource quota does not apply"))

    app.synth(skip_validation=not validation)
    return os.path.join(outdir, stack.template_file)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scale-cdk-") as outdir:
        path = synthesize(args.n, validation=not args.no_validation, outdir=outdir)
        with open(path, encoding="utf-8") as file:
            text = file.read()
    if args.format == "yaml":
        import yaml
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(json.loads(text), Dumper=dumper, sort_keys=False, default_flow_style=False,
                         allow_unicode=True, width=1 << 16)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


if __name__ == "__main__":
    main()
