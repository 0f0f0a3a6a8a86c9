"""Runs parliament (an IAM policy linter nobody here wrote) over every IAM
policy of every generated template: identity policies of roles and managed
policies, trust policies, and the resource policies of buckets, keys, queues
and topics. Intrinsic functions are resolved to plausible ARNs of the
template's own resources first, so parliament can match actions to resource
types. Any finding fails the test."""
import json
import re
from pathlib import Path

import pytest
import yaml
from parliament import analyze_policy_string

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "generated").glob("*.yaml"))
CONTEXT = {"AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012",
           "AWS::StackName": "stack", "AWS::URLSuffix": "amazonaws.com"}


class CloudFormationLoader(yaml.SafeLoader):
    """Reads short-form intrinsics as their long-form mappings."""


def _intrinsic(loader, tag_suffix, node):
    name = "Ref" if tag_suffix in ("Ref", "Condition") else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


CloudFormationLoader.add_multi_constructor("!", _intrinsic)


def resource_arns(template):
    """Logical ID → (Ref value, {attribute: value}) for the types policies name."""
    region, account = CONTEXT["AWS::Region"], CONTEXT["AWS::AccountId"]
    names = {}
    for logical_id, resource in template.get("Resources", {}).items():
        kind, props = resource["Type"], resource.get("Properties", {})
        name = next((props[k] for k in ("BucketName", "TableName", "FunctionName", "QueueName", "TopicName", "RoleName", "LogGroupName", "Name")
                     if isinstance(props.get(k), str)), f"stack-{logical_id.lower()}")
        arns = {
            "AWS::S3::Bucket": (name, f"arn:aws:s3:::{name}"),
            "AWS::DynamoDB::Table": (name, f"arn:aws:dynamodb:{region}:{account}:table/{name}"),
            "AWS::KMS::Key": ("1234abcd-12ab-34cd-56ef-1234567890ab", f"arn:aws:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            "AWS::Lambda::Function": (name, f"arn:aws:lambda:{region}:{account}:function:{name}"),
            "AWS::SQS::Queue": (f"https://sqs.{region}.amazonaws.com/{account}/{name}", f"arn:aws:sqs:{region}:{account}:{name}"),
            "AWS::SNS::Topic": (f"arn:aws:sns:{region}:{account}:{name}", f"arn:aws:sns:{region}:{account}:{name}"),
            "AWS::Logs::LogGroup": (name, f"arn:aws:logs:{region}:{account}:log-group:{name}:*"),
            "AWS::IAM::Role": (name, f"arn:aws:iam::{account}:role/{name}"),
            "AWS::Events::Rule": (name, f"arn:aws:events:{region}:{account}:rule/{name}"),
            "AWS::Macie::Session": (account, f"arn:aws:iam::{account}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"),
        }.get(kind, (name, f"arn:aws:cloudformation:{region}:{account}:stack/{name}"))
        names[logical_id] = arns
    return names


def resolve(value, names):
    """Intrinsics to strings; Fn::If takes its first branch (both are checked in the Swift tests)."""
    if isinstance(value, list):
        return [resolve(v, names) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (key, arg), = value.items()
        if key == "Ref":
            return CONTEXT.get(arg) or names[arg][0]
        if key == "Fn::GetAtt":
            return names[arg[0]][1]
        if key == "Fn::Sub":
            text, variables = (arg, {}) if isinstance(arg, str) else (arg[0], arg[1])

            def placeholder(match):
                token = match.group(1)
                if token in variables:
                    return str(resolve(variables[token], names))
                if token in CONTEXT:
                    return CONTEXT[token]
                logical_id, _, attribute = token.partition(".")
                return names[logical_id][1] if attribute else names[logical_id][0]
            return re.sub(r"\$\{([^!}][^}]*)\}", placeholder, text)
        if key == "Fn::If":
            return resolve(arg[1], names)
        if key == "Fn::Join":
            return arg[0].join(str(resolve(v, names)) for v in arg[1])
    return {k: resolve(v, names) for k, v in value.items()}


POLICY_PROPERTIES = {
    "AWS::IAM::Role": ["AssumeRolePolicyDocument"],
    "AWS::IAM::ManagedPolicy": ["PolicyDocument"],
    "AWS::IAM::Policy": ["PolicyDocument"],
    "AWS::S3::BucketPolicy": ["PolicyDocument"],
    "AWS::KMS::Key": ["KeyPolicy"],
    "AWS::SQS::QueuePolicy": ["PolicyDocument"],
    "AWS::SNS::TopicPolicy": ["PolicyDocument"],
}


# Parliament lints identity policies. On other kinds of policy a few of its
# findings describe the kind, not a mistake; only those are set aside:
# - a key policy's Resource "*" means "this key" (CloudFormation requires it);
# - a trust policy has no Resource at all (IAM forbids one).
NOT_APPLICABLE = {
    "key": {("RESOURCE_STAR", None)},
    "trust": {("MALFORMED", "Statement contains neither Resource nor NotResource")},
}


def policies():
    for path in TEMPLATES:
        template = yaml.load(path.read_text(), Loader=CloudFormationLoader)
        names = resource_arns(template)
        for logical_id, resource in template.get("Resources", {}).items():
            props = resource.get("Properties", {})
            for key in POLICY_PROPERTIES.get(resource["Type"], []):
                if key in props:
                    kind = {"KeyPolicy": "key", "AssumeRolePolicyDocument": "trust"}.get(key, "resource")
                    if resource["Type"] in ("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"):
                        kind = "identity"
                    yield f"{path.name}:{logical_id}.{key}", kind, resolve(props[key], names)
            for index, policy in enumerate(props.get("Policies", []) if resource["Type"] == "AWS::IAM::Role" else []):
                yield f"{path.name}:{logical_id}.Policies[{index}]", "identity", resolve(policy["PolicyDocument"], names)


POLICIES = list(policies())


def test_every_template_has_policies_to_check():
    assert TEMPLATES, "no generated templates"
    assert len(POLICIES) >= 9


def _applies(kind, finding):
    ignored = NOT_APPLICABLE.get(kind, set())
    return (finding.issue, None) not in ignored and (finding.issue, finding.detail) not in ignored


@pytest.mark.parametrize("where,kind,document", POLICIES, ids=[where for where, _, _ in POLICIES])
def test_parliament_finds_nothing(where, kind, document):
    analyzed = analyze_policy_string(json.dumps(document), include_community_auditors=False)
    findings = [(f.issue, f.detail) for f in analyzed.findings if _applies(kind, f)]
    assert findings == [], f"{where}: {findings}"


def test_identity_policies_are_among_those_checked():
    assert sum(1 for _, kind, _ in POLICIES if kind == "identity") >= 2


def test_parliament_does_find_a_mistake():
    """The harness is not vacuous: object actions on a table's ARN are flagged."""
    bad = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                                    "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/t"}]}
    assert [f.issue for f in analyze_policy_string(json.dumps(bad)).findings] == ["RESOURCE_MISMATCH"]
