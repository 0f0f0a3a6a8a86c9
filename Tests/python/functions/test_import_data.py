"""Tests of stacks/MacieDynamoDB/functions/import_data.py (moto, no network)."""
import json

import pytest

from conftest import FIXTURES, SAMPLE, load_handler

BUCKET = "macie-import"
PEOPLE = "people-macie"
ACCOUNTS = "accounts-info-macie"


@pytest.fixture
def index():
    return load_handler("import_data")


def configure(monkeypatch, *pairs, bucket=BUCKET):
    monkeypatch.setenv("s3_import_bucket_name", bucket)
    monkeypatch.setenv(
        "data_import_export_location",
        json.dumps([{"csv_name": c, "table_name": t} for c, t in pairs]),
    )


def test_imports_the_sample_csvs_exactly(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table(PEOPLE)
    aws.table(ACCOUNTS)
    aws.put(BUCKET, "people.csv", (SAMPLE / "people.csv").read_bytes())
    aws.put(BUCKET, "accounts.csv", (SAMPLE / "accounts.csv").read_bytes())
    configure(monkeypatch, ("people.csv", PEOPLE), ("accounts.csv", ACCOUNTS))

    result = index.handler({}, None)

    assert result == {"imported": {PEOPLE: 10, ACCOUNTS: 10}}
    people = aws.items(PEOPLE)
    accounts = aws.items(ACCOUNTS)
    assert sorted(people, key=int) == [str(n) for n in range(1, 11)]
    assert sorted(accounts, key=int) == [str(n) for n in range(1, 11)]
    # Header names stripped of the spaces after the commas; values stripped too.
    assert people["1"] == {
        "id": "1",
        "name": "Alejandro Rosalez",
        "title": "Senior Financial Analyst",
        "address": "123 Any Street",
        "city": "Any Town",
        "country": "USA",
    }
    assert people["10"]["name"] == "Jorge Souza"  # the last line has no newline
    assert people["10"]["country"] == "USA"
    assert {p["city"] for p in people.values()} == {"Any Town"}
    assert accounts["1"] == {"id": "1", "name": "Alejandro Rosalez", "account_number": "XYZ-23451234234"}
    assert accounts["10"] == {"id": "10", "name": "Jorge Souza", "account_number": "XYZ-33251234767"}
    # Every value is a string, as in the sample.
    assert all(isinstance(v, str) for item in people.values() for v in item.values())


def test_import_twice_overwrites_instead_of_duplicating(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table(ACCOUNTS)
    aws.put(BUCKET, "accounts.csv", (SAMPLE / "accounts.csv").read_bytes())
    configure(monkeypatch, ("accounts.csv", ACCOUNTS))
    index.handler({}, None)
    assert index.handler({}, None) == {"imported": {ACCOUNTS: 10}}
    assert len(aws.items(ACCOUNTS)) == 10


def test_quoted_fields_bom_crlf_and_blank_lines(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("quoted")
    aws.put(BUCKET, "quoted.csv", (FIXTURES / "quoted.csv").read_bytes())
    configure(monkeypatch, ("quoted.csv", "quoted"))

    assert index.handler({}, None) == {"imported": {"quoted": 3}}
    items = aws.items("quoted")
    # The BOM is not part of the first column's name.
    assert items["1"] == {
        "id": "1",
        "name": "Stiles, John",
        "note": 'He said "hi", then left',
        "city": "Any Town",
    }
    assert items["2"] == {"id": "2", "name": "Doe, Jane", "note": "multi\r\nline", "city": "Other, Town"}
    # Values are stripped, quoted or not.
    assert items["3"] == {"id": "3", "name": "Plain Name", "note": "padded", "city": "Spacey City"}


def test_non_ascii_values(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("unicode")
    aws.put(BUCKET, "unicode.csv", (FIXTURES / "unicode.csv").read_bytes())
    configure(monkeypatch, ("unicode.csv", "unicode"))

    assert index.handler({}, None) == {"imported": {"unicode": 3}}
    items = aws.items("unicode")
    assert items["1"]["name"] == "Zo\u00eb \u00d1\u00fa\u00f1ez"
    assert items["1"]["city"] == "M\u00e1laga"
    assert items["2"]["name"] == "\u540d\u524d"
    assert items["2"]["city"] == "\u6771\u4eac"
    assert items["3"]["name"] == "\u00d3lafur \U0001d11e"


def test_more_rows_than_one_batch(aws, monkeypatch, index, api_calls):
    aws.bucket(BUCKET)
    aws.table("big")
    lines = ["id, name, n"] + [f"{i}, Person {i}, {i * 7}" for i in range(250)]
    aws.put(BUCKET, "big.csv", "\n".join(lines).encode())
    configure(monkeypatch, ("big.csv", "big"))

    assert index.handler({}, None) == {"imported": {"big": 250}}
    items = aws.items("big")
    assert len(items) == 250
    assert items["0"] == {"id": "0", "name": "Person 0", "n": "0"}
    assert items["249"] == {"id": "249", "name": "Person 249", "n": "1743"}
    writes = [p for op, p in api_calls if op == "BatchWriteItem"]
    # BatchWriteItem takes at most 25 requests: 250 rows need at least 10 calls.
    assert len(writes) >= 10
    assert all(len(p["RequestItems"]["big"]) <= 25 for p in writes)
    assert sum(len(p["RequestItems"]["big"]) for p in writes) == 250


def test_several_files_into_one_table_are_counted_together(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("both")
    aws.put(BUCKET, "a.csv", b"id,v\n1,a\n2,b\n")
    aws.put(BUCKET, "b.csv", b"id,v\n3,c\n")
    configure(monkeypatch, ("a.csv", "both"), ("b.csv", "both"))
    assert index.handler({}, None) == {"imported": {"both": 3}}
    assert sorted(aws.items("both")) == ["1", "2", "3"]


def test_header_names_are_stripped_on_both_sides(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("t")
    aws.put(BUCKET, "t.csv", b"id ,  name\t, city \n1 , Ana , Any Town \n")
    configure(monkeypatch, ("t.csv", "t"))
    assert index.handler({}, None) == {"imported": {"t": 1}}
    assert aws.items("t") == {"1": {"id": "1", "name": "Ana", "city": "Any Town"}}


def test_header_only_file_imports_nothing(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("none")
    aws.put(BUCKET, "none.csv", b"id, name\r\n\r\n")
    configure(monkeypatch, ("none.csv", "none"))
    assert index.handler({}, None) == {"imported": {"none": 0}}
    assert aws.items("none") == {}


def test_row_with_wrong_field_count_names_file_and_line_and_writes_nothing(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("ragged")
    aws.put(BUCKET, "ragged.csv", (FIXTURES / "ragged.csv").read_bytes())
    configure(monkeypatch, ("ragged.csv", "ragged"))

    with pytest.raises(index.ImportFailed, match=r"^ragged\.csv line 3: 2 fields, header has 3$"):
        index.handler({}, None)
    assert aws.items("ragged") == {}


def test_row_with_too_many_fields(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table("t")
    aws.put(BUCKET, "t.csv", b'id,name\n1,"a"\n2,b,extra\n')
    configure(monkeypatch, ("t.csv", "t"))
    with pytest.raises(index.ImportFailed, match=r"^t\.csv line 3: 3 fields, header has 2$"):
        index.handler({}, None)


@pytest.mark.parametrize(
    "body, message",
    [
        (b"", r"^e\.csv has no header line$"),
        (b"id,,name\n1,2,3\n", r"^e\.csv: empty or repeated column in header$"),
        (b"id, name, id\n1,2,3\n", r"^e\.csv: empty or repeated column in header$"),
        ("id,name\n1,Zo\u00eb\n".encode("latin-1"), r"^e\.csv is not UTF-8: "),
    ],
)
def test_unusable_files_fail(aws, monkeypatch, index, body, message):
    aws.bucket(BUCKET)
    aws.table("t")
    aws.put(BUCKET, "e.csv", body)
    configure(monkeypatch, ("e.csv", "t"))
    with pytest.raises(index.ImportFailed, match=message):
        index.handler({}, None)


def test_missing_bucket_fails(aws, monkeypatch, index):
    aws.table(PEOPLE)
    configure(monkeypatch, ("people.csv", PEOPLE), bucket="no-such-import-bucket")
    with pytest.raises(index.ImportFailed, match=r"^import bucket no-such-import-bucket does not exist$"):
        index.handler({}, None)


def test_missing_object_fails(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.table(PEOPLE)
    configure(monkeypatch, ("people.csv", PEOPLE))
    with pytest.raises(index.ImportFailed, match=rf"^object s3://{BUCKET}/people\.csv does not exist$"):
        index.handler({}, None)


def test_missing_table_fails(aws, monkeypatch, index):
    aws.bucket(BUCKET)
    aws.put(BUCKET, "people.csv", (SAMPLE / "people.csv").read_bytes())
    configure(monkeypatch, ("people.csv", "no-such-table"))
    with pytest.raises(index.ImportFailed, match=r"^table no-such-table does not exist$"):
        index.handler({}, None)


@pytest.mark.parametrize("unset", ["s3_import_bucket_name", "data_import_export_location"])
def test_missing_environment_variable_fails(aws, monkeypatch, index, unset):
    configure(monkeypatch, ("people.csv", PEOPLE))
    monkeypatch.delenv(unset)
    with pytest.raises(index.ImportFailed, match=rf"^environment variable {unset} is not set$"):
        index.handler({}, None)


@pytest.mark.parametrize(
    "value", ["not json", '{"csv_name": "a.csv"}', '[{"csv_name": "a.csv"}]', "[1]"]
)
def test_malformed_locations_fail(aws, monkeypatch, index, value):
    monkeypatch.setenv("s3_import_bucket_name", BUCKET)
    monkeypatch.setenv("data_import_export_location", value)
    with pytest.raises(index.ImportFailed, match=r"^data_import_export_location must be a JSON list"):
        index.handler({}, None)
