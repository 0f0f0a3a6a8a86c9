"""troposphere's and the CDK's scale templates describe the same resources, and
the ones the benchmark asks for."""
import subprocess
import sys
from pathlib import Path

import pytest

import compare_templates  # benchmarks/ is on sys.path through conftest.py

BENCHMARKS = Path(__file__).resolve().parents[1]

TOOLS = ["troposphere", "cdk"]


def expected_group(i: int) -> dict[str, tuple[str, tuple[str, ...], set[str]]]:
    """One group, written by hand: logical ID → (type, property names, references)."""
    return {
        f"Bucket{i}": ("AWS::S3::Bucket", (), set()),
        f"Table{i}": ("AWS::DynamoDB::Table",
                      ("AttributeDefinitions", "BillingMode", "GlobalSecondaryIndexes", "KeySchema"), set()),
        f"Function{i}Role": ("AWS::IAM::Role", ("AssumeRolePolicyDocument",), set()),
        f"Function{i}Policy": ("AWS::IAM::Policy", ("PolicyDocument", "PolicyName", "Roles"),
                               {f"Function{i}Role", f"Table{i}", f"Bucket{i}"}),
        f"Function{i}": ("AWS::Lambda::Function",
                         ("Code", "Environment", "Handler", "Role", "Runtime", "Timeout"),
                         {f"Function{i}Role", f"Table{i}", f"Bucket{i}"}),
    }


def expected(n: int) -> dict[str, tuple[str, tuple[str, ...], set[str]]]:
    groups: dict = {}
    for i in range(n):
        groups.update(expected_group(i))
    return groups


def compare_cli(a, b, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCHMARKS / "compare_templates.py"), *extra, str(a), str(b)],
                          capture_output=True, text=True, timeout=120)


# The two tools agree -----------------------------------------------------------

@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("formats", [("yaml", "yaml"), ("json", "json"), ("yaml", "json"), ("json", "yaml")])
def test_troposphere_and_cdk_describe_the_same_resources(templates, n, formats):
    result = compare_cli(templates("troposphere", n, formats[0]), templates("cdk", n, formats[1]), "--deep")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"same resources: {5 * n} in each" in result.stdout


@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_cdk_without_validation_is_the_same_template(templates, n, fmt):
    with_validation = compare_templates.load_template(templates("cdk", n, fmt))
    without = compare_templates.load_template(templates("cdk", n, fmt, "--no-validation"))
    assert with_validation == without


# Each tool matches the hand-written description ----------------------------------

@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_matches_the_hand_written_description(templates, tool, n, fmt):
    template = compare_templates.load_template(templates(tool, n, fmt))
    described = {logical_id: (d.type, d.properties, set(d.references))
                 for logical_id, d in compare_templates.describe(template).items()}
    assert described == expected(n)
    assert all(not d.attributes for d in compare_templates.describe(template).values())
    # Nothing but the resources: no CDKMetadata, BootstrapVersion or CheckBootstrapVersion.
    assert set(template) <= {"AWSTemplateFormatVersion", "Resources"}


def _statements(document):
    """A policy document's statements as {(effect, actions, resource shape)}."""
    found = set()
    for statement in document["Statement"]:
        actions = statement["Action"]
        actions = frozenset([actions] if isinstance(actions, str) else actions)
        resources = statement["Resource"]
        resources = resources if isinstance(resources, list) else [resources]
        shapes = []
        for resource in resources:
            refs = sorted(compare_templates.references(resource))
            intrinsic = next(iter(resource)) if isinstance(resource, dict) else "literal"
            suffix = ""
            if intrinsic == "Fn::Sub":
                suffix = resource["Fn::Sub"].split("}", 1)[1]
            elif intrinsic == "Fn::Join":
                suffix = "".join(part for part in resource["Fn::Join"][1] if isinstance(part, str))
            shapes.append((tuple(refs), suffix))
        found.add((statement["Effect"], actions, tuple(shapes)))
    return found


@pytest.mark.parametrize("tool", TOOLS)
def test_values_of_one_group(templates, tool):
    resources = compare_templates.load_template(templates(tool, 1))["Resources"]
    table = resources["Table0"]["Properties"]
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert {(a["AttributeName"], a["AttributeType"]) for a in table["AttributeDefinitions"]} == {("id", "S"), ("owner", "S")}
    assert table["GlobalSecondaryIndexes"] == [{"IndexName": "ByOwner",
                                                "KeySchema": [{"AttributeName": "owner", "KeyType": "HASH"}],
                                                "Projection": {"ProjectionType": "ALL"}}]

    trust = resources["Function0Role"]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert len(trust) == 1 and trust[0]["Principal"] == {"Service": "lambda.amazonaws.com"}
    assert trust[0]["Action"] in ("sts:AssumeRole", ["sts:AssumeRole"])

    policy = resources["Function0Policy"]["Properties"]
    assert policy["Roles"] == [{"Ref": "Function0Role"}]
    read = frozenset(["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
                      "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"])
    assert _statements(policy["PolicyDocument"]) == {
        ("Allow", read, ((("Table0",), ""),)),
        ("Allow", frozenset(["dynamodb:Query", "dynamodb:Scan"]), ((("Table0",), "/index/*"),)),
        ("Allow", frozenset(["s3:PutObject"]), ((("Bucket0",), "/*"),)),
    }

    function = resources["Function0"]["Properties"]
    assert function["Runtime"] == "python3.13"
    assert function["Handler"] == "index.handler"
    assert function["Timeout"] == 30
    assert function["Role"] == {"Fn::GetAtt": ["Function0Role", "Arn"]}
    assert function["Environment"] == {"Variables": {"TABLE": {"Ref": "Table0"}, "BUCKET": {"Ref": "Bucket0"}}}
    source = function["Code"]["ZipFile"]
    assert "def handler(event, context):" in source
    compile(source, "index.py", "exec")


@pytest.mark.parametrize("tool, extra", [("troposphere", ()), ("cdk", ()), ("cdk", ("--no-validation",))])
def test_past_cloudformations_500_resources(templates, tool, extra):
    template = compare_templates.load_template(templates(tool, 101, "json", *extra))
    assert len(template["Resources"]) == 505
    assert compare_templates.describe(template) == compare_templates.describe(
        compare_templates.load_template(templates("troposphere", 101, "json")))


# The comparison finds what is missing ---------------------------------------------

def _write(path, template):
    import json
    path.write_text(json.dumps(template), encoding="utf-8")
    return path


def test_reports_a_missing_resource(templates, tmp_path):
    reference = templates("troposphere", 3, "yaml")
    template = compare_templates.load_template(templates("cdk", 3, "json"))
    del template["Resources"]["Bucket2"]
    result = compare_cli(reference, _write(tmp_path / "missing.json", template))
    assert result.returncode == 1
    assert f"resource only in {reference}: Bucket2 (AWS::S3::Bucket)" in result.stdout


def test_reports_a_missing_reference(templates, tmp_path):
    reference = templates("troposphere", 3, "yaml")
    template = compare_templates.load_template(templates("cdk", 3, "json"))
    template["Resources"]["Function1"]["Properties"]["Environment"]["Variables"]["BUCKET"] = "a-literal-name"
    result = compare_cli(reference, _write(tmp_path / "unreferenced.json", template))
    assert result.returncode == 1
    assert f"Function1: references only in {reference}: Bucket1" in result.stdout


def test_reports_a_missing_property_and_a_changed_type(templates, tmp_path):
    reference = templates("troposphere", 1, "json")
    template = compare_templates.load_template(reference)
    del template["Resources"]["Function0"]["Properties"]["Timeout"]
    template["Resources"]["Bucket0"]["Type"] = "AWS::S3::AccessPoint"
    changed = _write(tmp_path / "changed.json", template)
    result = compare_cli(reference, changed)
    assert result.returncode == 1
    assert f"Function0: properties only in {reference}: Timeout" in result.stdout
    assert f"Bucket0: type AWS::S3::Bucket in {reference}, AWS::S3::AccessPoint in {changed}" in result.stdout


def test_deep_reports_a_missing_nested_property(templates, tmp_path):
    reference = templates("troposphere", 1, "json")
    template = compare_templates.load_template(reference)
    del template["Resources"]["Table0"]["Properties"]["GlobalSecondaryIndexes"][0]["Projection"]
    changed = _write(tmp_path / "changed.json", template)
    assert compare_cli(reference, changed).returncode == 0
    result = compare_cli(reference, changed, "--deep")
    assert result.returncode == 1
    assert "GlobalSecondaryIndexes[].Projection" in result.stdout


def test_unreadable_file_exits_2(tmp_path):
    missing = tmp_path / "nothing.yaml"
    result = compare_cli(missing, missing)
    assert result.returncode == 2


# Normalizing intrinsic functions ----------------------------------------------------

SHORT_FORM = """
Parameters:
  Stage: {Type: String}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '${AWS::StackName}-${Stage}-${!NotARef}'
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Queue
    Properties:
      TopicName: !Join ['-', [!Ref Stage, !Select [0, !GetAZs '']]]
      Subscription:
        - Endpoint: !GetAtt Queue.Arn
          Protocol: sqs
      Tags:
        - Key: where
          Value: !Sub
            - '${Name}.${AWS::Region}'
            - Name: !GetAtt [Queue, QueueName]
"""

LONG_FORM = """{
  "Parameters": {"Stage": {"Type": "String"}},
  "Resources": {
    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {
      "QueueName": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, {"Ref": "Stage"}, "${NotARef}"]]}}},
    "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": ["Queue"], "Properties": {
      "TopicName": {"Fn::Sub": "${Stage}-x"},
      "Subscription": [{"Endpoint": {"Fn::GetAtt": "Queue.Arn"}, "Protocol": "sqs"}],
      "Tags": [{"Key": "where", "Value": {"Fn::Join": [".", [{"Fn::GetAtt": ["Queue", "QueueName"]}, "r"]]}}]}}
  }
}"""


def test_short_and_long_forms_are_the_same(tmp_path):
    short = tmp_path / "short.yaml"
    short.write_text(SHORT_FORM, encoding="utf-8")
    long = tmp_path / "long.json"
    long.write_text(LONG_FORM, encoding="utf-8")
    result = compare_cli(short, long, "--deep")
    assert result.returncode == 0, result.stdout
    described = compare_templates.describe(compare_templates.load_template(short))
    assert described["Queue"].references == {"Stage"}
    assert described["Topic"].references == {"Stage", "Queue"}
    assert described["Topic"].attributes == ("DependsOn",)


def test_getatt_forms_normalize_to_a_list(tmp_path):
    short = tmp_path / "short.yaml"
    short.write_text(SHORT_FORM, encoding="utf-8")
    template = compare_templates.load_template(short)
    endpoint = template["Resources"]["Topic"]["Properties"]["Subscription"][0]["Endpoint"]
    assert endpoint == {"Fn::GetAtt": ["Queue", "Arn"]}
    long = tmp_path / "long.json"
    long.write_text(LONG_FORM, encoding="utf-8")
    template = compare_templates.load_template(long)
    assert template["Resources"]["Topic"]["Properties"]["Subscription"][0]["Endpoint"] == endpoint


def test_sections_are_compared_by_name(tmp_path):
    a = {"Parameters": {"BootstrapVersion": {"Type": "String"}}, "Resources": {}}
    b = {"Resources": {}}
    assert compare_templates.compare(a, b) == ["Parameters only in A: BootstrapVersion"]
