"""Running the built `synth` as a user would, inside a time and memory budget,
and reading templates the way CloudFormation's own tools do (PyYAML with the
short-form tags, and cfn-lint's reader) to compare what two templates mean."""
from __future__ import annotations

import datetime
import os
import re
import resource
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cfnlint.decode import decode_str

from deploy.cfn_template import load_template_text

ROOT = Path(__file__).resolve().parents[2]
SYNTH = Path(os.environ.get("SWIFT_BIN_PATH", ROOT / ".build/debug")) / "synth"
CORPUS = Path(os.environ.get("CFN_LINT_CORPUS", ROOT.parent / "shared/corpus/cfn-lint"))

MEMORY_LIMIT = 256 << 20
TIME_LIMIT = 5.0


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: str


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def synth(*arguments: str, timeout: float = TIME_LIMIT, limit_memory: bool = True) -> Run:
    """`synth ARGUMENTS`, killed after `timeout` seconds, its address space capped."""
    result = subprocess.run(
        [str(SYNTH), *arguments],
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit_memory if limit_memory else None,
        stdin=subprocess.DEVNULL,
    )
    return Run(result.returncode, result.stdout, result.stderr.decode("utf-8", "replace"))


# PyYAML's timestamp pattern: CloudFormation has no timestamp type, so a
# timestamp means its text, whether a reader made it a date or kept a string.
_TIMESTAMP = re.compile(
    r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$"
)


def meaning(value: Any, key: str | None = None) -> Any:
    """A template value in plain Python types, with the spellings that mean
    the same thing to CloudFormation made one: a timestamp and its text, a
    `DependsOn` or `Transform` of one name and a list of it, an empty `Fn::GetAZs` and '',
    `Fn::GetAtt` of `Resource.Attribute` and of the two names."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return ("timestamp", value.isoformat())
    if isinstance(value, str):
        if _TIMESTAMP.match(value):
            import yaml

            return meaning(yaml.safe_load(value))
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value) if isinstance(value, float) else int(value)
    if isinstance(value, list):
        if key in ("DependsOn", "Transform") and len(value) == 1:
            return meaning(value[0])
        return [meaning(item) for item in value]
    if isinstance(value, dict):
        result = {}
        for entry_key, entry_value in value.items():
            if entry_key == "Fn::GetAZs" and entry_value is None:
                entry_value = ""
            if entry_key == "Fn::GetAtt" and isinstance(entry_value, str):
                entry_value = entry_value.split(".", 1)
            result[meaning(entry_key)] = meaning(entry_value, entry_key if isinstance(entry_key, str) else None)
        return result
    raise TypeError(f"unexpected {type(value).__name__} in a template")


def read_pyyaml(text: str) -> Any:
    """PyYAML's safe loader with CloudFormation's short-form tags."""
    return meaning(load_template_text(text))


def read_cfn_lint(text: str) -> Any:
    """cfn-lint's own reader (YAML, and JSON when YAML fails)."""
    template, matches = decode_str(text)
    assert not matches, [str(match) for match in matches]
    return meaning(template)


def parameter_and_section_spellings(template: Any) -> Any:
    """`meaning`, and the spellings CloudFormation reads alike in sections and
    attributes: a parameter's number or `NoEcho` as text or as a number or
    boolean, `NoEcho: false` and no `NoEcho`, empty `Properties` and none, a
    mapping's numeric key and its text."""
    if not isinstance(template, dict):
        return template
    result = dict(template)
    parameters = {}
    for name, parameter in (template.get("Parameters") or {}).items():
        if isinstance(parameter, dict):
            parameter = dict(parameter)
            for key in ("MinLength", "MaxLength", "MinValue", "MaxValue"):
                if isinstance(parameter.get(key), str):
                    parameter[key] = float(parameter[key])
                if isinstance(parameter.get(key), (int, float)) and not isinstance(parameter.get(key), bool):
                    parameter[key] = float(parameter[key])
            if isinstance(parameter.get("NoEcho"), str):
                parameter["NoEcho"] = parameter["NoEcho"].lower() == "true"
            if parameter.get("NoEcho") is False:
                del parameter["NoEcho"]
        parameters[name] = parameter
    if parameters:
        result["Parameters"] = parameters
    resources = {}
    for name, resource in (template.get("Resources") or {}).items():
        if isinstance(resource, dict) and resource.get("Properties", 0) in ({}, None):
            resource = {key: value for key, value in resource.items() if key != "Properties"}
        resources[name] = resource
    if resources:
        result["Resources"] = resources
    if isinstance(template.get("Mappings"), dict):
        result["Mappings"] = _text_keys(template["Mappings"])
    return result


def _text_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key) if isinstance(key, int) and not isinstance(key, bool) else key: _text_keys(item)
                for key, item in value.items()}
    return value
