"""Plain scalars that YAML 1.1 and YAML 1.2 read differently: `synth fmt`
must keep the value CloudFormation's own tools read (PyYAML's YAML 1.1 rules,
as the AWS CLI, SAM and cfn-lint use them), checked in its JSON output, where
no further resolution happens. A value no template can hold (an infinite
number, an integer beyond 64 bits) is refused at its position."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML

from synth_cli import meaning, read_cfn_lint, synth

KEYWORDS = [
    spelling
    for word in ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
    for spelling in {word, word.capitalize(), word.upper()}
] + ["~", "", "Nope", "NULL", "nUll", "TrUe"]
NUMBERS = [
    "0", "-0", "+0", "00", "007", "017", "08", "019", "0o17", "0O17", "0x1F", "0X1F", "0x_1F", "0b101", "0B101", "0b",
    "1_000", "1__0", "_1", "1_", "+12", "-12", "1:30", "-1:30", "1:60", "1:30:59", "190:20:30", "1:30.5", "1:3a",
    "1e3", "1E3", "1e+3", "1.0e3", "1.0e+3", "1.0E-3", "1.5e03", ".5", "-.5", "+.5", ".5e+1", "-.5e+1", "1.", "-1.",
    "1._5", "1.0", "0.1", "1_000.5", "3.14159", "1.7976931348623157e+308", "012345678901", "9223372036854775807",
    "-9223372036854775808", "0x7FFFFFFFFFFFFFFF", ".", "..", "1.2.3", "+", "+.", ":30",
]
TIMESTAMPS = ["2010-09-09", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14", "2010-9-9"]
REFUSED = [".inf", "-.Inf", "+.INF", ".NaN", ".NAN", "99999999999999999999", "1.0e+400", "0x1FFFFFFFFFFFFFFFF"]


def yaml_1_1(text: str):
    return yaml.safe_load(f"v: {text}")["v"]


def yaml_1_2(text: str):
    return YAML(typ="safe", pure=True).load(f"v: {text}")["v"]


def disagree(text: str) -> bool:
    one, two = meaning(yaml_1_1(text)), meaning(yaml_1_2(text))
    return type(one) is not type(two) or one != two


CANDIDATES = [text for text in KEYWORDS + NUMBERS + TIMESTAMPS if text not in REFUSED]
DISAGREEING = [text for text in CANDIDATES if disagree(text)]


def test_the_table_holds_the_scalars_the_two_versions_read_differently():
    for text in ["yes", "off", "017", "0o17", "1:30", "1e3", "012345678901"]:
        assert text in DISAGREEING
    assert len(DISAGREEING) >= 25


@pytest.mark.parametrize("text", ["y", "Y", "n", "N"])
def test_y_and_n_are_strings_to_both_versions(text: str):
    assert yaml_1_1(text) == yaml_1_2(text) == text


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict:
    """One template holding every candidate, as `synth fmt --format json` writes it."""
    folder = tmp_path_factory.mktemp("scalars")
    lines = ["Resources:", "  Handle:", "    Type: AWS::CloudFormation::WaitConditionHandle", "    Metadata:"]
    lines += [f"      K{index}: {text}" for index, text in enumerate(CANDIDATES)]
    source = folder / "scalars.yaml"
    source.write_text("\n".join(lines) + "\n")
    run = synth("fmt", "--format", "json", str(source))
    assert run.returncode == 0, run.stderr
    metadata = json.loads(run.stdout)["Resources"]["Handle"]["Metadata"]
    original = read_cfn_lint(source.read_text())["Resources"]["Handle"]["Metadata"]
    return {"json": metadata, "cfn-lint": original}


@pytest.mark.parametrize("text", DISAGREEING + [text for text in CANDIDATES if text not in DISAGREEING])
def test_a_plain_scalar_keeps_the_value_yaml_1_1_gives_it(written, text: str):
    key = f"K{CANDIDATES.index(text)}"
    expected = meaning(yaml_1_1(text))
    got = meaning(written["json"].get(key))
    if isinstance(expected, tuple):  # a timestamp: CloudFormation reads its text
        assert got == meaning(text)
    else:
        assert type(got) is type(expected) and (got == expected or math.isclose(got, expected)), (text, got, expected)
    assert written["cfn-lint"][key] == expected


@pytest.mark.parametrize("text", REFUSED)
def test_a_number_no_template_can_hold_is_refused_at_its_position(tmp_path: Path, text: str):
    source = tmp_path / "number.yaml"
    source.write_text(f"Resources:\n  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata: {{N: {text}}}\n")
    run = synth("fmt", str(source))
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.startswith(f"{source}:4:"), run.stderr
    assert "quote it" in run.stderr
