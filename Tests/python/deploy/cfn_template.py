"""Reading a CloudFormation template, and creating a stack from it and waiting.

Only what the deploy tests need: YAML with the short intrinsic tags, the
conditions a default deployment evaluates (so that a resource whose
``Condition`` is false is not expected), and a bounded wait for a stack.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

# CloudFormation reads a template body up to this size; bigger ones must come
# from S3 (TemplateURL).
MAX_TEMPLATE_BODY_BYTES = 51_200


class _TemplateLoader(yaml.SafeLoader):
    """PyYAML's safe loader plus CloudFormation's short forms (`!Ref`, `!Sub`...)."""


def _intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "Condition":
        return {"Condition": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        resource, _, attribute = value.partition(".")
        value = [resource, attribute]
    return {f"Fn::{tag_suffix}": value}


_TemplateLoader.add_multi_constructor("!", _intrinsic)


def load_template(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as file:
        return yaml.load(file, Loader=_TemplateLoader)  # noqa: S506 - a SafeLoader subclass


def load_template_text(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_TemplateLoader)  # noqa: S506 - a SafeLoader subclass


# -- conditions ---------------------------------------------------------------


def parameter_values(template: dict[str, Any], overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """Each parameter's default (what "keep the default values" deploys), then the overrides."""
    values = {name: spec.get("Default") for name, spec in (template.get("Parameters") or {}).items()}
    values.update(overrides or {})
    missing = sorted(name for name, value in values.items() if value is None)
    if missing:
        raise ValueError(f"parameters without a default need a value: {', '.join(missing)}")
    return values


def evaluate_conditions(
    template: dict[str, Any], parameters: dict[str, Any], pseudo: dict[str, str]
) -> dict[str, bool]:
    """Every condition of the template, evaluated (condition functions only)."""
    conditions = template.get("Conditions") or {}
    results: dict[str, bool] = {}

    def value(node: Any) -> Any:
        if isinstance(node, dict) and len(node) == 1:
            ((function, argument),) = node.items()
            if function == "Ref":
                if argument in parameters:
                    return parameters[argument]
                if argument in pseudo:
                    return pseudo[argument]
                raise ValueError(f"condition refers to {argument!r}, not a parameter or pseudo parameter")
            if function == "Fn::FindInMap":
                mapping, first, second = (value(part) for part in argument)
                return template["Mappings"][mapping][first][second]
            if function == "Fn::Join":
                separator, items = argument
                return separator.join(str(value(item)) for item in value(items))
            if function == "Fn::Select":
                index, items = argument
                return value(items)[int(value(index))]
            if function == "Fn::Split":
                separator, text = argument
                return str(value(text)).split(separator)
            return truth(node)
        if isinstance(node, list):
            return [value(item) for item in node]
        return node

    def truth(node: Any) -> bool:
        if isinstance(node, dict) and len(node) == 1:
            ((function, argument),) = node.items()
            if function == "Condition":
                return condition(argument)
            if function == "Fn::Equals":
                left, right = (value(side) for side in argument)
                return str(left) == str(right)
            if function == "Fn::Not":
                (inner,) = argument
                return not truth(inner)
            if function == "Fn::And":
                return all(truth(inner) for inner in argument)
            if function == "Fn::Or":
                return any(truth(inner) for inner in argument)
            if function == "Fn::Contains":
                items, item = argument
                return str(value(item)) in [str(each) for each in value(items)]
        raise ValueError(f"not a condition function: {node!r}")

    def condition(name: str) -> bool:
        if name not in results:
            results[name] = truth(conditions[name])
        return results[name]

    for name in conditions:
        condition(name)
    return results


def resources_created(
    template: dict[str, Any], parameters: dict[str, Any], pseudo: dict[str, str]
) -> dict[str, str]:
    """Logical ID → type of every resource a deployment creates (its Condition, if any, true)."""
    conditions = evaluate_conditions(template, parameters, pseudo)
    return {
        logical_id: resource["Type"]
        for logical_id, resource in (template.get("Resources") or {}).items()
        if conditions.get(resource.get("Condition"), True)
    }


# -- creating a stack ------------------------------------------------------------


def wait_for_stack(cloudformation: Any, stack_name: str, timeout: float, poll: float = 0.2) -> dict[str, Any]:
    """The stack once it is no longer in progress; TimeoutError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
        if not stack["StackStatus"].endswith("_IN_PROGRESS"):
            return stack
        if time.monotonic() > deadline:
            raise TimeoutError(f"stack {stack_name} still {stack['StackStatus']} after {timeout} s")
        time.sleep(poll)


def failure_report(cloudformation: Any, stack_name: str) -> str:
    """The stack's failed events, newest first, for an assertion message."""
    events = cloudformation.describe_stack_events(StackName=stack_name)["StackEvents"]
    lines = [
        f"{event.get('LogicalResourceId')} ({event.get('ResourceType')}): "
        f"{event.get('ResourceStatus')} {event.get('ResourceStatusReason') or ''}"
        for event in events
        if "FAILED" in (event.get("ResourceStatus") or "") or event.get("ResourceStatusReason")
    ]
    return "\n".join(lines) or "(no failed events)"
