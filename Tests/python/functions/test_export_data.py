"""Tests of stacks/MacieDynamoDB/functions/export_data.py (moto, no network)."""
import collections
import datetime
import json
import re
import time
import types
from decimal import Decimal

import pytest
from boto3.dynamodb.types import Binary

from conftest import REGION, SAMPLE, load_handler

EXPORT = "macie-export"
STAMP = r"\d{4}-\d{2}-\d{2}-\d{2}:\d{2}:\d{2}"


@pytest.fixture
def index():
    return load_handler("export_data")


def configure(monkeypatch, tables, bucket=EXPORT):
    monkeypatch.setenv("bucket_to_export_to", bucket)
    monkeypatch.setenv("dynamo_db_tables", tables)


def lines_of(body):
    """JSON Lines: split on \\n only (str.splitlines would also split on U+2028)."""
    text = body.decode("utf-8")
    assert text == "" or text.endswith("\n")
    return text.split("\n")[:-1] if text else []


def parse(body):
    return [json.loads(line, parse_float=Decimal) for line in lines_of(body)]


def only_export(result):
    (entry,) = result["exported"]
    return entry


def test_object_name_and_result(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    table = aws.table("people-macie")
    table.put_item(Item={"id": "1", "name": "Ana"})
    configure(monkeypatch, "people-macie")

    result = index.handler({}, None)

    entry = only_export(result)
    assert entry["table"] == "people-macie"
    assert entry["items"] == 1
    assert re.fullmatch(rf"dynamodb-people-macie-{REGION}-{STAMP}\.json", entry["key"])
    assert aws.keys(EXPORT) == [entry["key"]]


def test_timestamp_is_utc(aws, monkeypatch, index):
    # Far from UTC, so that local time in the name would not pass.
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        aws.bucket(EXPORT)
        aws.table("t").put_item(Item={"id": "1"})
        configure(monkeypatch, "t")
        before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
        key = only_export(index.handler({}, None))["key"]
        after = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    stamp = re.fullmatch(rf"dynamodb-t-{REGION}-({STAMP})\.json", key).group(1)
    written = datetime.datetime.strptime(stamp, "%Y-%m-%d-%H:%M:%S")
    assert before <= written <= after


def test_one_timestamp_per_invocation(aws, monkeypatch, index):
    """A clock that moves a second per call: all names must still share the first reading."""
    calls = []

    class Clock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            calls.append(tz)
            return datetime.datetime(2024, 2, 29, 23, 59, 58, tzinfo=tz) + datetime.timedelta(seconds=len(calls) - 1)

    monkeypatch.setattr(index, "datetime", types.SimpleNamespace(datetime=Clock, timezone=datetime.timezone))
    aws.bucket(EXPORT)
    for name in ("a", "b", "c"):
        aws.table(name).put_item(Item={"id": name})
    configure(monkeypatch, "a,b,c")

    result = index.handler({}, None)

    assert [e["key"] for e in result["exported"]] == [
        f"dynamodb-{name}-{REGION}-2024-02-29-23:59:58.json" for name in ("a", "b", "c")
    ]
    assert calls == [datetime.timezone.utc]


def test_table_list_tolerates_spaces_trailing_comma_and_repeats(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    aws.table("people-macie").put_item(Item={"id": "p"})
    aws.table("accounts-info-macie").put_item(Item={"id": "a"})
    configure(monkeypatch, " people-macie , accounts-info-macie,people-macie, ")

    result = index.handler({}, None)

    assert [(e["table"], e["items"]) for e in result["exported"]] == [
        ("people-macie", 1),
        ("accounts-info-macie", 1),
    ]
    assert len(aws.keys(EXPORT)) == 2


def test_scan_larger_than_one_page_exports_every_item_once(aws, monkeypatch, index, api_calls):
    aws.bucket(EXPORT)
    table = aws.table("large")
    padding = "x" * 5000
    with table.batch_writer() as batch:
        for i in range(300):
            batch.put_item(Item={"id": f"{i:04d}", "n": i, "padding": padding})
    configure(monkeypatch, "large")

    entry = only_export(index.handler({}, None))

    scans = [p for op, p in api_calls if op == "Scan" and p["TableName"] == "large"]
    # 300 items of ~5 KB exceed the 1 MB a page may hold: several pages.
    assert len(scans) >= 2
    assert "ExclusiveStartKey" not in scans[0]
    assert all("ExclusiveStartKey" in p for p in scans[1:])
    items = parse(aws.body(EXPORT, entry["key"]))
    assert entry["items"] == 300
    assert len(items) == 300
    counts = collections.Counter(item["id"] for item in items)
    assert set(counts) == {f"{i:04d}" for i in range(300)}
    assert set(counts.values()) == {1}
    assert all(item["n"] == int(item["id"]) and item["padding"] == padding for item in items)


def test_follows_last_evaluated_key_until_it_is_absent(aws, monkeypatch, index):
    """Pages served by hand, so the test does not depend on moto's page size."""
    pages = [
        {"Items": [{"id": "1"}, {"id": "2"}], "LastEvaluatedKey": {"id": "2"}},
        {"Items": [], "LastEvaluatedKey": {"id": "2b"}},  # DynamoDB may return empty pages
        {"Items": [{"id": "3"}], "LastEvaluatedKey": {"id": "3"}},
        {"Items": [{"id": "4"}]},
    ]
    seen = []

    class Table:
        def scan(self, **kwargs):
            seen.append(kwargs)
            return pages[len(seen) - 1]

    class Resource:
        def Table(self, name):
            assert name == "paged"
            return Table()

    aws.bucket(EXPORT)
    real_resource = index.boto3.resource
    monkeypatch.setattr(
        index.boto3, "resource", lambda service, **kw: Resource() if service == "dynamodb" else real_resource(service, **kw)
    )
    configure(monkeypatch, "paged")

    entry = only_export(index.handler({}, None))

    assert seen == [
        {},
        {"ExclusiveStartKey": {"id": "2"}},
        {"ExclusiveStartKey": {"id": "2b"}},
        {"ExclusiveStartKey": {"id": "3"}},
    ]
    assert entry["items"] == 4
    assert parse(aws.body(EXPORT, entry["key"])) == [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4"}]


def test_empty_table_writes_an_empty_object(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    aws.table("empty")
    aws.table("full").put_item(Item={"id": "1"})
    configure(monkeypatch, "empty,full")

    result = index.handler({}, None)

    empty, full = result["exported"]
    assert (empty["table"], empty["items"]) == ("empty", 0)
    assert re.fullmatch(rf"dynamodb-empty-{REGION}-{STAMP}\.json", empty["key"])
    assert aws.body(EXPORT, empty["key"]) == b""
    assert aws.body(EXPORT, full["key"]) == b'{"id":"1"}\n'
    assert aws.keys(EXPORT) == sorted([empty["key"], full["key"]])


def test_numbers_are_written_exactly(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    aws.table("numbers").put_item(
        Item={
            "id": "n",
            "big": Decimal("12345678901234567890"),
            "digits38": Decimal("12345678901234567890123456789012345678"),
            "tenth": Decimal("0.1"),
            "negative": Decimal("-12.5"),
            "hundred": Decimal("1E+2"),
            "zero": Decimal("0"),
            "tiny": Decimal("1.5E-7"),
        }
    )
    configure(monkeypatch, "numbers")

    entry = only_export(index.handler({}, None))
    body = aws.body(EXPORT, entry["key"]).decode()

    assert '"big":12345678901234567890,' in body
    assert '"digits38":12345678901234567890123456789012345678,' in body
    assert '"tenth":0.1,' in body
    assert '"hundred":100,' in body
    assert '"zero":0' in body
    (item,) = parse(body.encode())
    assert item["big"] == 12345678901234567890 and isinstance(item["big"], int)
    assert item["digits38"] == 12345678901234567890123456789012345678
    assert item["hundred"] == 100 and isinstance(item["hundred"], int)
    assert item["tenth"] == Decimal("0.1")
    assert item["negative"] == Decimal("-12.5")
    assert item["tiny"] == Decimal("1.5E-7")


def test_every_dynamodb_type_and_sorted_keys(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    aws.table("types").put_item(
        Item={
            "id": "t",
            "zeta": "last",
            "alpha": "first",
            "flag": True,
            "nothing": None,
            "blob": b"\x00\xffbinary",
            "names": {"pear", "apple", "fig"},
            "numbers": {Decimal("10"), Decimal("-1"), Decimal("2.5")},
            "blobs": {b"\x02", b"\x01"},
            "nested": {"b": [Decimal("1"), "two", {"d": False, "c": None}], "a": {}},
            "empty_list": [],
        }
    )
    configure(monkeypatch, "types")

    entry = only_export(index.handler({}, None))
    (line,) = lines_of(aws.body(EXPORT, entry["key"]))

    assert line == (
        '{"alpha":"first",'
        '"blob":"AP9iaW5hcnk=",'  # base64 of b"\x00\xffbinary"
        '"blobs":["AQ==","Ag=="],'
        '"empty_list":[],'
        '"flag":true,'
        '"id":"t",'
        '"names":["apple","fig","pear"],'
        '"nested":{"a":{},"b":[1,"two",{"c":null,"d":false}]},'
        '"nothing":null,'
        '"numbers":[-1,2.5,10],'
        '"zeta":"last"}'
    )


def test_encoder_sorts_binary_sets_by_bytes(index):
    assert index._json({Binary(b"\x02"), Binary(b"\x01\xff")}) == '["Af8=","Ag=="]'
    assert index._json(Decimal("1.000")) == "1"
    assert index._json(Decimal("-0.50")) == "-0.50"


def test_json_lines_parse_back_to_the_items(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    table = aws.table("people")
    source = {
        "1": {"id": "1", "name": "Zo\u00eb \u00d1\u00fa\u00f1ez", "age": Decimal("42")},
        "2": {"id": "2", "name": "\u540d\u524d", "note": "line one\nline two\u2028still two"},
        "3": {"id": "3", "name": "Quote \"and\" back\\slash", "tags": ["a", "b"]},
        "4": {"id": "4", "name": "\u00d3lafur \U0001d11e"},
    }
    for item in source.values():
        table.put_item(Item=item)
    configure(monkeypatch, "people")

    entry = only_export(index.handler({}, None))
    body = aws.body(EXPORT, entry["key"])

    # One item per line: embedded line breaks are escaped, not written.
    assert body.count(b"\n") == 4
    items = parse(body)
    assert {item["id"]: item for item in items} == source
    # UTF-8 with non-ASCII kept, not \u-escaped.
    assert "Zo\u00eb \u00d1\u00fa\u00f1ez".encode() in body
    assert "\u540d\u524d".encode() in body
    assert b"\\u" not in body.replace(b"\\u2028", b"")
    # Scanners split on \n: U+2028 is escaped or kept, never a line of its own.
    assert len(lines_of(body)) == 4


def test_kms_key_is_passed_when_configured(aws, monkeypatch, index, api_calls):
    key_id = aws.kms.create_key(Description="export key")["KeyMetadata"]["KeyId"]
    aws.bucket(EXPORT)
    aws.table("t").put_item(Item={"id": "1"})
    configure(monkeypatch, "t")
    monkeypatch.setenv("kms_key_id", key_id)

    key = only_export(index.handler({}, None))["key"]

    (put,) = [p for op, p in api_calls if op == "PutObject"]
    assert put["ServerSideEncryption"] == "aws:kms"
    assert put["SSEKMSKeyId"] == key_id
    head = aws.s3.head_object(Bucket=EXPORT, Key=key)
    assert head["ServerSideEncryption"] == "aws:kms"
    assert key_id in head["SSEKMSKeyId"]


def test_no_encryption_arguments_without_kms_key(aws, monkeypatch, index, api_calls):
    """Left to the bucket's default encryption: no SSE arguments on the request."""
    aws.bucket(EXPORT)
    aws.table("t").put_item(Item={"id": "1"})
    configure(monkeypatch, "t")
    monkeypatch.setenv("kms_key_id", "  ")

    index.handler({}, None)

    (put,) = [p for op, p in api_calls if op == "PutObject"]
    assert "ServerSideEncryption" not in put
    assert "SSEKMSKeyId" not in put


def test_missing_table_fails(aws, monkeypatch, index):
    aws.bucket(EXPORT)
    configure(monkeypatch, "no-such-table")
    with pytest.raises(index.ExportFailed, match=r"^table no-such-table does not exist$"):
        index.handler({}, None)
    assert aws.keys(EXPORT) == []


def test_missing_bucket_fails(aws, monkeypatch, index):
    aws.table("t").put_item(Item={"id": "1"})
    configure(monkeypatch, "t", bucket="no-such-export-bucket")
    with pytest.raises(index.ExportFailed, match=r"^export bucket no-such-export-bucket does not exist$"):
        index.handler({}, None)


@pytest.mark.parametrize("unset", ["bucket_to_export_to", "dynamo_db_tables", "AWS_REGION"])
def test_missing_environment_variable_fails(aws, monkeypatch, index, unset):
    configure(monkeypatch, "t")
    monkeypatch.delenv(unset)
    with pytest.raises(index.ExportFailed, match=rf"^environment variable {unset} is not set$"):
        index.handler({}, None)


def test_table_list_without_names_fails(aws, monkeypatch, index):
    configure(monkeypatch, " , ,")
    with pytest.raises(index.ExportFailed, match=r"^dynamo_db_tables names no table$"):
        index.handler({}, None)


def test_end_to_end_import_then_export(aws, monkeypatch):
    importer = load_handler("import_data")
    exporter = load_handler("export_data")
    aws.bucket("macie-import")
    aws.bucket(EXPORT)
    aws.table("people-macie")
    aws.table("accounts-info-macie")
    aws.put("macie-import", "people.csv", (SAMPLE / "people.csv").read_bytes())
    aws.put("macie-import", "accounts.csv", (SAMPLE / "accounts.csv").read_bytes())
    monkeypatch.setenv("s3_import_bucket_name", "macie-import")
    monkeypatch.setenv(
        "data_import_export_location",
        json.dumps(
            [
                {"csv_name": "people.csv", "table_name": "people-macie"},
                {"csv_name": "accounts.csv", "table_name": "accounts-info-macie"},
            ]
        ),
    )
    configure(monkeypatch, "people-macie,accounts-info-macie")

    assert importer.handler({}, None) == {"imported": {"people-macie": 10, "accounts-info-macie": 10}}
    result = exporter.handler({}, None)

    people, accounts = result["exported"]
    assert (people["table"], people["items"]) == ("people-macie", 10)
    assert (accounts["table"], accounts["items"]) == ("accounts-info-macie", 10)
    stamp = people["key"][-len("2024-01-01-00:00:00.json"):]
    assert accounts["key"] == f"dynamodb-accounts-info-macie-{REGION}-{stamp}"
    assert people["key"] == f"dynamodb-people-macie-{REGION}-{stamp}"

    account_lines = lines_of(aws.body(EXPORT, accounts["key"]))
    assert len(account_lines) == 10
    # The custom data identifier's pattern: one account number on each of 10 lines.
    assert [len(re.findall(r"XYZ-\d{11}", line)) for line in account_lines] == [1] * 10
    numbers = sorted(re.search(r"XYZ-\d{11}", line).group() for line in account_lines)
    assert numbers[0] == "XYZ-12351234765" and numbers[-1] == "XYZ-98751234653"
    assert len(set(numbers)) == 10

    people_items = parse(aws.body(EXPORT, people["key"]))
    assert len(people_items) == 10
    by_id = {p["id"]: p for p in people_items}
    assert by_id["2"] == {
        "id": "2",
        "name": "John Stiles",
        "title": "Marketing Assistant",
        "address": "3234 Any Street",
        "city": "Any Town",
        "country": "USA",
    }
    assert sorted(p["name"] for p in people_items)[0] == "Alejandro Rosalez"
