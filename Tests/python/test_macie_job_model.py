"""A Macie job definition checked against botocore's macie2 service model.

`validate_create_classification_job_request(request)` lists what is wrong with
a `CreateClassificationJob` request (an empty list when nothing is): members
the shape requires, members it does not know, each value's type, integer and
length bounds, and enum values. botocore's own parameter validation checks no
enums; this does. `clientToken` is an idempotency token, which botocore (and the
custom resource's handler) fills in, so it is not required here.

Other tests import the function, e.g. with
`sys.path.insert(0, str(Path(__file__).parents[n]))` and
`from test_macie_job_model import validate_create_classification_job_request`.
"""
import copy
import json
from functools import lru_cache
from pathlib import Path

import botocore.loaders
import botocore.session
import botocore.validate
import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED_JOB = ROOT / "generated" / "MacieDynamoDB.macie-job.json"
REQUEST_SHAPE = "CreateClassificationJobRequest"


@lru_cache(maxsize=None)
def macie2_shapes():
    """The `shapes` of the installed botocore's macie2 model (service-2.json[.gz])."""
    return botocore.loaders.Loader().load_service_model("macie2", "service-2")["shapes"]


def validate_create_classification_job_request(request: dict) -> list[str]:
    """Problems of `request` as a macie2 CreateClassificationJob request; [] when valid."""
    return validate_shape(macie2_shapes(), REQUEST_SHAPE, request)


def validate_shape(shapes: dict, shape_name: str, value) -> list[str]:
    """Problems of `value` against `shapes[shape_name]`, a botocore model shape."""
    problems: list[str] = []
    _check(shapes, shape_name, value, "", problems)
    return problems


def _at(path):
    return path or "the request"


def _bounds(shape, size, what, path, problems):
    if "min" in shape and size < shape["min"]:
        problems.append(f"{_at(path)}: {what} {size} is below the minimum {shape['min']}")
    if "max" in shape and size > shape["max"]:
        problems.append(f"{_at(path)}: {what} {size} is above the maximum {shape['max']}")


def _check(shapes, shape_name, value, path, problems):
    shape = shapes[shape_name]
    kind = shape["type"]
    expected = {
        "structure": dict, "map": dict, "list": list, "string": str, "boolean": bool,
        "integer": int, "long": int, "float": (int, float), "double": (int, float),
    }
    if kind not in expected:
        problems.append(f"{_at(path)}: shape {shape_name} has type {kind}, which this validator does not check")
        return
    # bool is an int in Python; JSON true is no integer.
    if not isinstance(value, expected[kind]) or (isinstance(value, bool) and kind != "boolean"):
        problems.append(f"{_at(path)}: expected {kind} ({shape_name}), got {type(value).__name__} {value!r}")
        return

    if kind == "structure":
        members = shape.get("members", {})
        for name in shape.get("required", []):
            if name not in value and not members[name].get("idempotencyToken"):
                problems.append(f"{_at(path)}: missing required member {name}")
        for name in value:
            if name not in members:
                problems.append(f"{_at(path)}: unknown member {name!r} (known: {', '.join(sorted(members))})")
        for name, member in members.items():
            if name in value:
                _check(shapes, member["shape"], value[name], f"{path}.{name}" if path else name, problems)
    elif kind == "list":
        _bounds(shape, len(value), "length", path, problems)
        for i, item in enumerate(value):
            _check(shapes, shape["member"]["shape"], item, f"{path}[{i}]", problems)
    elif kind == "map":
        _bounds(shape, len(value), "size", path, problems)
        for key, item in value.items():
            _check(shapes, shape["key"]["shape"], key, f"{path} key {key!r}", problems)
            _check(shapes, shape["value"]["shape"], item, f"{path}[{key!r}]", problems)
    elif kind == "string":
        if "enum" in shape and value not in shape["enum"]:
            problems.append(f"{_at(path)}: {value!r} is not one of {', '.join(shape['enum'])}")
        _bounds(shape, len(value), "length", path, problems)
    elif kind in ("integer", "long", "float", "double"):
        _bounds(shape, value, "value", path, problems)


# ------------------------------------------------------------------ tests


def full_request():
    return {
        "jobType": "SCHEDULED",
        "name": "dynamodb-export-scan",
        "description": "Scans the DynamoDB exports every Monday",
        "initialRun": True,
        "samplingPercentage": 50,
        "scheduleFrequency": {"weeklySchedule": {"dayOfWeek": "MONDAY"}},
        "s3JobDefinition": {
            "bucketDefinitions": [{"accountId": "123456789012", "buckets": ["macie-blog-export"]}],
            "scoping": {
                "includes": {"and": [
                    {"simpleScopeTerm": {"comparator": "EQ", "key": "OBJECT_EXTENSION", "values": ["json", "csv"]}},
                    {"tagScopeTerm": {"comparator": "EQ", "key": "TAG", "target": "S3_OBJECT",
                                      "tagValues": [{"key": "classification", "value": "scan"}]}},
                ]},
                "excludes": {"and": [
                    {"simpleScopeTerm": {"comparator": "GT", "key": "OBJECT_SIZE", "values": ["10485760"]}},
                ]},
            },
        },
        "managedDataIdentifierSelector": "INCLUDE",
        "managedDataIdentifierIds": ["CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"],
        "customDataIdentifierIds": ["d4b8c2a0-6f1e-4b7a-9c3d-2e5f8a1b4c7d"],
    }


def botocore_accepts(request):
    """botocore's own validator (types, required, unknown; no enums), for comparison."""
    model = botocore.session.get_session().get_service_model("macie2")
    shape = model.operation_model("CreateClassificationJob").input_shape
    report = botocore.validate.ParamValidator().validate({**request, "clientToken": "token"}, shape)
    return not report.has_errors()


def test_the_model_is_the_one_expected():
    shape = macie2_shapes()[REQUEST_SHAPE]
    assert sorted(shape["required"]) == ["clientToken", "jobType", "name", "s3JobDefinition"]
    assert shape["members"]["clientToken"]["idempotencyToken"] is True
    assert macie2_shapes()["JobComparator"]["enum"] == [
        "EQ", "GT", "GTE", "LT", "LTE", "NE", "CONTAINS", "STARTS_WITH"]


def test_a_full_request_is_valid():
    request = full_request()
    assert validate_create_classification_job_request(request) == []
    assert botocore_accepts(request)


def test_other_valid_requests():
    one_time = {
        "jobType": "ONE_TIME", "name": "once",
        "s3JobDefinition": {"bucketDefinitions": [{"accountId": "123456789012", "buckets": ["b"]}]},
    }
    monthly = {**one_time, "jobType": "SCHEDULED", "initialRun": False, "samplingPercentage": 100,
               "scheduleFrequency": {"monthlySchedule": {"dayOfMonth": 31}},
               "managedDataIdentifierSelector": "NONE", "tags": {"team": "data", "env": "prod"},
               "clientToken": "3f1d2a4e-8c5b-4e7a-9f60-1a2b3c4d5e6f"}
    daily = {**one_time, "jobType": "SCHEDULED", "scheduleFrequency": {"dailySchedule": {}}}
    for request in (one_time, monthly, daily):
        assert validate_create_classification_job_request(request) == []


def test_rejects_a_value_outside_an_enum():
    request = full_request()
    request["s3JobDefinition"]["scoping"]["excludes"]["and"][0]["simpleScopeTerm"]["comparator"] = "GREATER"
    request["jobType"] = "WEEKLY"

    assert validate_create_classification_job_request(request) == [
        "jobType: 'WEEKLY' is not one of ONE_TIME, SCHEDULED",
        "s3JobDefinition.scoping.excludes.and[0].simpleScopeTerm.comparator:"
        " 'GREATER' is not one of EQ, GT, GTE, LT, LTE, NE, CONTAINS, STARTS_WITH",
    ]
    # botocore does not check enums: only the service would have said so.
    assert botocore_accepts(request)


def test_rejects_an_enum_value_from_another_enum():
    request = full_request()
    request["s3JobDefinition"]["scoping"]["includes"]["and"][0]["simpleScopeTerm"]["key"] = "S3_BUCKET_NAME"
    request["scheduleFrequency"]["weeklySchedule"]["dayOfWeek"] = "monday"

    # In the model's member order.
    assert validate_create_classification_job_request(request) == [
        "s3JobDefinition.scoping.includes.and[0].simpleScopeTerm.key: 'S3_BUCKET_NAME' is not one of"
        " OBJECT_EXTENSION, OBJECT_LAST_MODIFIED_DATE, OBJECT_SIZE, OBJECT_KEY",
        "scheduleFrequency.weeklySchedule.dayOfWeek: 'monday' is not one of"
        " SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY",
    ]


def test_rejects_an_unknown_member():
    request = full_request()
    request["jobName"] = "typo"
    request["s3JobDefinition"]["bucketDefinitions"][0]["bucket"] = "one"

    assert validate_create_classification_job_request(request) == [
        "the request: unknown member 'jobName' (known: allowListIds, clientToken, customDataIdentifierIds,"
        " description, initialRun, jobType, managedDataIdentifierIds, managedDataIdentifierSelector, name,"
        " s3JobDefinition, samplingPercentage, scheduleFrequency, tags)",
        "s3JobDefinition.bucketDefinitions[0]: unknown member 'bucket' (known: accountId, buckets)",
    ]
    assert not botocore_accepts(request)


def test_rejects_a_missing_required_member():
    request = full_request()
    del request["name"]
    del request["s3JobDefinition"]["bucketDefinitions"][0]["accountId"]

    assert validate_create_classification_job_request(request) == [
        "the request: missing required member name",
        "s3JobDefinition.bucketDefinitions[0]: missing required member accountId",
    ]
    assert not botocore_accepts(request)


@pytest.mark.parametrize("path, value, problem", [
    (("samplingPercentage",), "50", "samplingPercentage: expected integer (__integer), got str '50'"),
    (("samplingPercentage",), 50.0, "samplingPercentage: expected integer (__integer), got float 50.0"),
    (("samplingPercentage",), True, "samplingPercentage: expected integer (__integer), got bool True"),
    (("initialRun",), "true", "initialRun: expected boolean (__boolean), got str 'true'"),
    (("initialRun",), 1, "initialRun: expected boolean (__boolean), got int 1"),
    (("name",), 7, "name: expected string (__string), got int 7"),
    (("customDataIdentifierIds",), "d4b8", "customDataIdentifierIds: expected list (__listOf__string), got str 'd4b8'"),
    (("scheduleFrequency",), "weekly", "scheduleFrequency: expected structure (JobScheduleFrequency), got str 'weekly'"),
    (("s3JobDefinition", "scoping", "excludes", "and", 0, "simpleScopeTerm", "values", 0), 10485760,
     "s3JobDefinition.scoping.excludes.and[0].simpleScopeTerm.values[0]: expected string (__string), got int 10485760"),
])
def test_rejects_a_wrong_type(path, value, problem):
    request = full_request()
    target = request
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value

    assert validate_create_classification_job_request(request) == [problem]


def test_rejects_wrong_map_values_and_a_request_that_is_no_object():
    request = {**full_request(), "tags": {"team": 1}}
    assert validate_create_classification_job_request(request) == [
        "tags['team']: expected string (__string), got int 1"]
    assert validate_create_classification_job_request([]) == [
        "the request: expected structure (CreateClassificationJobRequest), got list []"]
    assert validate_create_classification_job_request(None) == [
        "the request: expected structure (CreateClassificationJobRequest), got NoneType None"]


def test_reports_every_problem_at_once():
    request = {"jobType": "DAILY", "samplingPercentage": "all", "s3JobDefinition": {"buckets": ["b"]}}

    assert validate_create_classification_job_request(request) == [
        "the request: missing required member name",
        "jobType: 'DAILY' is not one of ONE_TIME, SCHEDULED",
        "s3JobDefinition: unknown member 'buckets' (known: bucketCriteria, bucketDefinitions, scoping)",
        "samplingPercentage: expected integer (__integer), got str 'all'",
    ]


def test_integer_string_and_list_bounds_where_a_model_sets_them():
    """macie2's request shapes declare no min or max; botocore models of other
    services do (as `min`/`max` on the shape), so the checks run on a small model."""
    shapes = {
        "Request": {"type": "structure", "required": ["percent"], "members": {
            "percent": {"shape": "Percent"}, "label": {"shape": "Label"}, "ids": {"shape": "Ids"},
            "tags": {"shape": "Tags"}}},
        "Percent": {"type": "integer", "min": 1, "max": 100},
        "Label": {"type": "string", "min": 1, "max": 5},
        "Ids": {"type": "list", "member": {"shape": "Label"}, "max": 2},
        "Tags": {"type": "map", "key": {"shape": "Label"}, "value": {"shape": "Label"}, "min": 1},
    }
    assert validate_shape(shapes, "Request", {"percent": 1, "label": "abcde", "ids": ["a", "b"], "tags": {"k": "v"}}) == []
    assert validate_shape(shapes, "Request", {"percent": 100}) == []
    assert validate_shape(shapes, "Request", {"percent": 0, "label": "", "ids": ["a", "b", "toolong"], "tags": {}}) == [
        "percent: value 0 is below the minimum 1",
        "label: length 0 is below the minimum 1",
        "ids: length 3 is above the maximum 2",
        "ids[2]: length 7 is above the maximum 5",
        "tags: size 0 is below the minimum 1",
    ]
    assert validate_shape(shapes, "Request", {"percent": 101}) == ["percent: value 101 is above the maximum 100"]


def test_a_shape_type_it_does_not_check_is_a_problem_not_a_pass():
    shapes = {"Request": {"type": "structure", "members": {"at": {"shape": "When"}}},
              "When": {"type": "timestamp"}}
    assert validate_shape(shapes, "Request", {"at": "2024-05-06T00:00:00Z"}) == [
        "at: shape When has type timestamp, which this validator does not check"]


def test_does_not_change_the_request():
    request = full_request()
    before = copy.deepcopy(request)
    validate_create_classification_job_request(request)
    assert request == before


def with_intrinsics_as_text(value):
    """A template's job definition may hold `Ref`/`Fn::` objects where the API
    takes strings (CloudFormation resolves them to strings): stand text in."""
    if isinstance(value, dict):
        if len(value) == 1:
            (key,) = value
            if key == "Ref" or key.startswith("Fn::"):
                return f"<{key} {json.dumps(value[key], sort_keys=True)}>"
        return {k: with_intrinsics_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_intrinsics_as_text(v) for v in value]
    return value


def test_intrinsics_stand_in_as_text():
    assert with_intrinsics_as_text(
        {"accountId": {"Ref": "AWS::AccountId"}, "buckets": [{"Ref": "ExportBucket"}, "b"],
         "ids": [{"Fn::GetAtt": ["Identifier", "Id"]}], "dailySchedule": {}}
    ) == {"accountId": '<Ref "AWS::AccountId">', "buckets": ['<Ref "ExportBucket">', "b"],
          "ids": ['<Fn::GetAtt ["Identifier", "Id"]>'], "dailySchedule": {}}


@pytest.mark.skipif(not GENERATED_JOB.exists(), reason=f"{GENERATED_JOB.relative_to(ROOT)} is not written yet")
@pytest.mark.parametrize("job", sorted((ROOT / "generated").glob("*.macie-job.json")), ids=lambda p: p.name)
def test_the_generated_job_definition_is_a_valid_request(job):
    request = json.loads(job.read_text(encoding="utf-8"))
    # The handler adds clientToken (the request ID); a definition must not set it.
    assert "clientToken" not in request
    assert validate_create_classification_job_request(with_intrinsics_as_text(request)) == []
