"""Tests of stacks/MacieDynamoDB/functions/export_native.py, the native engine.

Where moto implements the operation as DynamoDB does (a full export, a table
without point-in-time recovery) the handler runs against moto. moto neither
takes nor returns an incremental window, and finishes every export at once,
so the chained, running and failed cases use a real botocore dynamodb client
behind `botocore.stub.Stubber`, which checks every request and every canned
response against the dynamodb service model that ships with botocore. SSM is
always moto.
"""
import csv
import datetime
import gzip
import json
import os
import re
import subprocess
import time
from pathlib import Path

import boto3
import pytest
from botocore.stub import ANY, Stubber

from conftest import REGION, ROOT, SAMPLE, load_handler

EXPORT = "macie-export"
PREFIX = "dynamodb-exports"
PARAMETER = "export-state"
ACCOUNT = "123456789012"
NOW = datetime.datetime(2026, 3, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)


def table_arn(name):
    return f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{name}"


def export_arn(name, export_id):
    return f"{table_arn(name)}/export/{export_id}"


@pytest.fixture
def index():
    return load_handler("export_native")


@pytest.fixture
def frozen(monkeypatch, index):
    """The handler's clock, stopped at NOW."""

    class Clock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return NOW.astimezone(tz)

    monkeypatch.setattr(index, "datetime", Clock)
    return NOW


def configure(monkeypatch, arns, mode):
    monkeypatch.setenv("bucket_to_export_to", EXPORT)
    monkeypatch.setenv("export_prefix", PREFIX)
    monkeypatch.setenv("export_state_parameter", PARAMETER)
    monkeypatch.setenv(f"{mode.lower()}_table_arns", ",".join(arns))


def state(aws_ssm):
    return json.loads(aws_ssm.get_parameter(Name=PARAMETER)["Parameter"]["Value"])


@pytest.fixture
def ssm(aws):
    client = boto3.client("ssm", region_name=REGION)
    client.put_parameter(Name=PARAMETER, Value="{}", Type="String")
    return client


# --- moto: a first full export, a table without point-in-time recovery ---


def pitr_table(aws, name, items=()):
    table = aws.table(name)
    aws.dynamodb.meta.client.update_continuous_backups(
        TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    for item in items:
        table.put_item(Item=item)
    return table


def finished(aws, arn, seconds=60.0):
    """The export's description once moto's export thread has finished
    (polled with a pause, so the thread gets the interpreter; bounded in time)."""
    client = aws.dynamodb.meta.client
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        description = client.describe_export(ExportArn=arn)["ExportDescription"]
        if description["ExportStatus"] != "IN_PROGRESS":
            return description
        time.sleep(0.01)
    raise AssertionError(f"{arn} did not finish within {seconds} s")


def test_first_export_is_full_and_recorded(aws, ssm, monkeypatch, index):
    aws.bucket(EXPORT)
    table = pitr_table(aws, "accounts-info-macie", [{"id": "1", "account_number": "XYZ-23451234234"}])
    configure(monkeypatch, [table.table_arn], "INCREMENTAL")

    result = index.handler({}, None)

    (entry,) = result["exports"]
    assert entry["table"] == "accounts-info-macie"
    assert entry["type"] == "FULL_EXPORT"
    assert state(ssm) == {"accounts-info-macie": entry["started"]}
    description = aws.dynamodb.meta.client.describe_export(ExportArn=entry["started"])["ExportDescription"]
    assert description["S3Bucket"] == EXPORT
    assert description["S3Prefix"] == f"{PREFIX}/accounts-info-macie"
    assert description["ExportFormat"] == "DYNAMODB_JSON"


def test_full_export_writes_gzip_dynamodb_json_under_the_prefix(aws, ssm, monkeypatch, index):
    aws.bucket(EXPORT)
    table = pitr_table(aws, "people-macie", [{"id": str(i), "name": f"n{i}"} for i in range(3)])
    configure(monkeypatch, [table.table_arn], "FULL")

    (entry,) = index.handler({}, None)["exports"]

    assert finished(aws, entry["started"])["ExportStatus"] == "COMPLETED"
    keys = [k for k in aws.keys(EXPORT) if k.endswith(".gz")]
    assert keys and all(k.startswith(f"{PREFIX}/people-macie/AWSDynamoDB/") for k in keys)
    lines = gzip.decompress(aws.body(EXPORT, keys[0])).decode().splitlines()
    assert sorted(json.loads(line)["Item"]["id"]["S"] for line in lines) == ["0", "1", "2"]


def test_the_identifier_tester_reads_the_native_export_of_the_accounts_table(aws, ssm, monkeypatch, index, tmp_path):
    """The walkthrough's accounts.csv, exported by DynamoDB's engine (moto's), then `synth identifiers test`."""
    aws.bucket(EXPORT)
    with open(SAMPLE / "accounts.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table = pitr_table(aws, "accounts-info-macie", rows)
    configure(monkeypatch, [table.table_arn], "FULL")

    (entry,) = index.handler({}, None)["exports"]
    assert finished(aws, entry["started"])["ExportStatus"] == "COMPLETED"
    (key,) = [k for k in aws.keys(EXPORT) if k.startswith(f"{PREFIX}/accounts-info-macie/") and k.endswith(".gz")]
    sample = tmp_path / key.rsplit("/", 1)[-1]
    sample.write_bytes(aws.body(EXPORT, key))

    synth = Path(os.environ.get("SWIFT_BIN_PATH", ROOT / ".build/debug")) / "synth"
    result = subprocess.run(
        [str(synth), "identifiers", "test", "account_number", "--stack", "MacieDynamoDBNativeExport",
         "--sample", str(sample), "--expect-matches"],
        capture_output=True, text=True, check=False)

    assert result.returncode == 0, result.stderr
    *matches, summary = result.stdout.splitlines()
    assert summary == "account_number: 10 occurrences on 10 lines"
    found = {}
    for match in matches:
        line, number = re.fullmatch(rf"{re.escape(str(sample))}:(\d+):\d+: (XYZ-\d{{11}})", match).groups()
        found[number] = int(line)
    assert set(found) == {row["account_number"] for row in rows}
    assert sorted(found.values()) == list(range(1, 11))
    # Each reported line is the item that holds that number.
    lines = gzip.decompress(sample.read_bytes()).decode().splitlines()
    for number, line in found.items():
        assert json.loads(lines[line - 1])["Item"]["account_number"] == {"S": number}


def test_table_without_point_in_time_recovery_fails_clearly_after_the_others(aws, ssm, monkeypatch, index):
    aws.bucket(EXPORT)
    plain = aws.table("no-pitr")
    good = pitr_table(aws, "people-macie")
    configure(monkeypatch, [plain.table_arn, good.table_arn], "FULL")

    with pytest.raises(index.ExportFailed) as failure:
        index.handler({}, None)

    assert str(failure.value) == "no-pitr: point-in-time recovery is off; DynamoDB exports need it"
    assert set(state(ssm)) == {"people-macie"}


def test_full_mode_exports_in_full_every_time(aws, ssm, monkeypatch, index):
    aws.bucket(EXPORT)
    table = pitr_table(aws, "people-macie", [{"id": "1"}])
    configure(monkeypatch, [table.table_arn], "FULL")
    first = index.handler({}, None)["exports"][0]
    finished(aws, first["started"])

    second = index.handler({}, None)["exports"][0]

    assert second["type"] == "FULL_EXPORT"
    assert second["started"] != first["started"]
    assert state(ssm) == {"people-macie": second["started"]}


# --- Stubber: chained, still running, failed ---


class StubbedDynamoDB:
    """A real dynamodb client whose answers are queued and checked against the model."""

    def __init__(self, monkeypatch):
        self.client = boto3.client("dynamodb", region_name=REGION)
        self.stub = Stubber(self.client)
        real = boto3.client
        monkeypatch.setattr(boto3, "client", lambda name, *a, **k: self.client if name == "dynamodb" else real(name, *a, **k))

    def describe(self, arn, description):
        self.stub.add_response("describe_export", {"ExportDescription": {"ExportArn": arn, **description}},
                               {"ExportArn": arn})

    def describe_missing(self, arn):
        self.stub.add_client_error("describe_export", "ExportNotFoundException", "Export not found",
                                   expected_params={"ExportArn": arn})

    def export(self, table, new_arn, request):
        """The handler must start exactly `request` (plus the fixed fields) for `table`."""
        expected = {
            "TableArn": table_arn(table), "S3Bucket": EXPORT, "S3Prefix": f"{PREFIX}/{table}",
            "ExportFormat": "DYNAMODB_JSON", "ClientToken": ANY, **request,
        }
        self.stub.add_response(
            "export_table_to_point_in_time",
            {"ExportDescription": {"ExportArn": new_arn, "ExportStatus": "IN_PROGRESS", "TableArn": table_arn(table),
                                   "ExportType": request["ExportType"]}},
            expected)

    def __enter__(self):
        self.stub.activate()
        return self

    def __exit__(self, *exc):
        self.stub.deactivate()
        if exc[0] is None:
            self.stub.assert_no_pending_responses()


def record(ssm, **exports):
    ssm.put_parameter(Name=PARAMETER, Value=json.dumps(exports), Type="String", Overwrite=True)


def incremental(start, end):
    return {"ExportType": "INCREMENTAL_EXPORT", "IncrementalExportSpecification": {
        "ExportFromTime": start, "ExportToTime": end, "ExportViewType": "NEW_IMAGE"}}


def test_incremental_export_starts_where_the_previous_incremental_ended(aws, ssm, monkeypatch, index, frozen):
    previous = export_arn("accounts-info-macie", "01")
    ended = NOW - datetime.timedelta(hours=1)
    record(ssm, **{"accounts-info-macie": previous})
    configure(monkeypatch, [table_arn("accounts-info-macie")], "INCREMENTAL")
    new = export_arn("accounts-info-macie", "02")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(previous, {"ExportStatus": "COMPLETED", **incremental(ended - datetime.timedelta(hours=1), ended)})
        ddb.export("accounts-info-macie", new, incremental(ended, NOW))
        result = index.handler({}, None)

    assert result["exports"] == [{"table": "accounts-info-macie", "started": new, "type": "INCREMENTAL_EXPORT",
                                  "to": str(NOW)}]
    assert state(ssm) == {"accounts-info-macie": new}


def test_first_incremental_follows_the_full_exports_snapshot_time(aws, ssm, monkeypatch, index, frozen):
    previous = export_arn("people-macie", "01")
    snapshot = NOW - datetime.timedelta(minutes=45)
    record(ssm, **{"people-macie": previous})
    configure(monkeypatch, [table_arn("people-macie")], "INCREMENTAL")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(previous, {"ExportStatus": "COMPLETED", "ExportType": "FULL_EXPORT", "ExportTime": snapshot})
        ddb.export("people-macie", export_arn("people-macie", "02"), incremental(snapshot, NOW))
        index.handler({}, None)


def test_a_gap_longer_than_a_day_is_caught_up_a_day_at_a_time(aws, ssm, monkeypatch, index, frozen):
    previous = export_arn("people-macie", "01")
    ended = NOW - datetime.timedelta(days=3)
    record(ssm, **{"people-macie": previous})
    configure(monkeypatch, [table_arn("people-macie")], "INCREMENTAL")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(previous, {"ExportStatus": "COMPLETED", **incremental(ended - datetime.timedelta(hours=1), ended)})
        ddb.export("people-macie", export_arn("people-macie", "02"), incremental(ended, ended + datetime.timedelta(days=1)))
        index.handler({}, None)


def test_a_window_under_fifteen_minutes_waits_for_the_next_run(aws, ssm, monkeypatch, index, frozen):
    previous = export_arn("people-macie", "01")
    ended = NOW - datetime.timedelta(minutes=14)
    record(ssm, **{"people-macie": previous})
    configure(monkeypatch, [table_arn("people-macie")], "INCREMENTAL")

    with StubbedDynamoDB(monkeypatch) as ddb:  # no export queued: starting one fails the test
        ddb.describe(previous, {"ExportStatus": "COMPLETED", **incremental(ended - datetime.timedelta(hours=1), ended)})
        result = index.handler({}, None)

    assert result["exports"] == [{"table": "people-macie", "waiting": "under 15 minutes since the last export"}]
    assert state(ssm) == {"people-macie": previous}


def test_an_export_still_running_is_neither_duplicated_nor_skipped(aws, ssm, monkeypatch, index, frozen):
    running = export_arn("accounts-info-macie", "02")
    started_from = NOW - datetime.timedelta(hours=2)
    ends = NOW - datetime.timedelta(hours=1)
    record(ssm, **{"accounts-info-macie": running})
    configure(monkeypatch, [table_arn("accounts-info-macie")], "INCREMENTAL")

    # This schedule: the export is still running; nothing new starts.
    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(running, {"ExportStatus": "IN_PROGRESS", **incremental(started_from, ends)})
        result = index.handler({}, None)
    assert result["exports"] == [{"table": "accounts-info-macie", "waiting": "the last export is running"}]
    assert state(ssm) == {"accounts-info-macie": running}

    # The next schedule: it has finished; the new window starts at its end.
    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(running, {"ExportStatus": "COMPLETED", **incremental(started_from, ends)})
        ddb.export("accounts-info-macie", export_arn("accounts-info-macie", "03"), incremental(ends, NOW))
        index.handler({}, None)


def test_a_failed_export_fails_the_invocation_and_its_window_is_exported_again(aws, ssm, monkeypatch, index, frozen):
    failed = export_arn("accounts-info-macie", "02")
    window = (NOW - datetime.timedelta(hours=2), NOW - datetime.timedelta(hours=1))
    record(ssm, **{"accounts-info-macie": failed})
    configure(monkeypatch, [table_arn("accounts-info-macie")], "INCREMENTAL")
    again = export_arn("accounts-info-macie", "03")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(failed, {"ExportStatus": "FAILED", "FailureCode": "S3NoSuchBucket",
                              "FailureMessage": "The specified bucket does not exist", **incremental(*window)})
        ddb.export("accounts-info-macie", again, incremental(window[0], NOW))
        with pytest.raises(index.ExportFailed) as failure:
            index.handler({}, None)

    assert str(failure.value) == (
        f"accounts-info-macie: {failed} failed: S3NoSuchBucket The specified bucket does not exist")
    assert state(ssm) == {"accounts-info-macie": again}


def test_a_failed_full_export_is_followed_by_a_full_one(aws, ssm, monkeypatch, index, frozen):
    failed = export_arn("people-macie", "01")
    record(ssm, **{"people-macie": failed})
    configure(monkeypatch, [table_arn("people-macie")], "INCREMENTAL")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(failed, {"ExportStatus": "FAILED", "ExportType": "FULL_EXPORT", "FailureCode": "UNKNOWN",
                              "FailureMessage": "internal error"})
        ddb.export("people-macie", export_arn("people-macie", "02"), {"ExportType": "FULL_EXPORT"})
        with pytest.raises(index.ExportFailed, match="people-macie: .* failed: UNKNOWN internal error"):
            index.handler({}, None)


def test_a_forgotten_export_starts_the_chain_again_in_full(aws, ssm, monkeypatch, index, frozen):
    gone = export_arn("people-macie", "01")
    record(ssm, **{"people-macie": gone})
    configure(monkeypatch, [table_arn("people-macie")], "INCREMENTAL")

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe_missing(gone)
        ddb.export("people-macie", export_arn("people-macie", "02"), {"ExportType": "FULL_EXPORT"})
        index.handler({}, None)


def test_runs_from_the_same_state_ask_for_the_same_export(aws, ssm, monkeypatch, index, frozen, api_calls):
    previous = export_arn("people-macie", "01")
    ended = NOW - datetime.timedelta(hours=1)
    configure(monkeypatch, [table_arn("people-macie"), table_arn("accounts-info-macie")], "INCREMENTAL")
    tokens = []
    for run in range(2):
        record(ssm, **{"people-macie": previous})
        with StubbedDynamoDB(monkeypatch) as ddb:
            ddb.describe(previous, {"ExportStatus": "COMPLETED", **incremental(ended - datetime.timedelta(hours=1), ended)})
            ddb.export("people-macie", export_arn("people-macie", f"1{run}"), incremental(ended, NOW))
            ddb.export("accounts-info-macie", export_arn("accounts-info-macie", f"1{run}"), {"ExportType": "FULL_EXPORT"})
            index.handler({}, None)
        tokens.append([p["ClientToken"] for op, p in api_calls if op == "ExportTableToPointInTime"][-2:])

    assert tokens[0] == tokens[1]
    assert len(set(tokens[0])) == 2  # one per table


@pytest.mark.parametrize("value", ["not json", "[1, 2]", '"text"'])
def test_an_unreadable_state_fails_before_any_export(aws, ssm, monkeypatch, index, value):
    ssm.put_parameter(Name=PARAMETER, Value=value, Type="String", Overwrite=True)
    configure(monkeypatch, [table_arn("people-macie")], "FULL")

    with StubbedDynamoDB(monkeypatch):
        with pytest.raises(index.ExportFailed, match=f"export state {PARAMETER}: "):
            index.handler({}, None)


@pytest.mark.parametrize("missing", ["bucket_to_export_to", "export_prefix", "export_state_parameter"])
def test_each_setting_is_required(aws, ssm, monkeypatch, index, missing):
    configure(monkeypatch, [table_arn("people-macie")], "FULL")
    monkeypatch.delenv(missing)

    with pytest.raises(index.ExportFailed, match=f"environment variable {missing} is not set"):
        index.handler({}, None)


def test_a_table_list_is_required(aws, ssm, monkeypatch, index):
    configure(monkeypatch, [], "FULL")

    with pytest.raises(index.ExportFailed, match="no full_table_arns or incremental_table_arns"):
        index.handler({}, None)


def test_each_table_is_exported_in_its_own_mode(aws, ssm, monkeypatch, index, frozen):
    ended = NOW - datetime.timedelta(hours=1)
    previous = {name: export_arn(name, "01") for name in ("people-macie", "accounts-info-macie")}
    record(ssm, **previous)
    configure(monkeypatch, [table_arn("people-macie")], "FULL")
    configure(monkeypatch, [table_arn("accounts-info-macie")], "INCREMENTAL")
    completed = {"ExportStatus": "COMPLETED", **incremental(ended - datetime.timedelta(hours=1), ended)}

    with StubbedDynamoDB(monkeypatch) as ddb:
        ddb.describe(previous["people-macie"], completed)
        ddb.export("people-macie", export_arn("people-macie", "02"), {"ExportType": "FULL_EXPORT"})
        ddb.describe(previous["accounts-info-macie"], completed)
        ddb.export("accounts-info-macie", export_arn("accounts-info-macie", "02"), incremental(ended, NOW))
        result = index.handler({}, None)

    assert [(e["table"], e["type"]) for e in result["exports"]] == [
        ("people-macie", "FULL_EXPORT"), ("accounts-info-macie", "INCREMENTAL_EXPORT")]


def test_the_native_stack_deploys_this_handler_with_exactly_the_settings_it_reads():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: f"!{suffix}")
    template = yaml.load((ROOT / "generated" / "MacieDynamoDBNativeExport.yaml").read_text(encoding="utf-8"), Loader=Loader)
    function = template["Resources"]["ExportDynamoDBDataToS3"]["Properties"]
    source = (ROOT / "stacks" / "MacieDynamoDB" / "functions" / "export_native.py").read_text(encoding="utf-8")

    assert function["Code"]["ZipFile"] == source
    required = set(re.findall(r'_env\("([a-z_]+)"\)', source))
    table_lists = {"full_table_arns", "incremental_table_arns"}
    variables = set(function["Environment"]["Variables"])
    assert required <= variables <= required | table_lists
    assert variables & table_lists
