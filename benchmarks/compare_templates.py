"""Do two CloudFormation templates describe the same resources?

    python benchmarks/compare_templates.py A B [--deep]

Reads two templates, each YAML (short-form tags such as `!Ref`, `!GetAtt`, `!Sub`
allowed) or JSON, and compares what each resource is, not how it is spelled:

  - the logical IDs in Resources, and the names declared in Parameters,
    Conditions, Mappings, Rules and Outputs;
  - for each resource: its Type, its resource attributes other than Metadata
    (DependsOn, DeletionPolicy, UpdateReplacePolicy, Condition, ...), its sorted
    top-level property names, and the set of logical IDs it references (through
    `Ref`, `Fn::GetAtt`, `Fn::Sub` variables, `Condition` and `DependsOn`;
    pseudo parameters such as `AWS::Region` are not logical IDs);
  - with `--deep`, also the set of nested property paths
    (`PolicyDocument.Statement[].Action`), each path stopping at an intrinsic
    function.

Intrinsic functions are normalized first: short form and long form (`!Ref X` and
`{"Ref": "X"}`), `Fn::GetAtt` as a list or as a dotted string. Values are not
compared, so `Fn::Sub` and an `Fn::Join` of the same pieces count as the same,
and so do a one-item list and a bare string.

Exit status: 0 when both describe the same resources, 1 with the differences
printed otherwise, 2 when a file cannot be read.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SECTIONS = ("Parameters", "Conditions", "Mappings", "Rules", "Outputs")
IGNORED_ATTRIBUTES = {"Type", "Properties", "Metadata"}
SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


# Reading ---------------------------------------------------------------------

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CloudFormationLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that reads CloudFormation's short-form tags as the long form."""


def _construct_intrinsic(loader: yaml.Loader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = suffix.lstrip("!")
    key = name if name in ("Ref", "Condition") else f"Fn::{name}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if name == "GetAtt":
            value = str(value).split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {key: value}


CloudFormationLoader.add_multi_constructor("!", _construct_intrinsic)


def load_template(path: str | Path) -> dict[str, Any]:
    """A template as plain data, intrinsic functions in their long form."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except ValueError:
        document = yaml.load(text, Loader=CloudFormationLoader)  # noqa: S506 (a safe loader)
    if not isinstance(document, dict):
        raise ValueError(f"{path}: not a template (the top level is not a mapping)")
    return normalize(document)


def normalize(value: Any) -> Any:
    """Long-form intrinsics, `Fn::GetAtt` as a [logical ID, attribute] list."""
    if isinstance(value, dict):
        if len(value) == 1 and "Fn::GetAtt" in value and isinstance(value["Fn::GetAtt"], str):
            return {"Fn::GetAtt": value["Fn::GetAtt"].split(".", 1)}
        return {key: normalize(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalize(item) for item in value]
    return value


# Describing ------------------------------------------------------------------

@dataclass(frozen=True)
class ResourceDescription:
    type: str
    properties: tuple[str, ...]
    references: frozenset[str]
    attributes: tuple[str, ...] = ()
    paths: frozenset[str] = field(default=frozenset(), compare=False)


def _is_intrinsic(value: Any) -> bool:
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key == "Ref" or key.startswith("Fn::") or (key == "Condition" and isinstance(value[key], str))


def _sub_references(text: str, local: set[str]) -> set[str]:
    found = set()
    for variable in SUB_VARIABLE.findall(text):
        variable = variable.strip()
        if variable.startswith("!"):
            continue  # ${!Literal} is text, not a reference
        name = variable.split(".", 1)[0]
        if name and name not in local and not name.startswith("AWS::"):
            found.add(name)
    return found


def references(value: Any) -> set[str]:
    """The logical IDs that `value` names through intrinsic functions."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if len(item) == 1:
                (key, argument), = item.items()
                if key == "Ref" and isinstance(argument, str):
                    if not argument.startswith("AWS::"):
                        found.add(argument)
                    continue
                if key == "Condition" and isinstance(argument, str):
                    found.add(argument)
                    continue
                if key == "Fn::GetAtt" and isinstance(argument, list) and argument:
                    if isinstance(argument[0], str):
                        found.add(argument[0])
                    stack.extend(argument[1:])
                    continue
                if key == "Fn::Sub":
                    if isinstance(argument, str):
                        found |= _sub_references(argument, set())
                    elif isinstance(argument, list) and argument:
                        variables = argument[1] if len(argument) > 1 and isinstance(argument[1], dict) else {}
                        if isinstance(argument[0], str):
                            found |= _sub_references(argument[0], set(variables))
                        stack.extend(variables.values())
                    continue
            stack.extend(item.values())
    return found


def property_paths(value: Any, prefix: str = "") -> set[str]:
    """Every nested key path; a path ends at an intrinsic function or a scalar."""
    paths: set[str] = set()
    if _is_intrinsic(value):
        return paths
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            paths.add(path)
            paths |= property_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= property_paths(item, f"{prefix}[]")
    return paths


def describe_resource(resource: Any) -> ResourceDescription:
    if not isinstance(resource, dict):
        return ResourceDescription(type=f"<not a mapping: {type(resource).__name__}>", properties=(),
                                   references=frozenset())
    properties = resource.get("Properties") or {}
    if not isinstance(properties, dict):
        properties = {}
    found = references(properties)
    depends_on = resource.get("DependsOn")
    if isinstance(depends_on, str):
        found.add(depends_on)
    elif isinstance(depends_on, list):
        found |= {item for item in depends_on if isinstance(item, str)}
    if isinstance(resource.get("Condition"), str):
        found.add(resource["Condition"])
    return ResourceDescription(
        type=str(resource.get("Type")),
        properties=tuple(sorted(properties)),
        references=frozenset(found),
        attributes=tuple(sorted(key for key in resource if key not in IGNORED_ATTRIBUTES)),
        paths=frozenset(property_paths(properties)),
    )


def describe(template: dict[str, Any]) -> dict[str, ResourceDescription]:
    """Logical ID → what the resource is, for every resource of `template`."""
    resources = template.get("Resources") or {}
    return {logical_id: describe_resource(resource) for logical_id, resource in resources.items()}


# Comparing -------------------------------------------------------------------

def _names(items: set[str] | frozenset[str] | tuple[str, ...]) -> str:
    return ", ".join(sorted(items)) or "(none)"


def compare(a: dict[str, Any], b: dict[str, Any], deep: bool = False,
            names: tuple[str, str] = ("A", "B")) -> list[str]:
    """The differences between two templates, one line each; empty when none."""
    first, second = names
    differences: list[str] = []
    for section in SECTIONS:
        in_a = set((a.get(section) or {}).keys())
        in_b = set((b.get(section) or {}).keys())
        if in_a - in_b:
            differences.append(f"{section} only in {first}: {_names(in_a - in_b)}")
        if in_b - in_a:
            differences.append(f"{section} only in {second}: {_names(in_b - in_a)}")

    described_a, described_b = describe(a), describe(b)
    for logical_id in sorted(described_a.keys() - described_b.keys()):
        differences.append(f"resource only in {first}: {logical_id} ({described_a[logical_id].type})")
    for logical_id in sorted(described_b.keys() - described_a.keys()):
        differences.append(f"resource only in {second}: {logical_id} ({described_b[logical_id].type})")
    for logical_id in sorted(described_a.keys() & described_b.keys()):
        differences += compare_resource(logical_id, described_a[logical_id], described_b[logical_id], deep, names)
    return differences


def compare_resource(logical_id: str, a: ResourceDescription, b: ResourceDescription, deep: bool,
                     names: tuple[str, str]) -> list[str]:
    first, second = names
    lines = []
    if a.type != b.type:
        lines.append(f"{logical_id}: type {a.type} in {first}, {b.type} in {second}")
    for label, in_a, in_b in (
        ("properties", set(a.properties), set(b.properties)),
        ("attributes", set(a.attributes), set(b.attributes)),
        ("references", set(a.references), set(b.references)),
        *((("property paths", set(a.paths), set(b.paths)),) if deep else ()),
    ):
        if in_a - in_b:
            lines.append(f"{logical_id}: {label} only in {first}: {_names(in_a - in_b)}")
        if in_b - in_a:
            lines.append(f"{logical_id}: {label} only in {second}: {_names(in_b - in_a)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="a template, YAML or JSON")
    parser.add_argument("b", help="another template, YAML or JSON")
    parser.add_argument("--deep", action="store_true", help="also compare nested property paths")
    args = parser.parse_args(argv)
    try:
        a, b = load_template(args.a), load_template(args.b)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"compare_templates: {error}", file=sys.stderr)
        return 2
    differences = compare(a, b, deep=args.deep, names=(args.a, args.b))
    if differences:
        print("\n".join(differences))
        print(f"{len(differences)} difference(s) between {args.a} and {args.b}")
        return 1
    print(f"same resources: {len(describe(a))} in each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
