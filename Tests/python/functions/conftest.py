"""Shared set-up for the MacieDynamoDB Lambda handler tests.

Each handler is loaded from its file under the module name `index`, the name
Lambda gives inline (ZipFile) code. AWS is moto's in-process `mock_aws`; the
credentials are fake and sockets refuse to connect, so nothing reaches AWS.
"""
import importlib.util
import os
import socket
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

ROOT = Path(__file__).resolve().parents[3]
FUNCTIONS = ROOT / "stacks" / "MacieDynamoDB" / "functions"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "sample"
# Not us-east-1: the region has to show in object names and bucket creation.
REGION = "eu-west-2"

HANDLER_ENV = (
    "s3_import_bucket_name",
    "data_import_export_location",
    "bucket_to_export_to",
    "dynamo_db_tables",
    "kms_key_id",
    "export_prefix",
    "export_state_parameter",
    "full_table_arns",
    "incremental_table_arns",
)


def load_handler(name):
    """Loads stacks/MacieDynamoDB/functions/<name>.py as module `index`."""
    spec = importlib.util.spec_from_file_location("index", FUNCTIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    for name in HANDLER_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_REGION", REGION)  # Lambda sets this one
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    # A fresh default session per test: no credentials or region cached across tests.
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a test tried to open a network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


class Aws:
    """Thin helpers over moto-backed clients."""

    def __init__(self):
        self.s3 = boto3.client("s3", region_name=REGION)
        self.dynamodb = boto3.resource("dynamodb", region_name=REGION)
        self.kms = boto3.client("kms", region_name=REGION)

    def bucket(self, name):
        self.s3.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return name

    def table(self, name):
        """A table shaped like the stack's: hash key `id` (S)."""
        table = self.dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        table.wait_until_exists()
        return table

    def put(self, bucket, key, body):
        self.s3.put_object(Bucket=bucket, Key=key, Body=body)

    def items(self, table_name):
        """Every item of a table, by id (the test's own paginated scan)."""
        table = self.dynamodb.Table(table_name)
        items, args = [], {}
        while True:
            page = table.scan(**args)
            items.extend(page["Items"])
            if "LastEvaluatedKey" not in page:
                break
            args["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return {item["id"]: item for item in items}

    def keys(self, bucket):
        response = self.s3.list_objects_v2(Bucket=bucket)
        return sorted(obj["Key"] for obj in response.get("Contents", []))

    def body(self, bucket, key):
        return self.s3.get_object(Bucket=bucket, Key=key)["Body"].read()


@pytest.fixture
def aws():
    with mock_aws():
        yield Aws()


@pytest.fixture
def api_calls(monkeypatch):
    """Records (operation, params) of every AWS call made through botocore."""
    import botocore.client

    calls = []
    original = botocore.client.BaseClient._make_api_call

    def record(self, operation_name, api_params):
        calls.append((operation_name, dict(api_params)))
        return original(self, operation_name, api_params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", record)
    return calls
