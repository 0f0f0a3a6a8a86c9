"""The deploy harness checked on its own small template
(fixtures/harness-smoke.yaml), so a failure of test_deploy.py is about the
MacieDynamoDB template, not about the harness."""

from __future__ import annotations

import pytest

from .harness_config import HERE, REGION

pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto:UserWarning")

SMOKE = HERE / "fixtures" / "harness-smoke.yaml"


@pytest.fixture(scope="module")
def smoke(moto, time_limited):
    from .cfn_template import load_template_text
    from .stack_deploy import deploy

    text = SMOKE.read_text(encoding="utf-8")
    moto.server.reset()
    with time_limited(120, "the smoke stack"):
        return deploy(moto, "deploy-harness-smoke", text, load_template_text(text), timeout=60)


def test_server_listens_on_loopback_only(moto):
    assert moto.url.startswith("http://127.0.0.1:")
    assert moto.server.port > 0


def test_only_loopback_addresses_count_as_loopback():
    from .network_guard import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("127.8.9.10") and is_loopback("::1") and is_loopback("localhost")
    assert not any(is_loopback(host) for host in ("0.0.0.0", "10.0.0.1", "192.168.1.1", "8.8.8.8", "example.com", "::"))


def test_smoke_stack_is_created_without_the_false_condition_and_the_unsupported_type(smoke):
    assert smoke.status == "CREATE_COMPLETE"
    assert smoke.sent_as == "TemplateBody" and smoke.workarounds == []
    assert "Optional" not in smoke.expected  # Condition CreateOptional is false by default
    assert smoke.skipped == {"Identifier": "AWS::Macie::CustomDataIdentifier"}
    assert set(smoke.deployed) == {"Bucket", "Table", "Role", "Copier"}
    assert REGION in smoke.outputs["TableURL"]


def test_inline_code_is_read_back_and_runs_against_moto(moto, smoke, time_limited):
    from .lambda_runner import read_deployed_function, run_handler

    function = read_deployed_function(moto.client("lambda"), smoke.outputs["FunctionName"], REGION)
    assert function.source == smoke.template["Resources"]["Copier"]["Properties"]["Code"]["ZipFile"]
    assert function.environment == {"BUCKET": smoke.outputs["BucketName"], "TABLE": smoke.physical_id("Table")}
    moto.client("s3").put_object(Bucket=smoke.outputs["BucketName"], Key="note.txt", Body=b"hello")
    with time_limited(30, "the smoke handler"):
        assert run_handler(function, {"key": "note.txt"}, region=REGION, endpoint_url=moto.url) == {"copied": "note.txt"}
    item = moto.client("dynamodb").get_item(TableName=smoke.physical_id("Table"), Key={"id": {"S": "note.txt"}})["Item"]
    assert item == {"id": {"S": "note.txt"}, "text": {"S": "hello"}, "region": {"S": REGION}}


def test_guard_refuses_other_addresses_before_connecting(monkeypatch):
    import socket

    from .network_guard import loopback_only

    attempts = []  # stands in for the real connect: nothing leaves this process
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: attempts.append(address))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda sock, address: attempts.append(address) or 0)
    with loopback_only(), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(AssertionError, match="only to loopback"):
            sock.connect(("192.0.2.1", 443))
        with pytest.raises(AssertionError, match="only to loopback"):
            sock.connect_ex(("10.0.0.1", 443))
        sock.connect(("127.0.0.1", 9))
    assert attempts == [("127.0.0.1", 9)]


def test_workarounds_change_only_what_they_say():
    from .stack_deploy import adapt_for_moto, undo_adaptations

    template = {"Resources": {
        "Key": {"Type": "AWS::KMS::Key", "Properties": {"Tags": [{"Key": "Name", "Value": "k"}], "EnableKeyRotation": True}},
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "Name", "Value": "b"}]}},
    }}
    adapted, notes = adapt_for_moto(template)
    assert adapted["Resources"]["Key"]["Properties"]["Tags"] == [{"TagKey": "Name", "TagValue": "k"}]
    assert adapted["Resources"]["Bucket"] == template["Resources"]["Bucket"]
    assert len(notes) == 1 and undo_adaptations(adapted) == template


def test_conditions_are_evaluated_with_the_defaults():
    from .cfn_template import load_template_text, parameter_values, resources_created

    template = load_template_text(SMOKE.read_text(encoding="utf-8"))
    pseudo = {"AWS::Region": REGION}
    assert "Optional" not in resources_created(template, parameter_values(template), pseudo)
    assert "Optional" in resources_created(template, parameter_values(template, {"Create": "true"}), pseudo)
