"""The MacieDynamoDB template, deployed to moto's CloudFormation emulator, and
the walkthrough run against what was deployed.

Template: $MACIE_TEMPLATE, or generated/MacieDynamoDB.yaml (skipped with the
reason when the file does not exist). Stack `macie-blog` (the walkthrough's
name), default parameters ("keep the default values"), us-east-1, fake
credentials, moto's server on 127.0.0.1 only (conftest.py).

Walkthrough, in its order: upload people.csv and accounts.csv to the import
bucket (ImportS3BucketName), run the import function, run the export function
(with the scheduled event its EventBridge rule sends), then read the export
bucket as Macie would.

What moto (5.2.5) does with this template
-----------------------------------------
* Creates, CREATE_COMPLETE: KMS::Key, KMS::Alias, S3::Bucket (3), DynamoDB::Table
  (2), IAM::Role (2), Logs::LogGroup (2), SQS::Queue (2, the dead-letter
  queues), Lambda::Function (2), Events::Rule, Lambda::Permission.
* Skips, with a warning and no error ("not supported by moto's CloudFormation
  implementation"): AWS::S3::BucketPolicy (3: the TLS-only and access-log
  policies), AWS::SNS::TopicPolicy (the findings topic's),
  AWS::SQS::QueuePolicy (the dead-letter queues' TLS-only policies) and
  AWS::Macie::CustomDataIdentifier. Pinned in
  MOTO_SKIPS_THESE_TYPES below. AWS::Macie::Session is not supported either,
  but its condition (EnableMacie=true) is false by default, so CloudFormation
  would not create it: it is not expected, not counted as skipped.
* Lists each skipped resource in ListStackResources as a summary with an empty
  LogicalResourceId and ResourceType and status CREATE_COMPLETE; the test
  takes only the named summaries as deployed.
* Never enforces IAM, KMS key policies or bucket policies (and the bucket
  policies are not even created), so the handlers run with any permissions;
  this test proves wiring and data flow, not least privilege (the Swift IAM
  tests do that).
* Does not run Macie: the custom data identifier's regex from the template is
  applied to the export here instead (test_custom_identifier_regex...).
* Creates the whole stack inside the CreateStack call (no *_IN_PROGRESS is
  ever seen); the wait is still polled, with a deadline.
* Keeps of the functions' configuration: Handler, Runtime, Timeout,
  MemorySize, Role, Description, Environment, reserved concurrency. Drops
  (get_function_configuration has none of them): KmsKeyArn (moto reads
  `KMSKeyArn`), DeadLetterConfig, LoggingConfig. So these are not asserted
  here; the Swift tests check them in the template.
* With EnableMacie=true the key policy names `!GetAtt MacieSession.ServiceRole`,
  which moto cannot resolve (no Macie::Session): only the default deployment
  is tested.

Workarounds (in the harness only; the template file is never changed)
--------------------------------------------------------------------
1. AWS::KMS::Key Tags: moto's KMS CloudFormation model passes CloudFormation's
   `{Key, Value}` tags to KMS's tagger, which reads the API's `TagKey`
   (KeyError 'TagKey', HTTP 500 from CreateStack). The harness sends the same
   tags as `{TagKey, TagValue}` (stack_deploy.adapt_for_moto), checks that this
   is the only difference from the file (undo_adaptations), and reads the tags
   back from the key (test_kms_key_carries_the_template_tags). With a
   workaround applied, the body is sent as JSON (long-form intrinsics) rather
   than the file's YAML text; without one, the file's text is sent unchanged.
2. Function code "as deployed": `lambda.get_function` returns Code.Location, a
   URL under awslambda-us-east-1-tasks.s3.us-east-1.amazonaws.com that moto
   does not serve (and fetching it would leave this machine). moto's server
   runs in this process, so the deployment package is read from moto's Lambda
   backend (the zip moto built from the template's Code.ZipFile), its SHA-256
   checked against get_function's CodeSha256, and its index.py compared with
   the template's Code.ZipFile (lambda_runner.py).
3. Running the handlers: moto would invoke them in Docker, which is not here;
   they run in this process instead (lambda_runner.run_handler): the package
   written to a temp folder and loaded as module `index`, os.environ replaced by
   the deployed Environment.Variables plus what Lambda's runtime sets
   (AWS_REGION, AWS_DEFAULT_REGION, credentials, TZ=UTC) and
   AWS_ENDPOINT_URL=http://127.0.0.1:<port> so that boto3 talks to moto.
4. S3 over plain HTTP: the buckets' TLS-only policies (Deny when
   aws:SecureTransport is false) would refuse these requests in AWS; moto
   neither creates nor enforces them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from .harness_config import ACCOUNT_ID, HERE, REGION, REPO_ROOT

# moto warns once per skipped resource; the skipped ones are listed in the
# summary at the end of the run and pinned below instead.
pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto:UserWarning")

STACK_NAME = "macie-blog"
TEMPLATE = Path(os.environ.get("MACIE_TEMPLATE") or REPO_ROOT / "generated" / "MacieDynamoDB.yaml")
if not TEMPLATE.is_absolute():
    TEMPLATE = REPO_ROOT / TEMPLATE

# Found by deploying, then pinned: the types moto 5.2.5 skips in this
# template. When moto learns one (or the template stops using one), this
# test fails and says which: update the pin and the notes above.
MOTO_SKIPS_THESE_TYPES = {"AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::Macie::CustomDataIdentifier"}

OUTPUT_KEYS = [
    "ImportS3BucketName",
    "ImportS3BucketURL",
    "ExportS3BucketName",
    "ExportS3BucketURL",
    "AccountsDynamoDBTableName",
    "AccountsDynamoDBTableURL",
    "PeopleDynamoDBTableName",
    "PeopleDynamoDBTableURL",
    "LambdaExportDynamoDBDataToS3",
    "LambdaExportDynamoDBDataToS3URL",
    "LambdaImportS3DataToDynamoDB",
    "LambdaImportS3DataToDynamoURL",
    "EventBridgeRule",
]
URL_OUTPUT_KEYS = [key for key in OUTPUT_KEYS if key.endswith("URL")] + ["EventBridgeRule"]

# The sample's two files: shared/ beside the repository (as CI lays it out, or
# this machine's /work/shared), else the copies kept here.
DATASET_FOLDERS = [
    REPO_ROOT.parent / "shared" / "reference" / "datasets",
    Path("/work/shared/reference/datasets"),
    HERE / "datasets",
]
CSV_FILES = {"people.csv": "PeopleDynamoDBTableName", "accounts.csv": "AccountsDynamoDBTableName"}

EXPORT_NAME = re.compile(
    r"^dynamodb-(?P<table>.+)-(?P<region>[a-z]{2}(?:-[a-z]+)+-\d)-"
    r"(?P<stamp>\d{4}-\d{2}-\d{2}-\d{2}:\d{2}:\d{2})\.json$"
)
ACCOUNT_NUMBER = re.compile(r"XYZ-\d{11}")


def dataset_folder() -> Path:
    for folder in DATASET_FOLDERS:
        if all((folder / name).is_file() for name in CSV_FILES):
            return folder
    raise FileNotFoundError(f"people.csv and accounts.csv in none of {DATASET_FOLDERS}")


def expected_rows(text: str) -> list[dict[str, str]]:
    """The CSV as the walkthrough means it: header and values stripped (the
    people file has a space after each comma), blank lines ignored."""
    lines = [line for line in csv.reader(io.StringIO(text)) if any(field.strip() for field in line)]
    header = [name.strip() for name in lines[0]]
    return [dict(zip(header, (value.strip() for value in line), strict=True)) for line in lines[1:]]


def by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: int(row["id"]))


# -- fixtures --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template_file() -> tuple[str, dict[str, Any]]:
    if not TEMPLATE.is_file():
        pytest.skip(
            f"no template at {TEMPLATE}: generated/MacieDynamoDB.yaml is written by `make generate` "
            "(or set MACIE_TEMPLATE to a synthesized template)"
        )
    from .cfn_template import load_template_text

    text = TEMPLATE.read_text(encoding="utf-8")
    return text, load_template_text(text)


@pytest.fixture(scope="module")
def deployment(moto, template_file, deploy_report, time_limited):
    from .stack_deploy import deploy

    text, template = template_file
    moto.server.reset()  # nothing left from other test modules
    with time_limited(180, "create_stack and the wait for it"):
        result = deploy(moto, STACK_NAME, text, template, timeout=120)
    deploy_report.append(f"template: {TEMPLATE} ({len(text.encode())} bytes, sent as {result.sent_as})")
    deploy_report.append(f"stack {STACK_NAME}: {result.status}, {len(result.deployed)} resources created by moto")
    for logical_id, kind in sorted(result.skipped.items(), key=lambda item: (item[1], item[0])):
        deploy_report.append(f"skipped by moto (type not supported): {logical_id} ({kind})")
    not_created = sorted(set(template["Resources"]) - set(result.expected))
    for logical_id in not_created:
        deploy_report.append(f"not created (condition false by default): {logical_id} ({template['Resources'][logical_id]['Type']})")
    for workaround in result.workarounds:
        deploy_report.append(f"workaround: {workaround}")
    return result


@pytest.fixture(scope="module")
def functions(moto, deployment):
    """The two functions as moto holds them, found by the outputs the walkthrough uses."""
    from .lambda_runner import read_deployed_function

    client = moto.client("lambda")
    return {
        role: read_deployed_function(client, deployment.outputs[output], REGION)
        for role, output in (("import", "LambdaImportS3DataToDynamoDB"), ("export", "LambdaExportDynamoDBDataToS3"))
    }


@pytest.fixture(scope="module")
def walkthrough(moto, deployment, functions, deploy_report, time_limited):
    """Upload, import, export, as the walkthrough does; what each step left behind."""
    from .lambda_runner import run_handler

    s3, dynamodb, events = moto.client("s3"), moto.client("dynamodb"), moto.client("events")
    folder = dataset_folder()
    deploy_report.append(f"datasets: {folder}")
    import_bucket = deployment.outputs["ImportS3BucketName"]
    export_bucket = deployment.outputs["ExportS3BucketName"]

    csv_texts = {}
    for name in CSV_FILES:
        data = (folder / name).read_bytes()
        csv_texts[name] = data.decode("utf-8")
        s3.put_object(Bucket=import_bucket, Key=name, Body=data)

    importer = functions["import"]
    with time_limited(min(importer.timeout, 60), f"{importer.name} handler"):
        import_result = run_handler(importer, {}, region=REGION, endpoint_url=moto.url)

    tables = {}
    for name, output in CSV_FILES.items():
        table = deployment.outputs[output]
        items = []
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            items.extend({key: value["S"] for key, value in item.items()} for item in page["Items"])
        tables[table] = items

    rule_name = deployment.physical_id("ExportDynamoDBDataRule")
    rule = events.describe_rule(Name=rule_name)
    targets = events.list_targets_by_rule(Rule=rule_name)["Targets"]
    exporter = functions["export"]
    scheduled_event = {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT_ID,
        "time": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": REGION,
        "resources": [rule["Arn"]],
        "detail": {},
    }
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    with time_limited(min(exporter.timeout, 60), f"{exporter.name} handler"):
        export_result = run_handler(exporter, scheduled_event, region=REGION, endpoint_url=moto.url)
    finished = datetime.datetime.now(datetime.timezone.utc)

    exports = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=export_bucket):
        for entry in page.get("Contents", []):
            answer = s3.get_object(Bucket=export_bucket, Key=entry["Key"])
            exports[entry["Key"]] = {
                "text": answer["Body"].read().decode("utf-8"),
                "ServerSideEncryption": answer.get("ServerSideEncryption"),
                "SSEKMSKeyId": answer.get("SSEKMSKeyId"),
            }
    return {
        "csv": csv_texts,
        "import_result": import_result,
        "tables": tables,
        "rule": rule,
        "targets": targets,
        "export_result": export_result,
        "exports": exports,
        "started": started,
        "finished": finished,
    }


def exports_by_table(walkthrough) -> dict[str, str]:
    result = {}
    for key, export in walkthrough["exports"].items():
        match = EXPORT_NAME.match(key)
        assert match, f"export object {key!r} is not named dynamodb-<table>-<region>-<YYYY-MM-DD-HH:MM:SS>.json"
        assert match["table"] not in result, f"two exports of {match['table']}: {sorted(walkthrough['exports'])}"
        result[match["table"]] = export["text"]
    return result


# -- the stack ------------------------------------------------------------------------


def test_stack_is_created(deployment):
    assert deployment.status == "CREATE_COMPLETE"
    # The walkthrough keeps the default values: none were sent.
    deployed = {p["ParameterKey"]: p["ParameterValue"] for p in deployment.stack.get("Parameters") or []}
    assert deployed == {name: str(value) for name, value in deployment.parameters.items()}


def test_every_resource_moto_supports_is_created_and_only_the_pinned_types_are_skipped(deployment):
    from .stack_deploy import moto_supported_types

    supported = moto_supported_types()
    skipped_types = set(deployment.skipped.values())
    assert skipped_types == MOTO_SKIPS_THESE_TYPES, (
        f"moto skipped {sorted(skipped_types)}, pinned {sorted(MOTO_SKIPS_THESE_TYPES)}: "
        "update MOTO_SKIPS_THESE_TYPES and the notes at the top of this file"
    )
    assert not skipped_types & supported, "a type moto supports was not created"
    for logical_id, kind in deployment.expected.items():
        if kind in supported:
            assert logical_id in deployment.deployed, f"{logical_id} ({kind}) was not created"
            summary = deployment.deployed[logical_id]
            assert summary["ResourceType"] == kind
            assert summary["ResourceStatus"] == "CREATE_COMPLETE", summary
    assert set(deployment.deployed) <= set(deployment.expected), "moto created a resource that is not expected"


def test_all_thirteen_outputs_of_the_sample_are_present(deployment):
    missing = [key for key in OUTPUT_KEYS if key not in deployment.outputs]
    assert not missing, f"outputs missing: {missing}; present: {sorted(deployment.outputs)}"
    assert all(deployment.outputs[key] for key in OUTPUT_KEYS)


@pytest.mark.parametrize("key", URL_OUTPUT_KEYS)
def test_url_output_names_the_region(deployment, key):
    url = deployment.outputs[key]
    assert url.startswith("https://console.aws.amazon.com/"), url
    assert REGION in url, f"{key} = {url}"


def test_name_outputs_are_the_deployed_resources(deployment):
    outputs = deployment.outputs
    assert outputs["ImportS3BucketName"] == deployment.physical_id("ImportS3Bucket")
    assert outputs["ExportS3BucketName"] == deployment.physical_id("ExportS3BucketMacie")
    assert outputs["PeopleDynamoDBTableName"] == deployment.physical_id("PeopleTable") == "people-macie"
    assert outputs["AccountsDynamoDBTableName"] == deployment.physical_id("AccountsInfoTable") == "accounts-info-macie"
    assert outputs["LambdaImportS3DataToDynamoDB"] == deployment.physical_id("ImportDataToDynamoDB")
    assert outputs["LambdaExportDynamoDBDataToS3"] == deployment.physical_id("ExportDynamoDBDataToS3")
    for key, physical in (
        ("ImportS3BucketURL", outputs["ImportS3BucketName"]),
        ("ExportS3BucketURL", outputs["ExportS3BucketName"]),
        ("PeopleDynamoDBTableURL", outputs["PeopleDynamoDBTableName"]),
        ("AccountsDynamoDBTableURL", outputs["AccountsDynamoDBTableName"]),
        ("LambdaImportS3DataToDynamoURL", outputs["LambdaImportS3DataToDynamoDB"]),
        ("LambdaExportDynamoDBDataToS3URL", outputs["LambdaExportDynamoDBDataToS3"]),
        ("EventBridgeRule", deployment.physical_id("ExportDynamoDBDataRule")),
    ):
        assert physical in outputs[key], f"{key} = {outputs[key]} does not link to {physical}"


def test_kms_key_carries_the_template_tags(moto, deployment):
    """Workaround 1 sent the tags in moto's spelling; they must have arrived."""
    for logical_id, kind in deployment.expected.items():
        if kind != "AWS::KMS::Key":
            continue
        wanted = (deployment.template["Resources"][logical_id].get("Properties") or {}).get("Tags") or []
        tags = moto.client("kms").list_resource_tags(KeyId=deployment.physical_id(logical_id))["Tags"]
        assert sorted((t["TagKey"], t["TagValue"]) for t in tags) == sorted((t["Key"], t["Value"]) for t in wanted)


# -- the functions as deployed ---------------------------------------------------------


@pytest.mark.parametrize("role", ["import", "export"])
def test_deployed_code_is_the_template_code(deployment, functions, role):
    function = functions[role]
    logical_id = deployment.logical_id_of(function.name, "AWS::Lambda::Function")
    properties = deployment.template["Resources"][logical_id]["Properties"]
    assert function.handler == properties["Handler"] == "index.handler"
    assert function.runtime == properties["Runtime"]
    assert function.source == properties["Code"]["ZipFile"], f"{function.name}: moto's package differs from the template"


def test_deployed_environment_points_at_the_stack(deployment, functions):
    outputs = deployment.outputs
    importer, exporter = functions["import"].environment, functions["export"].environment
    assert importer["s3_import_bucket_name"] == outputs["ImportS3BucketName"]
    locations = json.loads(importer["data_import_export_location"])
    assert sorted((entry["csv_name"], entry["table_name"]) for entry in locations) == sorted(
        (name, outputs[output]) for name, output in CSV_FILES.items()
    )
    assert exporter["bucket_to_export_to"] == outputs["ExportS3BucketName"]
    assert sorted(exporter["dynamo_db_tables"].split(",")) == sorted(outputs[o] for o in CSV_FILES.values())


def test_schedule_targets_the_export_function(deployment, functions, walkthrough):
    rule = walkthrough["rule"]
    assert rule["State"] == "ENABLED"
    assert rule["ScheduleExpression"] == "rate(1 hour)"
    assert [target["Arn"] for target in walkthrough["targets"]] == [functions["export"].configuration["FunctionArn"]]


# -- the walkthrough -------------------------------------------------------------------


def test_import_fills_each_table_from_its_csv(deployment, walkthrough):
    for name, output in CSV_FILES.items():
        table = deployment.outputs[output]
        assert by_id(walkthrough["tables"][table]) == by_id(expected_rows(walkthrough["csv"][name])), table
        assert len(walkthrough["tables"][table]) == 10


def test_export_writes_one_object_per_table_named_as_the_sample(deployment, walkthrough):
    tables = exports_by_table(walkthrough)
    assert sorted(tables) == sorted(deployment.outputs[o] for o in CSV_FILES.values())
    for key in walkthrough["exports"]:
        match = EXPORT_NAME.match(key)
        assert match["region"] == REGION, key
        stamp = datetime.datetime.strptime(match["stamp"], "%Y-%m-%d-%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
        assert walkthrough["started"] <= stamp <= walkthrough["finished"], f"{key}: not the time of this run (UTC)"


def test_exported_items_match_the_csvs(deployment, walkthrough):
    tables = exports_by_table(walkthrough)
    for name, output in CSV_FILES.items():
        text = tables[deployment.outputs[output]]
        lines = text.splitlines()
        assert len(lines) == 10, f"{name}: {len(lines)} lines"
        items = [json.loads(line) for line in lines]
        assert by_id(items) == by_id(expected_rows(walkthrough["csv"][name])), name


def test_exports_are_encrypted_with_the_stack_key(deployment, walkthrough):
    key_arn = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/{deployment.physical_id('DynamoDBMacieKMSKey')}"
    for key, export in walkthrough["exports"].items():
        assert export["ServerSideEncryption"] == "aws:kms", key
        assert export["SSEKMSKeyId"] == key_arn, key


def test_one_account_number_on_each_of_ten_lines(deployment, walkthrough):
    text = exports_by_table(walkthrough)[deployment.outputs["AccountsDynamoDBTableName"]]
    counts = [len(ACCOUNT_NUMBER.findall(line)) for line in text.splitlines()]
    assert counts == [1] * 10, counts


def test_custom_identifier_regex_finds_the_account_numbers(deployment, walkthrough):
    """Macie is not emulated: apply the template's custom data identifier to
    the export as Macie would, line by line."""
    identifiers = [
        resource["Properties"]
        for resource in deployment.template["Resources"].values()
        if resource["Type"] == "AWS::Macie::CustomDataIdentifier"
    ]
    assert len(identifiers) == 1
    pattern = re.compile(identifiers[0]["Regex"])
    exports = exports_by_table(walkthrough)
    accounts = exports[deployment.outputs["AccountsDynamoDBTableName"]]
    assert [len(pattern.findall(line)) for line in accounts.splitlines()] == [1] * 10
    people = exports[deployment.outputs["PeopleDynamoDBTableName"]]
    assert not pattern.search(people), "no account number in the people export"


def test_dataset_copies_match_the_shared_files():
    shared = next((folder for folder in DATASET_FOLDERS[:-1] if folder.is_dir()), None)
    if shared is None:
        pytest.skip("no shared/reference/datasets on this machine: the copies here are used")
    for name in CSV_FILES:
        assert (HERE / "datasets" / name).read_bytes() == (shared / name).read_bytes(), name
