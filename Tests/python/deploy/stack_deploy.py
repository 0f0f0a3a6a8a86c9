"""Create a stack in moto from a template file, with the harness's workarounds
for moto, and sort its resources into deployed and skipped.

The workarounds are the only changes made to what is sent; each is listed in
``Deployment.workarounds`` and documented at the top of test_deploy.py.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from .harness_config import ACCOUNT_ID
from .cfn_template import (
    MAX_TEMPLATE_BODY_BYTES,
    failure_report,
    parameter_values,
    resources_created,
    wait_for_stack,
)

CAPABILITIES = ["CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
TEMPLATE_BUCKET = "deploy-test-templates"


def adapt_for_moto(template: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The template as moto 5.2 can create it, and what was changed.

    AWS::KMS::Key Tags: CloudFormation spells a tag ``{Key, Value}``; moto's
    Key.create_from_cloudformation_json hands the list unchanged to KMS's
    tagger, which expects the API's ``{TagKey, TagValue}`` and fails with
    ``KeyError: 'TagKey'`` (an HTTP 500 from create_stack). The same tags,
    spelled as moto's KMS reads them, are sent instead; the test then reads
    them back from the key.
    """
    adapted = copy.deepcopy(template)
    workarounds: list[str] = []
    for logical_id, resource in (adapted.get("Resources") or {}).items():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::KMS::Key" and properties.get("Tags"):
            properties["Tags"] = [{"TagKey": tag["Key"], "TagValue": tag["Value"]} for tag in properties["Tags"]]
            workarounds.append(
                f"Resources.{logical_id}.Properties.Tags: sent as TagKey/TagValue "
                "(moto 5.2 passes CloudFormation's Key/Value to KMS's tagger: KeyError 'TagKey')"
            )
    return adapted, workarounds


def undo_adaptations(adapted: dict[str, Any]) -> dict[str, Any]:
    """adapt_for_moto backwards: proves that the workarounds change nothing else."""
    original = copy.deepcopy(adapted)
    for resource in (original.get("Resources") or {}).values():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::KMS::Key" and properties.get("Tags"):
            properties["Tags"] = [{"Key": tag["TagKey"], "Value": tag["TagValue"]} for tag in properties["Tags"]]
    return original


@dataclass
class Deployment:
    stack_name: str
    stack: dict[str, Any]
    template: dict[str, Any]  # as committed (not as adapted)
    parameters: dict[str, Any]
    summaries: list[dict[str, Any]]  # list_stack_resources, as moto answers
    expected: dict[str, str]  # logical ID → type that CloudFormation would create
    deployed: dict[str, dict[str, Any]]  # logical ID → summary, for what moto created
    workarounds: list[str] = field(default_factory=list)
    sent_as: str = "TemplateBody"

    @property
    def status(self) -> str:
        return self.stack["StackStatus"]

    @property
    def outputs(self) -> dict[str, str]:
        return {output["OutputKey"]: output["OutputValue"] for output in self.stack.get("Outputs") or []}

    @property
    def skipped(self) -> dict[str, str]:
        """Logical ID → type of each expected resource that moto did not create."""
        return {logical_id: kind for logical_id, kind in self.expected.items() if logical_id not in self.deployed}

    def physical_id(self, logical_id: str) -> str:
        return self.deployed[logical_id]["PhysicalResourceId"]

    def logical_id_of(self, physical_id: str, resource_type: str) -> str:
        matches = [
            logical_id
            for logical_id, summary in self.deployed.items()
            if summary["PhysicalResourceId"] == physical_id and summary["ResourceType"] == resource_type
        ]
        assert len(matches) == 1, f"{resource_type} {physical_id!r}: {matches}"
        return matches[0]


def deploy(
    moto: Any,
    stack_name: str,
    template_text: str,
    template: dict[str, Any],
    *,
    timeout: float = 120,
    parameters: dict[str, str] | None = None,
) -> Deployment:
    """create_stack, wait (bounded), and list what moto made."""
    cloudformation = moto.client("cloudformation")
    adapted, workarounds = adapt_for_moto(template)
    assert undo_adaptations(adapted) == template, "a workaround changed more than it says"
    body = json.dumps(adapted, indent=1) if workarounds else template_text

    request: dict[str, Any] = {"StackName": stack_name, "Capabilities": CAPABILITIES}
    if parameters:
        request["Parameters"] = [{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()]
    sent_as = "TemplateBody"
    if len(template_text.encode()) > MAX_TEMPLATE_BODY_BYTES or len(body.encode()) > MAX_TEMPLATE_BODY_BYTES:
        # As CloudFormation requires past 51,200 bytes: from S3 (moto's own S3,
        # which moto reads in memory for this URL form).
        s3 = moto.client("s3")
        s3.create_bucket(Bucket=TEMPLATE_BUCKET)
        s3.put_object(Bucket=TEMPLATE_BUCKET, Key=f"{stack_name}.template", Body=body.encode())
        request["TemplateURL"] = f"https://s3.{moto.region}.amazonaws.com/{TEMPLATE_BUCKET}/{stack_name}.template"
        sent_as = "TemplateURL"
    else:
        request["TemplateBody"] = body
    cloudformation.create_stack(**request)

    stack = wait_for_stack(cloudformation, stack_name, timeout)
    if stack["StackStatus"] != "CREATE_COMPLETE":
        raise AssertionError(
            f"stack {stack_name}: {stack['StackStatus']} {stack.get('StackStatusReason') or ''}\n"
            + failure_report(cloudformation, stack_name)
        )
    summaries = []
    for page in cloudformation.get_paginator("list_stack_resources").paginate(StackName=stack_name):
        summaries.extend(page["StackResourceSummaries"])
    # moto lists each resource it skipped as a summary with an empty logical ID
    # and type (its resource map holds None there); only named ones are real.
    deployed = {summary["LogicalResourceId"]: summary for summary in summaries if summary.get("LogicalResourceId")}
    values = parameter_values(template, parameters)
    pseudo = {"AWS::Region": moto.region, "AWS::AccountId": ACCOUNT_ID, "AWS::Partition": "aws",
              "AWS::StackName": stack_name, "AWS::URLSuffix": "amazonaws.com"}
    return Deployment(
        stack_name=stack_name,
        stack=stack,
        template=template,
        parameters=values,
        summaries=summaries,
        expected=resources_created(template, values, pseudo),
        deployed=deployed,
        workarounds=workarounds,
        sent_as=sent_as,
    )


def moto_supported_types() -> set[str]:
    """The resource types moto's CloudFormation can create."""
    from moto.cloudformation.parsing import get_model_map

    return set(get_model_map())
