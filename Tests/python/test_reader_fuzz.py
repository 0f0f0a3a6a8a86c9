"""Random YAML and JSON documents, some template-shaped and some not, fed to
every subcommand that reads a template: each ends with 0, 1 or 2, never a
signal, within the time and memory budget."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from synth_cli import synth

NAMES = ["Resources", "Type", "Properties", "Outputs", "Value", "Parameters", "Conditions", "Mappings", "Rules",
         "Globals", "Metadata", "DependsOn", "Condition", "Transform", "AWS::SNS::Topic", "AWS::S3::Bucket",
         "AWS::IAM::Role", "Custom::X", "Ref", "Fn::GetAtt", "Fn::Join", "Fn::Sub", "Fn::If", "Fn::Select",
         "Fn::FindInMap", "Fn::GetAZs", "Fn::Equals", "Fn::Not", "Fn::ForEach::L", "Fn::Transform", "Fn::Length",
         "DeletionPolicy", "Version", "A", "B", "<<", "Export", "Name"]
TAGS = ["!Ref", "!GetAtt", "!Sub", "!Join", "!If", "!Select", "!Split", "!GetAZs", "!Base64", "!Equals", "!Not",
        "!And", "!Or", "!Condition", "!FindInMap", "!Cidr", "!Contains", "!Nope", "!!str", "!!int", "!!binary"]
SCALARS = st.one_of(
    st.sampled_from(NAMES + ["", "y", "N", "yes", "off", "~", "null", "0x1F", "017", "1:30", ".inf", "2010-09-09",
                             "1e3", "-0", "A.B", "${A}", "${A.B}", "${!A}", "${", "é", "\u2028"]),
    st.text(max_size=12), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=6)), inner, max_size=4),
    ),
    max_leaves=30,
)
TEMPLATES = st.fixed_dictionaries(
    {"Resources": st.dictionaries(st.sampled_from(["A", "B", "C"]), st.fixed_dictionaries(
        {"Type": st.sampled_from(NAMES[14:18])}, optional={"Properties": VALUES, "DependsOn": VALUES, "Condition": VALUES}))},
    optional={"Outputs": VALUES, "Conditions": VALUES, "Parameters": VALUES, "Transform": VALUES, "Rules": VALUES},
)


def tagged_yaml(value, depth=0) -> str:
    """Flow YAML with a short-form tag here and there."""
    if isinstance(value, dict):
        body = "{" + ", ".join(f"{json.dumps(str(k))}: {tagged_yaml(v, depth + 1)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        body = "[" + ", ".join(tagged_yaml(item, depth + 1) for item in value) + "]"
    else:
        body = json.dumps(value)
    return (TAGS[depth % len(TAGS)] + " " + body) if depth % 3 == 2 else body


DOCUMENTS = st.one_of(
    TEMPLATES.map(json.dumps),
    TEMPLATES.map(lambda t: yaml.safe_dump(t, allow_unicode=True)),
    TEMPLATES.map(tagged_yaml),
    VALUES.map(json.dumps),
    st.lists(st.sampled_from(["Resources:", "  A:", "    Type: X", "  - ", "!Ref", "&a", "*a", "<<:", "? ", "{", "}",
                              "[", "]", ",", ": ", "'", '"', "#", "|", ">", "%YAML 1.1", "---", "...", "\t"]),
             max_size=20).map(lambda parts: "\n".join(parts)),
    st.text(max_size=80),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=DOCUMENTS)
def test_every_reading_command_ends_with_0_1_or_2(document: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_text(document, encoding="utf-8", errors="surrogatepass")
        for arguments in (["fmt", str(path)], ["fmt", "--format", "json", str(path)], ["validate", str(path)],
                          ["graph", "--template", str(path)], ["diff", "--old", str(path), "--new", str(path)]):
            run = synth(*arguments)
            assert run.returncode in (0, 1, 2), (arguments, document, run.stderr[-1500:])
            if run.returncode == 2:
                assert run.stderr, arguments
