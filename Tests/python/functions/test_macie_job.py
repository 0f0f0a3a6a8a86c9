"""Tests of stacks/MacieDynamoDB/functions/macie_job.py, the handler of the
`Custom::MacieClassificationJob` custom resource.

moto (5.2) implements none of macie2's classification-job operations, so the
handler's client is a real botocore macie2 client behind `botocore.stub.Stubber`:
every call must be the expected one, in the expected order, and its parameters
pass botocore's validation against the macie2 service model before the stub
answers. The pre-signed response URL is a local HTTP server on 127.0.0.1, the
only address the tests may connect to.
"""
import copy
import http.server
import json
import socket
import threading
import urllib.error

import boto3
import botocore.loaders
import pytest
from botocore.stub import Stubber

# The generic inline-code checks of test_inline_code.py, run here on this
# handler through this module's `source` fixture (HANDLERS there is fixed).
from test_inline_code import (  # noqa: F401
    test_ends_with_exactly_one_newline,
    test_fits_the_inline_code_limit,
    test_has_no_tabs_carriage_returns_or_trailing_whitespace,
    test_imports_only_the_standard_library_and_boto3,
    test_is_utf8_inside_the_bmp,
)
from conftest import FUNCTIONS, REGION, load_handler

ACCOUNT = "123456789012"
STACK_ID = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/macie-blog/5b4c9f70-0c1d-11ef-8a1b-0a1b2c3d4e5f"
SERVICE_TOKEN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:macie-blog-MacieJobManager"
LOGICAL_ID = "MacieJob"
CREATE_REQUEST = "3f1d2a4e-8c5b-4e7a-9f60-1a2b3c4d5e6f"
UPDATE_REQUEST = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
DELETE_REQUEST = "c0ffee00-1234-4abc-9def-0123456789ab"
JOB_ID = "3ce05dbb7ec5505def334104bf8c5d21"
NEW_JOB_ID = "9a1b2c3d4e5f60718293a4b5c6d7e8f9"
RESPONSE_KEYS = {"Status", "Reason", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "Data"}


def job_arn(job_id):
    return f"arn:aws:macie2:{REGION}:{ACCOUNT}:classification-job/{job_id}"


# The request as the API takes it (real integers and booleans) ...
TYPED_DEFINITION = {
    "jobType": "SCHEDULED",
    "name": "dynamodb-export-scan",
    "description": "Scans the DynamoDB exports",
    "initialRun": True,
    "samplingPercentage": 50,
    "scheduleFrequency": {"weeklySchedule": {"dayOfWeek": "MONDAY"}},
    "s3JobDefinition": {
        "bucketDefinitions": [{"accountId": ACCOUNT, "buckets": ["macie-blog-export"]}],
        "scoping": {
            "includes": {"and": [
                {"simpleScopeTerm": {"comparator": "EQ", "key": "OBJECT_EXTENSION", "values": ["json"]}},
                {"tagScopeTerm": {"comparator": "EQ", "key": "TAG", "target": "S3_OBJECT",
                                  "tagValues": [{"key": "scan", "value": "true"}]}},
            ]},
            "excludes": {"and": [
                {"simpleScopeTerm": {"comparator": "GT", "key": "OBJECT_SIZE", "values": ["1048576"]}},
            ]},
        },
    },
    "managedDataIdentifierSelector": "INCLUDE",
    "managedDataIdentifierIds": ["CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"],
    "customDataIdentifierIds": ["d4b8c2a0-6f1e-4b7a-9c3d-2e5f8a1b4c7d"],
}


def as_cloudformation_passes_it(value):
    """Custom-resource properties arrive with every scalar as a string."""
    if isinstance(value, dict):
        return {k: as_cloudformation_passes_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_cloudformation_passes_it(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# ... and as CloudFormation hands it to the function.
CFN_DEFINITION = as_cloudformation_passes_it(TYPED_DEFINITION)


def exactly(value):
    """JSON text: tells 50 from "50" from 50.0 and true from 1, which == does not."""
    return json.dumps(value, sort_keys=True)


# ---------------------------------------------------------------- fixtures


class CloudFormationEndpoint:
    """The pre-signed ResponseURL: records every request the handler sends."""

    def __init__(self):
        self.requests = []
        self.answer = 200
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                endpoint.requests.append({
                    "method": "PUT", "path": self.path, "headers": self.headers, "body": body,
                })
                self.send_response(endpoint.answer)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                endpoint.requests.append({"method": "POST", "path": self.path})
                self.send_response(405)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/cfn-response/{LOGICAL_ID}?X-Amz-Signature=abc123&X-Amz-Expires=7200"

    def only_response(self):
        """The one response of one invocation, parsed."""
        assert len(self.requests) == 1, self.requests
        request = self.requests.pop()
        assert request["method"] == "PUT"
        return json.loads(request["body"])

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def cloudformation():
    endpoint = CloudFormationEndpoint()
    yield endpoint
    endpoint.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch, cloudformation):
    """Overrides conftest's: connections only to the local response endpoint."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    allowed = ("127.0.0.1", cloudformation.port)
    connect = socket.socket.connect

    def guarded(sock, address):
        if tuple(address[:2]) != allowed:
            raise AssertionError(f"a test tried to open a network connection: {address!r}")
        return connect(sock, address)

    def refuse(*args, **kwargs):
        raise AssertionError(f"a test tried to open a network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture
def index():
    return load_handler("macie_job")


class Macie:
    """A stubbed macie2 client, and every set of parameters it was called with."""

    def __init__(self):
        self.client = boto3.client("macie2", region_name=REGION)
        self.stub = Stubber(self.client)
        self.calls = []
        self.client.meta.events.register(
            "before-parameter-build.macie2", lambda model, params, **_: self.calls.append((model.name, copy.deepcopy(params))))

    def creates(self, definition, token, job_id):
        self.stub.add_response(
            "create_classification_job",
            {"jobId": job_id, "jobArn": job_arn(job_id)},
            {**definition, "clientToken": token})

    def cancels(self, job_id):
        self.stub.add_response("update_classification_job", {}, {"jobId": job_id, "jobStatus": "CANCELLED"})

    def fails(self, operation, code, message, params, status=400):
        self.stub.add_client_error(
            operation, service_error_code=code, service_message=message,
            http_status_code=status, expected_params=params)

    def cancel_fails(self, job_id, code, message, status=400):
        self.fails("update_classification_job", code, message, {"jobId": job_id, "jobStatus": "CANCELLED"}, status)

    def describes(self, job_id, job_status):
        self.stub.add_response(
            "describe_classification_job",
            {"jobId": job_id, "jobArn": job_arn(job_id), "jobStatus": job_status},
            {"jobId": job_id})


@pytest.fixture
def macie(index, monkeypatch):
    m = Macie()
    monkeypatch.setattr(index, "client", lambda: m.client)
    with m.stub:
        yield m
    m.stub.assert_no_pending_responses()


def event(kind, url, request_id, definition=CFN_DEFINITION, physical_id=None, old_definition=None):
    e = {
        "RequestType": kind,
        "ServiceToken": SERVICE_TOKEN,
        "ResponseURL": url,
        "StackId": STACK_ID,
        "RequestId": request_id,
        "LogicalResourceId": LOGICAL_ID,
        "ResourceType": "Custom::MacieClassificationJob",
        "ResourceProperties": {"ServiceToken": SERVICE_TOKEN, "JobDefinition": definition},
    }
    if physical_id is not None:
        e["PhysicalResourceId"] = physical_id
    if old_definition is not None:
        e["OldResourceProperties"] = {"ServiceToken": SERVICE_TOKEN, "JobDefinition": old_definition}
    return e


class Context:
    log_stream_name = "2024/05/06/[$LATEST]0123456789abcdef0123456789abcdef"
    function_name = "macie-blog-MacieJobManager"


def invoke(index, cloudformation, kind, request_id, **kwargs):
    result = index.handler(event(kind, cloudformation.url, request_id, **kwargs), Context())
    assert result is None
    return cloudformation.only_response()


def assert_response(response, status, physical_id, request_id, data=None):
    assert set(response) == RESPONSE_KEYS
    assert response["Status"] == status, response["Reason"]
    assert response["PhysicalResourceId"] == physical_id
    assert response["StackId"] == STACK_ID
    assert response["RequestId"] == request_id
    assert response["LogicalResourceId"] == LOGICAL_ID
    assert response["Data"] == ({} if data is None else data)


# ------------------------------------------------------------------ create


def test_create_sends_the_definition_with_api_types_and_the_request_id_as_token(index, macie, cloudformation):
    macie.creates(TYPED_DEFINITION, CREATE_REQUEST, JOB_ID)

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST)

    assert_response(response, "SUCCESS", JOB_ID, CREATE_REQUEST, {"JobId": JOB_ID, "JobArn": job_arn(JOB_ID)})
    assert response["Reason"] == ""
    (operation, params), = macie.calls
    assert operation == "CreateClassificationJob"
    assert exactly(params) == exactly({**TYPED_DEFINITION, "clientToken": CREATE_REQUEST})
    assert params["samplingPercentage"] == 50 and type(params["samplingPercentage"]) is int
    assert params["initialRun"] is True
    # The model types these as strings: they stay strings.
    excluded = params["s3JobDefinition"]["scoping"]["excludes"]["and"][0]["simpleScopeTerm"]
    assert excluded["values"] == ["1048576"]
    tag = params["s3JobDefinition"]["scoping"]["includes"]["and"][1]["tagScopeTerm"]
    assert tag["tagValues"] == [{"key": "scan", "value": "true"}]


def test_create_does_not_change_the_event(index, macie, cloudformation):
    macie.creates(TYPED_DEFINITION, CREATE_REQUEST, JOB_ID)
    e = event("Create", cloudformation.url, CREATE_REQUEST)
    before = json.dumps(e, sort_keys=True)

    index.handler(e, Context())

    assert json.dumps(e, sort_keys=True) == before
    assert cloudformation.only_response()["Status"] == "SUCCESS"


def test_create_monthly_one_time_and_already_typed_values(index, macie, cloudformation):
    monthly = {
        "jobType": "SCHEDULED", "name": "monthly", "initialRun": False, "samplingPercentage": 100,
        "scheduleFrequency": {"monthlySchedule": {"dayOfMonth": 31}},
        "s3JobDefinition": {"bucketDefinitions": [{"accountId": ACCOUNT, "buckets": ["a", "b"]}]},
    }
    one_time = {
        "jobType": "ONE_TIME", "name": "once",
        "s3JobDefinition": {"bucketDefinitions": [{"accountId": ACCOUNT, "buckets": ["a"]}]},
    }
    daily = {**one_time, "jobType": "SCHEDULED", "name": "daily", "scheduleFrequency": {"dailySchedule": {}}}
    macie.creates(monthly, "r1", "a1")
    macie.creates(one_time, "r2", "a2")
    macie.creates(daily, "r3", "a3")
    macie.creates(monthly, "r4", "a4")

    responses = [
        invoke(index, cloudformation, "Create", "r1", definition=as_cloudformation_passes_it(monthly)),
        invoke(index, cloudformation, "Create", "r2", definition=one_time),
        invoke(index, cloudformation, "Create", "r3", definition=daily),
        # Real JSON types (not what CloudFormation sends, but not wrong) pass through.
        invoke(index, cloudformation, "Create", "r4", definition=monthly),
    ]

    assert [(r["Status"], r["PhysicalResourceId"]) for r in responses] == [
        ("SUCCESS", "a1"), ("SUCCESS", "a2"), ("SUCCESS", "a3"), ("SUCCESS", "a4")]
    assert [exactly(params) for _, params in macie.calls] == [
        exactly({**monthly, "clientToken": "r1"}),
        exactly({**one_time, "clientToken": "r2"}),
        exactly({**daily, "clientToken": "r3"}),
        exactly({**monthly, "clientToken": "r4"}),
    ]
    assert macie.calls[0][1]["initialRun"] is False
    assert macie.calls[0][1]["scheduleFrequency"] == {"monthlySchedule": {"dayOfMonth": 31}}


@pytest.mark.parametrize("text, value", [("true", True), ("false", False), (True, True), (False, False)])
def test_initial_run_booleans(index, macie, cloudformation, text, value):
    typed = {**TYPED_DEFINITION, "initialRun": value}
    macie.creates(typed, CREATE_REQUEST, JOB_ID)

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST,
                      definition={**CFN_DEFINITION, "initialRun": text})

    assert response["Status"] == "SUCCESS", response["Reason"]
    assert macie.calls[0][1]["initialRun"] is value


def test_retried_create_sends_the_same_client_token(index, macie, cloudformation):
    """CloudFormation or Lambda may deliver one request twice: Macie sees one token."""
    macie.creates(TYPED_DEFINITION, CREATE_REQUEST, JOB_ID)
    macie.creates(TYPED_DEFINITION, CREATE_REQUEST, JOB_ID)  # what Macie answers for a known token

    first = invoke(index, cloudformation, "Create", CREATE_REQUEST)
    second = invoke(index, cloudformation, "Create", CREATE_REQUEST)

    assert first == second
    assert first["PhysicalResourceId"] == JOB_ID
    assert [params["clientToken"] for _, params in macie.calls] == [CREATE_REQUEST, CREATE_REQUEST]


# --------------------------------------------------------- create failures


def test_api_error_on_create_fails_with_its_message(index, macie, cloudformation):
    macie.fails("create_classification_job", "ValidationException",
                "The specified bucket doesn't exist or you don't have permission to access it.",
                {**TYPED_DEFINITION, "clientToken": CREATE_REQUEST})

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST)

    assert_response(response, "FAILED", "create-failed-" + CREATE_REQUEST, CREATE_REQUEST)
    assert response["Reason"] == (
        "An error occurred (ValidationException) when calling the CreateClassificationJob"
        " operation: The specified bucket doesn't exist or you don't have permission to access it.")


def test_delete_after_a_failed_create_cancels_nothing(index, macie, cloudformation):
    macie.fails("create_classification_job", "AccessDeniedException", "not authorized",
                {**TYPED_DEFINITION, "clientToken": CREATE_REQUEST}, status=403)
    failed = invoke(index, cloudformation, "Create", CREATE_REQUEST)
    assert failed["Status"] == "FAILED"

    # The rollback's Delete: no macie2 call queued, so any call would fail it.
    deleted = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=failed["PhysicalResourceId"])

    assert_response(deleted, "SUCCESS", failed["PhysicalResourceId"], DELETE_REQUEST)
    assert [operation for operation, _ in macie.calls] == ["CreateClassificationJob"]


@pytest.mark.parametrize("physical_id", [
    "create-failed-" + CREATE_REQUEST,
    # What a handler that died before answering leaves (cfn-response's default).
    "2024/05/06/[$LATEST]0123456789abcdef0123456789abcdef",
    "",
])
def test_delete_of_what_is_not_a_job_id_calls_nothing(index, macie, cloudformation, physical_id):
    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=physical_id)

    assert_response(response, "SUCCESS", physical_id, DELETE_REQUEST)
    assert macie.calls == []


MALFORMED = {
    "not an object": ("[1, 2]", "ValueError: JobDefinition must be a JSON object"),
    "a list": (["jobType", "ONE_TIME"], "ValueError: JobDefinition must be a JSON object"),
    "sampling in words": ({**CFN_DEFINITION, "samplingPercentage": "fifty"},
                          "ValueError: not an integer: 'fifty'"),
    "sampling as a decimal": ({**CFN_DEFINITION, "samplingPercentage": "50.5"},
                              "ValueError: not an integer: '50.5'"),
    "sampling with underscores": ({**CFN_DEFINITION, "samplingPercentage": "5_0"},
                                  "ValueError: not an integer: '5_0'"),
    "sampling as a list": ({**CFN_DEFINITION, "samplingPercentage": ["50"]},
                           "ValueError: not an integer: ['50']"),
    "initialRun yes": ({**CFN_DEFINITION, "initialRun": "yes"}, "ValueError: not a boolean: 'yes'"),
    "initialRun 1": ({**CFN_DEFINITION, "initialRun": "1"}, "ValueError: not a boolean: '1'"),
    "day of month in words": (
        {**CFN_DEFINITION, "scheduleFrequency": {"monthlySchedule": {"dayOfMonth": "first"}}},
        "ValueError: not an integer: 'first'"),
    "a client token": ({**CFN_DEFINITION, "clientToken": "mine"},
                       "ValueError: JobDefinition must not set clientToken"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_definition_fails_without_calling_macie(index, macie, cloudformation, name):
    definition, reason = MALFORMED[name]

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST, definition=definition)

    assert_response(response, "FAILED", "create-failed-" + CREATE_REQUEST, CREATE_REQUEST)
    assert response["Reason"] == reason
    assert macie.calls == []


@pytest.mark.parametrize("definition, problem", [
    ({**CFN_DEFINITION, "jobName": "typo"}, 'Unknown parameter in input: "jobName"'),
    ({k: v for k, v in CFN_DEFINITION.items() if k != "name"}, 'Missing required parameter in input: "name"'),
    ({**CFN_DEFINITION, "scheduleFrequency": "daily"}, "Invalid type for parameter scheduleFrequency, value: daily"),
    ({**CFN_DEFINITION, "managedDataIdentifierIds": "CREDIT_CARD_NUMBER"},
     "Invalid type for parameter managedDataIdentifierIds, value: CREDIT_CARD_NUMBER"),
])
def test_definition_botocore_rejects_fails_before_reaching_macie(index, monkeypatch, cloudformation, definition, problem):
    # No stub: botocore validates the parameters before it would connect,
    # and a connection would be refused (and fail with another reason).
    client = boto3.client("macie2", region_name=REGION)
    sent = []
    client.meta.events.register("before-send", lambda request, **_: sent.append(request))
    monkeypatch.setattr(index, "client", lambda: client)

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST, definition=definition)

    assert_response(response, "FAILED", "create-failed-" + CREATE_REQUEST, CREATE_REQUEST)
    assert response["Reason"].startswith("ParamValidationError: Parameter validation failed:")
    assert problem in response["Reason"]
    assert sent == []


@pytest.mark.parametrize("properties, reason", [
    ({"ServiceToken": SERVICE_TOKEN}, "ValueError: JobDefinition must be a JSON object"),
    (None, "ValueError: JobDefinition must be a JSON object"),
])
def test_missing_properties_fail(index, macie, cloudformation, properties, reason):
    e = event("Create", cloudformation.url, CREATE_REQUEST)
    e["ResourceProperties"] = properties

    assert index.handler(e, Context()) is None

    response = cloudformation.only_response()
    assert_response(response, "FAILED", "create-failed-" + CREATE_REQUEST, CREATE_REQUEST)
    assert response["Reason"] == reason


def test_unknown_request_type_fails(index, macie, cloudformation):
    response = invoke(index, cloudformation, "Replace", CREATE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "FAILED", JOB_ID, CREATE_REQUEST)
    assert response["Reason"] == "ValueError: unknown RequestType 'Replace'"
    assert macie.calls == []


def test_client_that_cannot_be_made_still_answers(index, monkeypatch, cloudformation):
    from botocore.exceptions import NoRegionError

    def no_client():
        raise NoRegionError()

    monkeypatch.setattr(index, "client", no_client)

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST)

    assert_response(response, "FAILED", "create-failed-" + CREATE_REQUEST, CREATE_REQUEST)
    assert response["Reason"] == "NoRegionError: You must specify a region."


def test_even_a_base_exception_is_answered_before_it_propagates(index, monkeypatch, cloudformation):
    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(index, "client", interrupted)

    with pytest.raises(KeyboardInterrupt):
        index.handler(event("Delete", cloudformation.url, DELETE_REQUEST, physical_id=JOB_ID), Context())

    response = cloudformation.only_response()
    assert_response(response, "FAILED", JOB_ID, DELETE_REQUEST)


def test_long_error_is_cut_so_the_response_stays_under_4096_bytes(index, macie, cloudformation):
    macie.fails("create_classification_job", "ValidationException", "x" * 6000,
                {**TYPED_DEFINITION, "clientToken": CREATE_REQUEST})

    index.handler(event("Create", cloudformation.url, CREATE_REQUEST), Context())

    (request,) = cloudformation.requests
    response = json.loads(request["body"])
    assert response["Status"] == "FAILED"
    assert len(response["Reason"]) == 1000
    assert response["Reason"].startswith("An error occurred (ValidationException)")
    assert len(request["body"]) < 4096


# ------------------------------------------------------------------ update


def test_update_creates_the_new_job_then_cancels_the_old(index, macie, cloudformation):
    changed = {**TYPED_DEFINITION, "samplingPercentage": 25, "scheduleFrequency": {"dailySchedule": {}}}
    macie.creates(changed, UPDATE_REQUEST, NEW_JOB_ID)
    macie.cancels(JOB_ID)

    response = invoke(index, cloudformation, "Update", UPDATE_REQUEST, physical_id=JOB_ID,
                      definition=as_cloudformation_passes_it(changed), old_definition=CFN_DEFINITION)

    assert_response(response, "SUCCESS", NEW_JOB_ID, UPDATE_REQUEST,
                    {"JobId": NEW_JOB_ID, "JobArn": job_arn(NEW_JOB_ID)})
    assert [operation for operation, _ in macie.calls] == ["CreateClassificationJob", "UpdateClassificationJob"]
    assert exactly(macie.calls[0][1]) == exactly({**changed, "clientToken": UPDATE_REQUEST})
    assert macie.calls[1][1] == {"jobId": JOB_ID, "jobStatus": "CANCELLED"}


def test_update_then_the_cleanup_delete_of_the_old_job_succeeds(index, macie, cloudformation):
    macie.creates(TYPED_DEFINITION, UPDATE_REQUEST, NEW_JOB_ID)
    macie.cancels(JOB_ID)
    # The cleanup Delete: Macie refuses to cancel a cancelled job.
    macie.cancel_fails(JOB_ID, "ValidationException", "The job has already been cancelled.")
    macie.describes(JOB_ID, "CANCELLED")

    updated = invoke(index, cloudformation, "Update", UPDATE_REQUEST, physical_id=JOB_ID,
                     old_definition={**CFN_DEFINITION, "name": "old"})
    deleted = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert updated["PhysicalResourceId"] == NEW_JOB_ID
    assert_response(deleted, "SUCCESS", JOB_ID, DELETE_REQUEST)
    assert [operation for operation, _ in macie.calls] == [
        "CreateClassificationJob", "UpdateClassificationJob", "UpdateClassificationJob", "DescribeClassificationJob"]


def test_update_whose_create_fails_keeps_the_old_job(index, macie, cloudformation):
    macie.fails("create_classification_job", "ServiceQuotaExceededException", "too many jobs",
                {**TYPED_DEFINITION, "clientToken": UPDATE_REQUEST}, status=402)

    response = invoke(index, cloudformation, "Update", UPDATE_REQUEST, physical_id=JOB_ID,
                      old_definition=CFN_DEFINITION)

    assert_response(response, "FAILED", JOB_ID, UPDATE_REQUEST)
    assert response["Reason"] == (
        "An error occurred (ServiceQuotaExceededException) when calling the"
        " CreateClassificationJob operation: too many jobs")
    assert [operation for operation, _ in macie.calls] == ["CreateClassificationJob"]


def test_update_with_a_malformed_definition_keeps_the_old_job(index, macie, cloudformation):
    response = invoke(index, cloudformation, "Update", UPDATE_REQUEST, physical_id=JOB_ID,
                      definition={**CFN_DEFINITION, "samplingPercentage": "half"}, old_definition=CFN_DEFINITION)

    assert_response(response, "FAILED", JOB_ID, UPDATE_REQUEST)
    assert response["Reason"] == "ValueError: not an integer: 'half'"
    assert macie.calls == []


def test_update_succeeds_when_the_old_job_cannot_be_cancelled(index, macie, cloudformation, capsys):
    """The new job exists: failing would leave it behind. The old job is
    cancelled again by the Delete CloudFormation sends once the update is done."""
    macie.creates(TYPED_DEFINITION, UPDATE_REQUEST, NEW_JOB_ID)
    macie.cancel_fails(JOB_ID, "AccessDeniedException", "not allowed", status=403)
    macie.fails("describe_classification_job", "AccessDeniedException", "not allowed", {"jobId": JOB_ID}, status=403)

    response = invoke(index, cloudformation, "Update", UPDATE_REQUEST, physical_id=JOB_ID,
                      old_definition=CFN_DEFINITION)

    assert_response(response, "SUCCESS", NEW_JOB_ID, UPDATE_REQUEST,
                    {"JobId": NEW_JOB_ID, "JobArn": job_arn(NEW_JOB_ID)})
    assert f"cancelling {JOB_ID} failed: An error occurred (AccessDeniedException)" in capsys.readouterr().out


def test_update_of_a_resource_whose_create_failed_creates_without_cancelling(index, macie, cloudformation):
    macie.creates(TYPED_DEFINITION, UPDATE_REQUEST, NEW_JOB_ID)

    response = invoke(index, cloudformation, "Update", UPDATE_REQUEST,
                      physical_id="create-failed-" + CREATE_REQUEST, old_definition=CFN_DEFINITION)

    assert response["Status"] == "SUCCESS"
    assert response["PhysicalResourceId"] == NEW_JOB_ID
    assert [operation for operation, _ in macie.calls] == ["CreateClassificationJob"]


# ------------------------------------------------------------------ delete


def test_delete_cancels_the_job(index, macie, cloudformation):
    macie.cancels(JOB_ID)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "SUCCESS", JOB_ID, DELETE_REQUEST)
    assert macie.calls == [("UpdateClassificationJob", {"jobId": JOB_ID, "jobStatus": "CANCELLED"})]


@pytest.mark.parametrize("job_status", ["CANCELLED", "COMPLETE"])
def test_delete_of_a_finished_job_succeeds(index, macie, cloudformation, job_status):
    macie.cancel_fails(JOB_ID, "ValidationException", f"The job's status is {job_status}.")
    macie.describes(JOB_ID, job_status)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "SUCCESS", JOB_ID, DELETE_REQUEST)
    assert [operation for operation, _ in macie.calls] == ["UpdateClassificationJob", "DescribeClassificationJob"]


def test_delete_of_a_job_that_is_not_found_succeeds(index, macie, cloudformation):
    macie.cancel_fails(JOB_ID, "ResourceNotFoundException", "The specified job wasn't found.", status=404)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "SUCCESS", JOB_ID, DELETE_REQUEST)
    assert [operation for operation, _ in macie.calls] == ["UpdateClassificationJob"]


def test_delete_of_a_job_gone_between_cancel_and_describe_succeeds(index, macie, cloudformation):
    macie.cancel_fails(JOB_ID, "ConflictException", "busy", status=409)
    macie.fails("describe_classification_job", "ResourceNotFoundException", "gone", {"jobId": JOB_ID}, status=404)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "SUCCESS", JOB_ID, DELETE_REQUEST)


@pytest.mark.parametrize("job_status", ["RUNNING", "IDLE", "PAUSED", "USER_PAUSED"])
def test_delete_fails_when_a_live_job_cannot_be_cancelled(index, macie, cloudformation, job_status):
    macie.cancel_fails(JOB_ID, "AccessDeniedException", "User is not authorized to perform macie2:UpdateClassificationJob",
                       status=403)
    macie.describes(JOB_ID, job_status)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "FAILED", JOB_ID, DELETE_REQUEST)
    assert response["Reason"] == (
        "An error occurred (AccessDeniedException) when calling the UpdateClassificationJob"
        " operation: User is not authorized to perform macie2:UpdateClassificationJob")


def test_delete_reports_the_cancel_error_when_describe_fails_too(index, macie, cloudformation):
    macie.cancel_fails(JOB_ID, "ThrottlingException", "slow down", status=429)
    macie.fails("describe_classification_job", "InternalServerException", "oops", {"jobId": JOB_ID}, status=500)

    response = invoke(index, cloudformation, "Delete", DELETE_REQUEST, physical_id=JOB_ID)

    assert_response(response, "FAILED", JOB_ID, DELETE_REQUEST)
    assert response["Reason"] == (
        "An error occurred (ThrottlingException) when calling the UpdateClassificationJob"
        " operation: slow down")


# ---------------------------------------------------------- the response


def test_response_is_a_put_with_an_empty_content_type_to_the_presigned_url(index, macie, cloudformation):
    macie.cancels(JOB_ID)

    index.handler(event("Delete", cloudformation.url, DELETE_REQUEST, physical_id=JOB_ID), Context())

    (request,) = cloudformation.requests
    assert request["method"] == "PUT"
    assert request["path"] == f"/cfn-response/{LOGICAL_ID}?X-Amz-Signature=abc123&X-Amz-Expires=7200"
    # Present and empty: the signature of the pre-signed URL covers no content type.
    assert request["headers"].get_all("Content-Type") == [""]
    assert request["headers"]["Content-Length"] == str(len(request["body"]))
    assert json.loads(request["body"]) == {
        "Status": "SUCCESS", "Reason": "", "PhysicalResourceId": JOB_ID, "StackId": STACK_ID,
        "RequestId": DELETE_REQUEST, "LogicalResourceId": LOGICAL_ID, "Data": {},
    }


def test_a_response_that_cannot_be_delivered_fails_the_invocation(index, macie, cloudformation):
    """Raised so that Lambda retries the event (the client token keeps it safe)."""
    cloudformation.answer = 403
    macie.cancels(JOB_ID)

    with pytest.raises(urllib.error.HTTPError) as raised:
        index.handler(event("Delete", cloudformation.url, DELETE_REQUEST, physical_id=JOB_ID), Context())

    assert raised.value.code == 403
    assert json.loads(cloudformation.requests[0]["body"])["Status"] == "SUCCESS"


# ------------------------------------------------- the model and the code


def model_members(types):
    """Paths of the members of CreateClassificationJobRequest whose shape
    type is one of `types`, from botocore's macie2 service model ([] = list item)."""
    shapes = botocore.loaders.Loader().load_service_model("macie2", "service-2")["shapes"]
    found = set()

    def walk(shape_name, path, seen):
        shape = shapes[shape_name]
        if shape["type"] in types:
            found.add(path)
        if shape_name in seen:
            return
        seen = seen | {shape_name}
        if shape["type"] == "structure":
            for name, member in shape["members"].items():
                walk(member["shape"], path + (name,), seen)
        elif shape["type"] == "list":
            walk(shape["member"]["shape"], path + ("[]",), seen)
        elif shape["type"] == "map":
            walk(shape["value"]["shape"], path + ("{}",), seen)

    walk("CreateClassificationJobRequest", (), frozenset())
    return found


def test_the_handler_restores_exactly_the_non_string_members_of_the_model():
    """If a botocore upgrade adds an integer or boolean member, this fails:
    the handler's hard-coded list has to learn it."""
    assert model_members({"integer", "long", "boolean", "double", "float", "timestamp", "blob"}) == {
        ("samplingPercentage",),
        ("initialRun",),
        ("scheduleFrequency", "monthlySchedule", "dayOfMonth"),
    }


def test_the_scope_terms_are_strings_in_the_model():
    """So the handler leaves them as CloudFormation passes them (OBJECT_SIZE too)."""
    strings = model_members({"string"})
    leaves = {p[p.index(t):] for p in strings for t in ("simpleScopeTerm", "tagScopeTerm") if t in p}
    assert leaves == {
        ("simpleScopeTerm", "comparator"), ("simpleScopeTerm", "key"), ("simpleScopeTerm", "values", "[]"),
        ("tagScopeTerm", "comparator"), ("tagScopeTerm", "key"), ("tagScopeTerm", "target"),
        ("tagScopeTerm", "tagValues", "[]", "key"), ("tagScopeTerm", "tagValues", "[]", "value"),
    }


def test_every_non_string_member_given_as_text_reaches_macie_typed(index, macie, cloudformation):
    """Each path the model types as integer or boolean, sent as CloudFormation
    would, arrives with the model's type (botocore's validation would refuse text)."""
    macie.stub.add_response("create_classification_job", {"jobId": JOB_ID, "jobArn": job_arn(JOB_ID)})
    monthly = {**CFN_DEFINITION, "scheduleFrequency": {"monthlySchedule": {"dayOfMonth": "15"}}}

    response = invoke(index, cloudformation, "Create", CREATE_REQUEST, definition=monthly)

    assert response["Status"] == "SUCCESS", response["Reason"]
    params = macie.calls[0][1]
    values = {}
    for path in model_members({"integer", "boolean"}):
        value = params
        for key in path:
            value = value[key]
        values[path] = value
    assert exactly(sorted(values.items())) == exactly(sorted({
        ("samplingPercentage",): 50,
        ("initialRun",): True,
        ("scheduleFrequency", "monthlySchedule", "dayOfMonth"): 15,
    }.items()))


# ---------------------------------------------------------- inline code


@pytest.fixture
def source():
    return (FUNCTIONS / "macie_job.py").read_bytes()


def test_loads_as_index_with_a_stubbable_client(index):
    assert index.__name__ == "index"
    assert index.handler.__code__.co_varnames[:2] == ("event", "context")
    assert index.client.__code__.co_argcount == 0
    made = index.client()
    assert made.meta.service_model.service_name == "macie2"
    assert made.meta.region_name == REGION  # the Lambda's own Region (AWS_REGION)
