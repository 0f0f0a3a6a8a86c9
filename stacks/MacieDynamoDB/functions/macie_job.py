# Custom::MacieClassificationJob: creates, replaces, cancels a Macie job.
# Inlined into the template (ZipFile), so stdlib + boto3 only.
import copy
import json
import re
import urllib.request

import boto3
from botocore.exceptions import ClientError

# Not a job ID, so Delete skips it.
FAILED = "create-failed-"


def client():
    return boto3.client("macie2")


def _int(v):
    if type(v) is int or isinstance(v, str) and re.fullmatch("-?[0-9]+", v):
        return int(v)
    raise ValueError(f"not an integer: {v!r}")


def _bool(v):
    if type(v) is bool or v in ("true", "false"):
        return v in (True, "true")
    raise ValueError(f"not a boolean: {v!r}")


def _definition(props):
    # CloudFormation passes scalars as strings: restore the API's types.
    d = props.get("JobDefinition")
    if not isinstance(d, dict):
        raise ValueError("JobDefinition must be a JSON object")
    if "clientToken" in d:
        raise ValueError("JobDefinition must not set clientToken")
    d = copy.deepcopy(d)
    for key, f in (("samplingPercentage", _int), ("initialRun", _bool)):
        if key in d:
            d[key] = f(d[key])
    m = d.get("scheduleFrequency")
    m = m.get("monthlySchedule") if isinstance(m, dict) else None
    if isinstance(m, dict) and "dayOfMonth" in m:
        m["dayOfMonth"] = _int(m["dayOfMonth"])
    return d


def _create(macie, props, token):
    job = macie.create_classification_job(**_definition(props),
                                          clientToken=token)
    return job["jobId"], {"JobId": job["jobId"], "JobArn": job["jobArn"]}


def _gone(e):
    return e.response["Error"]["Code"] == "ResourceNotFoundException"


def _cancel(macie, job_id):
    # Macie's job IDs are alphanumeric; FAILED + RequestId is not.
    if not re.fullmatch("[0-9A-Za-z]+", job_id):
        return
    try:
        macie.update_classification_job(jobId=job_id, jobStatus="CANCELLED")
    except ClientError as e:
        if _gone(e):
            return
        # A cancelled or complete job cannot be cancelled: ask its status.
        try:
            job = macie.describe_classification_job(jobId=job_id)
        except ClientError as d:
            if _gone(d):
                return
            raise e from d
        if job.get("jobStatus") not in ("CANCELLED", "COMPLETE"):
            raise


def handler(event, context):
    kind = event.get("RequestType")
    # Create has no PhysicalResourceId: a failure answers FAILED + RequestId.
    pid = event.get("PhysicalResourceId", FAILED + str(event.get("RequestId")))
    status, reason, data = "FAILED", "", {}
    try:
        macie = client()
        props = event.get("ResourceProperties") or {}
        if kind == "Create":
            pid, data = _create(macie, props, event["RequestId"])
        elif kind == "Update":
            old = pid
            pid, data = _create(macie, props, event["RequestId"])
            try:
                _cancel(macie, old)
            except Exception as e:
                # The new job stands; CloudFormation deletes the old next.
                print(f"cancelling {old} failed: {e}")
        elif kind == "Delete":
            _cancel(macie, pid)
        else:
            raise ValueError(f"unknown RequestType {kind!r}")
        status = "SUCCESS"
    except Exception as e:
        reason = (str(e) if isinstance(e, ClientError)
                  else f"{type(e).__name__}: {e}")[:1000]
        print(f"{kind} failed: {reason}")
    finally:
        body = json.dumps({
            "Status": status, "Reason": reason, "PhysicalResourceId": pid,
            "StackId": event.get("StackId"),
            "RequestId": event.get("RequestId"),
            "LogicalResourceId": event.get("LogicalResourceId"),
            "Data": data,
        }).encode()
        # Not caught: unanswered, the invocation fails and Lambda retries.
        urllib.request.urlopen(urllib.request.Request(
            event["ResponseURL"], data=body, method="PUT",
            headers={"Content-Type": ""}), timeout=30).close()
