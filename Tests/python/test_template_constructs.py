"""Every construct of the template format, in templates written for this test
(Tests/Fixtures/templates/constructs): `synth fmt` reads each and writes it in
YAML (short and long form) and JSON with the same meaning, by PyYAML with
CloudFormation's tags and by cfn-lint's reader; its output is a fixed point;
and `synth diff` finds no change between a template and its JSON twin."""
from __future__ import annotations

from pathlib import Path

import pytest

from synth_cli import ROOT, read_cfn_lint, read_pyyaml, synth

CONSTRUCTS = sorted((ROOT / "Tests/Fixtures/templates/constructs").iterdir())
FORMS = {"yaml": ["--format", "yaml"], "long-form": ["--long-form"], "json": ["--format", "json"]}


def fmt(path: Path, *options: str) -> str:
    run = synth("fmt", *options, str(path))
    assert run.returncode == 0, run.stderr
    return run.stdout.decode("utf-8")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("template", CONSTRUCTS, ids=lambda path: path.name)
def test_fmt_keeps_the_meaning(template: Path, form: str):
    original = template.read_text(encoding="utf-8")
    written = fmt(template, *FORMS[form])
    assert read_pyyaml(written) == read_pyyaml(original)
    assert read_cfn_lint(written) == read_cfn_lint(original)


@pytest.mark.parametrize("template", CONSTRUCTS, ids=lambda path: path.name)
def test_fmt_of_its_own_output_is_byte_identical(template: Path, tmp_path: Path):
    once = tmp_path / "once.yaml"
    once.write_text(fmt(template), encoding="utf-8")
    assert fmt(once) == once.read_text(encoding="utf-8")
    as_json = tmp_path / "once.json"
    as_json.write_text(fmt(template, "--format", "json"), encoding="utf-8")
    assert fmt(as_json, "--format", "json") == as_json.read_text(encoding="utf-8")


@pytest.mark.parametrize("template", CONSTRUCTS, ids=lambda path: path.name)
def test_diff_of_a_template_and_its_json_twin_is_no_change(template: Path, tmp_path: Path):
    twin = tmp_path / (template.stem + ".twin.json")
    twin.write_text(fmt(template, "--format", "json"), encoding="utf-8")
    run = synth("diff", "--old", str(template), "--new", str(twin), "--colour", "never")
    assert run.returncode == 0, run.stdout.decode() + run.stderr


def test_fmt_says_how_many_comments_it_dropped(tmp_path: Path):
    source = tmp_path / "commented.yaml"
    source.write_text("# a stack\nResources:  # the resources\n  Topic:\n    Type: AWS::SNS::Topic  # one topic\n"
                      "    Properties: {TopicName: 'a # not a comment'}\n")
    run = synth("fmt", str(source))
    assert run.returncode == 0
    assert b"#" in run.stdout and b"a stack" not in run.stdout
    assert run.stderr == f"synth fmt: {source}: 3 comments dropped (libyaml's parser does not report comments)\n"


@pytest.mark.parametrize("template", CONSTRUCTS, ids=lambda path: path.name)
def test_every_construct_template_is_valid(template: Path):
    run = synth("validate", str(template))
    assert run.returncode == 0, run.stderr


def test_a_loop_without_the_language_extensions_is_an_error(tmp_path: Path):
    source = ROOT / "Tests/Fixtures/templates/constructs/language-extensions.yaml"
    without = tmp_path / "without.yaml"
    without.write_text(source.read_text().replace("Transform: AWS::LanguageExtensions\n", ""))
    run = synth("validate", str(without))
    assert run.returncode == 2
    for loop in ["Resources.Fn::ForEach::Topics", "Outputs.Fn::ForEach::TopicArns", "Tags.Fn::ForEach::Tags"]:
        assert any(loop in line and "AWS::LanguageExtensions" in line for line in run.stderr.splitlines()), (loop, run.stderr)
