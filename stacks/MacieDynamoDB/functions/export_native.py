# Starts DynamoDB's exports to S3: full, or incremental since the last one.
# The bucket's default encryption applies. Inline: stdlib + boto3 only.
import hashlib
import json
import os
from datetime import datetime, timedelta, timezone

import boto3
from botocore.exceptions import ClientError

MINUTES = timedelta(minutes=1)


class ExportFailed(Exception):
    pass


def _env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ExportFailed(f"environment variable {name} is not set")
    return value


def _next(last, incremental, now):
    """The next export after `last` ({} for none), or why none now."""
    status = last.get("ExportStatus")
    if status == "IN_PROGRESS":
        return None, "the last export is running"
    spec = last.get("IncrementalExportSpecification", {})
    # A failed window is exported again, a completed one followed.
    start = {"FAILED": spec.get("ExportFromTime"), "COMPLETED":
             spec.get("ExportToTime", last.get("ExportTime"))}.get(status)
    if not (incremental and start):
        return {"ExportType": "FULL_EXPORT"}, None
    # DynamoDB takes windows of 15 minutes to 24 hours.
    if now - start < 15 * MINUTES:
        return None, "under 15 minutes since the last export"
    return {"ExportType": "INCREMENTAL_EXPORT", "IncrementalExportSpecification": {
        "ExportFromTime": start, "ExportToTime": min(now, start + 1440 * MINUTES),
        "ExportViewType": "NEW_IMAGE"}}, None


def handler(event, context):
    bucket, prefix = _env("bucket_to_export_to"), _env("export_prefix")
    name = _env("export_state_parameter")
    modes = {arn: mode for mode in ("full", "incremental") for arn in
             os.environ.get(f"{mode}_table_arns", "").split(",") if arn}
    if not modes:
        raise ExportFailed("no full_table_arns or incremental_table_arns")
    ddb, ssm = boto3.client("dynamodb"), boto3.client("ssm")
    try:
        state = dict(json.loads(ssm.get_parameter(Name=name)["Parameter"]["Value"]))
    except (ClientError, ValueError, TypeError) as e:
        raise ExportFailed(f"export state {name}: {e}") from e
    now = datetime.now(timezone.utc).replace(microsecond=0)
    report, problems = [], []
    for arn, mode in modes.items():
        table, last = arn.rsplit("/", 1)[-1], {}
        try:
            if table in state:
                last = ddb.describe_export(ExportArn=state[table])["ExportDescription"]
        except ClientError as e:
            if e.response["Error"]["Code"] != "ExportNotFoundException":
                problems.append(f"{table}: {e}")
                continue
        if last.get("ExportStatus") == "FAILED":
            problems.append(f"{table}: {state[table]} failed: {last.get('FailureCode')}"
                            f" {last.get('FailureMessage')}")
        request, reason = _next(last, mode == "incremental", now)
        if request is None:
            report.append({"table": table, "waiting": reason})
            continue
        # Same state, same token: no window is exported twice.
        token = hashlib.sha256(f"{arn} {state.get(table)}".encode()).hexdigest()
        request.update(TableArn=arn, S3Bucket=bucket, S3Prefix=f"{prefix}/{table}",
                       ExportFormat="DYNAMODB_JSON", ClientToken=token[:32])
        try:
            export = ddb.export_table_to_point_in_time(**request)["ExportDescription"]
        except ClientError as e:
            if "PointInTimeRecovery" in e.response["Error"]["Code"]:
                e = "point-in-time recovery is off; DynamoDB exports need it"
            problems.append(f"{table}: {e}")
            continue
        state[table] = export["ExportArn"]
        ssm.put_parameter(Name=name, Value=json.dumps(state), Overwrite=True)
        spec = request.get("IncrementalExportSpecification", {})
        report.append({"table": table, "started": state[table], "type":
                       request["ExportType"], "to": str(spec.get("ExportToTime", now))})
    if problems:
        raise ExportFailed("; ".join(problems))
    return {"exports": report}
