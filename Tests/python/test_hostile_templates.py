"""Templates built to hurt the reader: nesting deeper than any template in each
kind of node and inside each intrinsic function, alias bombs, huge scalars,
bytes that are not UTF-8, binary garbage, a folder, a missing file. Every
subcommand that reads a template refuses each with exit 2, the file and the
position on standard error, nothing on standard output, within 5 s and a
256 MiB address space. Nesting just inside the limit is read by every
subcommand, the code that walks the values included, without a crash."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from synth_cli import synth

DEPTH_LIMIT = 128
TOO_DEEP = 10_000
SIZE_LIMIT = 16 << 20

VALID = "Resources:\n  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n"


def in_metadata(value: str) -> str:
    return "Resources: {Handle: {Type: AWS::CloudFormation::WaitConditionHandle, Metadata: {Deep: " + value + "}}}\n"


def in_property(value: str) -> str:
    return "Resources: {Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: " + value + "}}}\n"


# Each builds a value nested `depth` levels (one or two YAML collections a level).
NESTINGS = {
    "flow-sequence": lambda d: in_metadata("[" * d + "x" + "]" * d),
    "flow-mapping": lambda d: in_metadata("{a: " * d + "x" + "}" * d),
    "block-mapping": lambda d: "Resources:\n  H:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n"
    + "".join("  " * (i + 3) + "k:\n" for i in range(d)) + "  " * (d + 3) + "x\n",
    "block-sequence": lambda d: "Resources:\n  H:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n      D:\n"
    + "".join("  " * (i + 3) + "-\n" for i in range(d)) + "  " * (d + 3) + "x\n",
    "json": lambda d: '{"Resources": {"H": {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": '
    + '{"a": [' * d + "1" + "]}" * d + "}}}\n",
    "Join": lambda d: in_property("!Join ['', [" * d + "x" + "]]" * d),
    "Fn::Join": lambda d: in_property('{"Fn::Join": ["", [' * d + "x" + "]]}" * d),
    "Select": lambda d: in_property("!Select [0, [" * d + "x" + "]]" * d),
    "If": lambda d: in_property("!If [C, " * d + "x" + ", y]" * d),
    "Base64": lambda d: in_property('{"Fn::Base64": ' * d + "x" + "}" * d),
    "Sub": lambda d: in_property("!Sub ['${A}', {A: " * d + "x" + "}]" * d),
    "Not": lambda d: "Conditions: {C: " + "!Not [" * d + "!Equals [a, b]" + "]" * d + "}\n" + VALID,
    "And": lambda d: "Conditions: {C: " + "!And [!Equals [a, b], " * d + "!Equals [a, b]" + "]" * d + "}\n" + VALID,
    "Or": lambda d: "Conditions: {C: " + "{Fn::Or: [{Condition: D}, " * d + "!Equals [a, b]" + "]}" * d + "}\n" + VALID,
    "Equals": lambda d: "Conditions: {C: " + "!Equals [a, " * d + "b" + "]" * d + "}\n" + VALID,
    "FindInMap": lambda d: in_property("!FindInMap [M, a, " * d + "b" + "]" * d),
    "GetAZs": lambda d: in_property("!Select [0, " + '{"Fn::GetAZs": ' * d + "x" + "}" * d + "]"),
    "ImportValue": lambda d: in_property('{"Fn::ImportValue": ' * d + "x" + "}" * d),
    "Split": lambda d: in_property("!Select [0, " + "!Split [',', " * d + "x" + "]" * d + "]"),
    "Cidr": lambda d: in_property("!Cidr [" * d + "x" + ", 1, 2]" * d),
    "ToJsonString": lambda d: "Transform: AWS::LanguageExtensions\n" + in_property('{"Fn::ToJsonString": ' * d + "x" + "}" * d),
    "Length": lambda d: "Transform: AWS::LanguageExtensions\n" + in_property('{"Fn::Length": [' * d + "x" + "]}" * d),
    "Transform": lambda d: in_property('{"Fn::Transform": {"Name": "M", "Parameters": {"P": ' * d + "x" + "}}}" * d),
    "Output": lambda d: VALID + "Outputs: {O: {Value: " + "!Join ['', [" * d + "x" + "]]" * d + "}}\n",
}

ALIAS_BOMB = "\n".join(
    [
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)),
        "Resources: {H: {Type: AWS::CloudFormation::WaitConditionHandle, Metadata: *i}}",
    ]
)

HOSTILE = {
    **{f"deep-{name}": (lambda build=build: build(TOO_DEEP).encode()) for name, build in NESTINGS.items()},
    "alias-bomb": lambda: ALIAS_BOMB.encode(),
    "alias-in-resources": lambda: (VALID + "  Copy: &h {Type: AWS::SNS::Topic}\n  Again: *h\n").encode(),
    "merge-key": lambda: b"Resources:\n  H:\n    <<: {Type: AWS::SNS::Topic}\n",
    "huge-scalar": lambda: b"Description: " + b"x" * SIZE_LIMIT + b"\n" + VALID.encode(),
    "huge-quoted-scalar": lambda: b'Description: "' + b"\\u0041" * (SIZE_LIMIT // 6 + 1) + b'"\n',
    "many-nodes": lambda: b"Metadata: [" + b"0," * 1_000_001 + b"0]\n",
    "invalid-utf8-lone-continuation": lambda: VALID.encode() + b"Description: caf\x80\n",
    "invalid-utf8-overlong": lambda: b"Description: \xc0\xaf\n" + VALID.encode(),
    "invalid-utf8-surrogate": lambda: VALID.encode() + b"    Metadata: {a: \xed\xa0\x80}\n",
    "invalid-utf8-truncated": lambda: VALID.encode() + b"Description: \xe2\x82",
    "latin-1": lambda: "Description: café\n".encode("latin-1") + VALID.encode(),
    "utf-16": lambda: ("\ufeff" + VALID).encode("utf-16-le"),
    "nul-bytes": lambda: VALID.encode() + b"Description: a\x00b\n",
    "binary-garbage": lambda: random.Random(16).randbytes(4096),
    "executable": lambda: Path("/bin/sh").resolve().read_bytes()[:65536],
    "two-documents": lambda: (VALID + "---\n" + VALID).encode(),
    "unclosed-flow": lambda: b"Resources: {H: {Type: [" + b"[" * 50,
}

FILE_PROBLEMS = {"missing-file": "no such file", "folder": "is a folder"}


def commands(path: str) -> dict[str, list[str]]:
    return {
        "fmt": ["fmt", path],
        "fmt-json": ["fmt", "--format", "json", path],
        "validate": ["validate", path],
        "graph": ["graph", "--template", path],
        "diff-old": ["diff", "--old", path, "--new", path],
    }


def assert_refused(arguments: list[str], path: str, position: bool):
    run = synth(*arguments)
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])
    assert run.stdout == b""
    first = run.stderr.splitlines()[0]
    if position:
        assert first.startswith(f"{path}:"), first
        line, column = first[len(path) + 1 :].split(":")[:2]
        assert int(line) >= 1 and int(column) >= 1, first
    else:
        assert first.startswith(f"{path}: error:"), first


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for name, build in HOSTILE.items():
        files[name] = folder / f"{name}.yaml"
        files[name].write_bytes(build())
    return files


@pytest.mark.parametrize("command", list(commands("")))
@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_template_is_refused_with_its_position(hostile_files, case: str, command: str):
    path = str(hostile_files[case])
    assert_refused(commands(path)[command], path, position=True)


@pytest.mark.parametrize("command", list(commands("")))
@pytest.mark.parametrize("case", FILE_PROBLEMS)
def test_what_is_not_a_file_is_refused_by_name(tmp_path: Path, case: str, command: str):
    path = str(tmp_path / "absent.yaml") if case == "missing-file" else str(tmp_path)
    assert_refused(commands(path)[command], path, position=False)
    assert FILE_PROBLEMS[case] in synth(*commands(path)[command]).stderr


def test_the_new_side_of_a_diff_is_checked_as_well(hostile_files, tmp_path: Path):
    valid = tmp_path / "valid.yaml"
    valid.write_text(VALID)
    path = str(hostile_files["alias-bomb"])
    run = synth("diff", "--old", str(valid), "--new", path)
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.startswith(path + ":")


@pytest.mark.parametrize("command", ["fmt", "fmt-json", "validate", "graph", "diff-old"])
@pytest.mark.parametrize("kind", NESTINGS)
def test_nesting_just_inside_the_limit_is_read_by_every_command(tmp_path: Path, kind: str, command: str):
    """Every subcommand walks the values (rendering, validation, the graph, the
    diff): nothing may crash at the deepest nesting the reader allows. Each
    builder nests one or two collections a level, so the depth is found by
    trying: the deepest that `fmt` accepts."""
    low, high = 1, DEPTH_LIMIT
    path = tmp_path / "deep.yaml"
    while low < high:
        middle = (low + high + 1) // 2
        path.write_text(NESTINGS[kind](middle))
        if synth("fmt", str(path)).returncode == 0:
            low = middle
        else:
            high = middle - 1
    path.write_text(NESTINGS[kind](low))
    assert synth("fmt", str(path)).returncode == 0
    path.with_name("deeper.yaml").write_text(NESTINGS[kind](low + 1))
    assert "nesting deeper than" in synth("fmt", str(path.with_name("deeper.yaml"))).stderr
    other = tmp_path / "other.yaml"
    other.write_text(NESTINGS[kind](low).replace("x", "z"))
    arguments = commands(str(path))[command]
    if command == "diff-old":
        arguments = ["diff", "--old", str(path), "--new", str(other)]
    run = synth(*arguments)
    assert run.returncode in (0, 1, 2), run.stderr[-2000:]
    assert "Fatal error" not in run.stderr
    if command in ("fmt", "fmt-json", "graph"):
        assert run.returncode == 0, run.stderr[-2000:]
