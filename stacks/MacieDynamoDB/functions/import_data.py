# Loads the sample CSV files from the import bucket into DynamoDB.
# Inlined into the template (ZipFile), so stdlib + boto3 only.
import csv
import io
import json
import os

import boto3
from botocore.exceptions import ClientError


class ImportFailed(Exception):
    """Raised so that the invocation fails instead of logging and moving on."""


def _env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImportFailed(f"environment variable {name} is not set")
    return value


def _read_csv(s3, bucket, key):
    try:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    except ClientError as e:
        code = e.response["Error"]["Code"]
        if code == "NoSuchBucket":
            raise ImportFailed(f"import bucket {bucket} does not exist") from e
        if code in ("NoSuchKey", "404"):
            raise ImportFailed(f"object s3://{bucket}/{key} does not exist") from e
        raise ImportFailed(f"cannot read s3://{bucket}/{key}: {code}") from e
    try:
        # utf-8-sig drops the BOM that spreadsheet tools often add.
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportFailed(f"{key} is not UTF-8: {e}") from e


def _rows(text, name):
    # skipinitialspace: the sample puts a space after every comma.
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    try:
        header = [h.strip() for h in next(reader, [])]
        if not any(header):
            raise ImportFailed(f"{name} has no header line")
        if "" in header or len(set(header)) != len(header):
            raise ImportFailed(f"{name}: empty or repeated column in header")
        for row in reader:
            if not any(row):
                continue  # blank lines, e.g. at the end of the file
            if len(row) != len(header):
                raise ImportFailed(
                    f"{name} line {reader.line_num}: {len(row)} fields,"
                    f" header has {len(header)}")
            # Every value is written as a string, as the sample does.
            yield dict(zip(header, (v.strip() for v in row)))
    except csv.Error as e:
        raise ImportFailed(f"{name} line {reader.line_num}: {e}") from e


def handler(event, context):
    bucket = _env("s3_import_bucket_name")
    try:
        entries = json.loads(_env("data_import_export_location"))
        jobs = [(e["csv_name"], e["table_name"]) for e in entries]
    except (ValueError, TypeError, KeyError) as e:
        raise ImportFailed(
            "data_import_export_location must be a JSON list of"
            f" {{csv_name, table_name}} objects: {e!r}") from e
    s3 = boto3.client("s3")
    dynamodb = boto3.resource("dynamodb")
    imported = {}
    for csv_name, table_name in jobs:
        # Parse the whole file first: a malformed file writes nothing.
        rows = list(_rows(_read_csv(s3, bucket, csv_name), csv_name))
        try:
            with dynamodb.Table(table_name).batch_writer() as batch:
                for item in rows:
                    batch.put_item(Item=item)
        except ClientError as e:
            if e.response["Error"]["Code"] == "ResourceNotFoundException":
                raise ImportFailed(f"table {table_name} does not exist") from e
            raise ImportFailed(f"writing {csv_name} to {table_name}: {e}") from e
        imported[table_name] = imported.get(table_name, 0) + len(rows)
    return {"imported": imported}
