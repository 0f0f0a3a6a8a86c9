"""Stacks past one template and one account, as `synth --output` writes them:
two stacks of a catalog where one takes three values of the other (an export
and Fn::ImportValue each), deployed to moto in the order `--list --order`
gives; a stack of 1,201 resources written as a root and nested stacks, whose
parts are uploaded to moto's S3 as `aws cloudformation package` would and
created by the root; and a StackSet's template, which moto cannot deploy
across accounts, linted with its member template by cfn-lint."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .harness_config import REPO_ROOT

pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto:UserWarning")

BIN = Path(os.environ.get("SWIFT_BIN_PATH", REPO_ROOT / ".build/debug"))
ESTATE = BIN / "synth-estate"
VENV_BIN = REPO_ROOT / ".venv/bin"


def estate(*arguments: str) -> subprocess.CompletedProcess:
    if not ESTATE.exists():
        pytest.skip(f"{ESTATE} is not built: run `swift build` first")
    return subprocess.run([str(ESTATE), *arguments], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("estate")
    result = estate("--output", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def test_the_deployment_order_puts_the_producer_first():
    result = estate("--list", "--order")
    assert result.returncode == 0, result.stderr
    order = result.stdout.split()
    assert order.index("Storage") < order.index("Processing")


def test_every_written_template_passes_cfn_lint(written):
    cfn_lint = VENV_BIN / "cfn-lint"
    if not cfn_lint.exists():
        pytest.skip("cfn-lint is not installed in .venv: run `make test`")
    files = sorted(str(path) for path in written.glob("*.yaml"))
    assert any(name.endswith("Members.stackset.yaml") for name in files)
    assert sum(".Part" in name for name in files) >= 3
    result = subprocess.run([str(cfn_lint), "--include-checks", "I", "--", *files], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_two_stacks_deploy_in_order_and_the_consumer_reads_the_producers_values(moto, written, time_limited):
    from .cfn_template import load_template
    from .stack_deploy import deploy

    order = [name for name in estate("--list", "--order").stdout.split() if name in ("Storage", "Processing")]
    deployments = {}
    for name in order:
        path = written / f"{name}.yaml"
        with time_limited(120, f"the {name} stack"):
            deployments[name] = deploy(moto, name.lower(), path.read_text(), load_template(path), timeout=60)
        assert deployments[name].status == "CREATE_COMPLETE"
    exports = {export["Name"]: export["Value"] for export in moto.client("cloudformation").list_exports()["Exports"]}
    assert {"Storage-DataKey-Arn", "Storage-DataBucket", "Storage-OrdersTable"} <= exports.keys()
    queue_url = deployments["Processing"].outputs["WorkQueueUrl"]
    sqs = moto.client("sqs")
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["KmsMasterKeyId"])["Attributes"]
    assert attributes["KmsMasterKeyId"] == exports["Storage-DataKey-Arn"]
    tags = sqs.list_queue_tags(QueueUrl=queue_url)["Tags"]
    assert tags == {"bucket": exports["Storage-DataBucket"], "table": exports["Storage-OrdersTable"] + "-orders"}


def test_the_split_stack_deploys_with_its_nested_stacks_from_s3(moto, written, time_limited):
    from .cfn_template import load_template
    from .stack_deploy import CAPABILITIES
    from .cfn_template import wait_for_stack

    root = load_template(written / "Large.yaml")
    parts = {name: resource for name, resource in root["Resources"].items() if resource["Type"] == "AWS::CloudFormation::Stack"}
    assert len(parts) >= 3
    # What `aws cloudformation package` does: upload each part, point TemplateURL at it.
    s3 = moto.client("s3")
    s3.create_bucket(Bucket="packaged-templates")
    for resource in parts.values():
        local = resource["Properties"]["TemplateURL"]
        assert (written / local).exists()
        s3.put_object(Bucket="packaged-templates", Key=local, Body=(written / local).read_bytes())
        resource["Properties"]["TemplateURL"] = f"https://s3.{moto.region}.amazonaws.com/packaged-templates/{local}"
    import json

    s3.put_object(Bucket="packaged-templates", Key="Large.packaged.json", Body=json.dumps(root).encode())
    cloudformation = moto.client("cloudformation")
    with time_limited(240, "the split stack"):
        cloudformation.create_stack(
            StackName="large", Capabilities=CAPABILITIES,
            TemplateURL=f"https://s3.{moto.region}.amazonaws.com/packaged-templates/Large.packaged.json")
        stack = wait_for_stack(cloudformation, "large", 200)
    assert stack["StackStatus"] == "CREATE_COMPLETE", stack.get("StackStatusReason")
    names = {summary["StackName"] for summary in cloudformation.list_stacks()["StackSummaries"]}
    # Each nested stack exists, named after the root and its logical ID.
    assert all(any(name.startswith(f"large-{part}-") for name in names) for part in parts), names
    queues = []
    for page in moto.client("sqs").get_paginator("list_queues").paginate():
        queues += page.get("QueueUrls", [])
    # Every queue of the 400 groups exists: 800, named or not.
    assert len(queues) >= 800
    # The nested stacks' AWS::StackName is the root's: the dead-letter queues carry its name.
    assert sum("/large-dead-" in url for url in queues) == 400


def test_diff_refuses_to_drop_an_export_the_other_stack_imports(written, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        for path in written.glob("*.yaml"):
            (folder / path.name).write_bytes(path.read_bytes())
    from .cfn_template import load_template
    import json

    storage = load_template(new / "Storage.yaml")
    dropped = next(name for name, output in storage["Outputs"].items() if output["Export"]["Name"] == "Storage-OrdersTable")
    del storage["Outputs"][dropped]
    (new / "Storage.yaml").write_text(json.dumps(storage))
    result = estate("diff", "--old", str(old / "Storage.yaml"), "--new", str(new / "Storage.yaml"), "--colour", "never")
    assert result.returncode == 1, result.stderr
    assert "removes export 'Storage-OrdersTable', which Processing.yaml still imports" in result.stderr
    unchanged = estate("diff", "--old", str(old / "Large.yaml"), "--new", str(new / "Large.yaml"))
    assert unchanged.returncode == 0 and unchanged.stdout == "No changes.\n", unchanged.stdout + unchanged.stderr
