# Exports every configured DynamoDB table to one S3 object for Macie.
# Inlined into the template (ZipFile), so stdlib + boto3 only.
import base64
import datetime
import json
import os
import tempfile
from decimal import Decimal

import boto3
from boto3.dynamodb.types import Binary
from botocore.exceptions import ClientError


class ExportFailed(Exception):
    """Raised so that the invocation fails instead of logging and moving on."""


def _env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ExportFailed(f"environment variable {name} is not set")
    return value


def _json(v):
    # Written by hand: json.dumps would need float for Decimal, which loses
    # digits (DynamoDB numbers carry up to 38). Keys sorted for stable output.
    if isinstance(v, dict):
        return "{" + ",".join(
            json.dumps(str(k), ensure_ascii=False) + ":" + _json(v[k])
            for k in sorted(v)) + "}"
    if isinstance(v, (set, frozenset)):
        # Sets have no order; sort them so that two runs compare equal.
        v = sorted(v, key=lambda x: bytes(x) if isinstance(x, Binary) else x)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(map(_json, v)) + "]"
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return format(v.to_integral_value(), "f")  # 1E+2 -> 100
        return str(v)  # always a valid JSON number for a finite Decimal
    if isinstance(v, (Binary, bytes, bytearray)):
        v = base64.b64encode(bytes(v)).decode()
    return json.dumps(v, ensure_ascii=False)


def _scan(table):
    # One Scan page holds at most 1 MB: follow LastEvaluatedKey to the end.
    args = {}
    while True:
        page = table.scan(**args)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        args["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def handler(event, context):
    bucket = _env("bucket_to_export_to")
    names = [t.strip() for t in _env("dynamo_db_tables").split(",")]
    names = list(dict.fromkeys(t for t in names if t))
    if not names:
        raise ExportFailed("dynamo_db_tables names no table")
    region = _env("AWS_REGION")
    # Taken once, so that all objects of one run share the same time.
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime(
        "%Y-%m-%d-%H:%M:%S")
    extra = {}
    kms_key = os.environ.get("kms_key_id", "").strip()
    if kms_key:
        extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key}
    s3 = boto3.client("s3")
    dynamodb = boto3.resource("dynamodb")
    exported = []
    for name in names:
        key = f"dynamodb-{name}-{region}-{stamp}.json"
        count = 0
        # Spool to /tmp rather than memory; one JSON object per line so that
        # a finding's line number points at one item. An empty table still
        # gets an (empty) object: each run shows every table it exported.
        with tempfile.TemporaryFile() as f:
            try:
                for item in _scan(dynamodb.Table(name)):
                    f.write((_json(item) + "\n").encode())
                    count += 1
            except ClientError as e:
                if e.response["Error"]["Code"] == "ResourceNotFoundException":
                    raise ExportFailed(f"table {name} does not exist") from e
                raise ExportFailed(f"scanning {name}: {e}") from e
            f.seek(0)
            try:
                s3.upload_fileobj(f, bucket, key, ExtraArgs=extra)
            except ClientError as e:
                if e.response["Error"]["Code"] == "NoSuchBucket":
                    raise ExportFailed(
                        f"export bucket {bucket} does not exist") from e
                raise ExportFailed(f"writing s3://{bucket}/{key}: {e}") from e
        exported.append({"table": name, "key": key, "items": count})
    return {"exported": exported}
