"""The real templates of cfn-lint's own test suite (../shared/corpus/cfn-lint,
good and bad): `synth fmt` reads every one without a crash, refuses none that
cfn-lint accepts (reports no error for), and writes each it accepts with the
meaning PyYAML (with CloudFormation's tags) reads in the original."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import yaml

from synth_cli import CORPUS, parameter_and_section_spellings, read_pyyaml, synth

TEMPLATES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".yaml", ".yml", ".json")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not TEMPLATES, reason="the shared cfn-lint corpus is not beside the repository")


@pytest.fixture(scope="module")
def rejected_by_cfn_lint() -> set[Path]:
    """The templates for which cfn-lint reports an error (one run over all of them)."""
    run = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), "--format", "parseable", "--", *map(str, TEMPLATES)],
        capture_output=True, text=True, timeout=600,
    )
    rejected = set()
    for line in run.stdout.splitlines():
        parts = line.split(":")
        if len(parts) > 5 and parts[5].startswith("E"):
            rejected.add(Path(parts[0]).resolve())
    return rejected


def test_the_corpus_is_there():
    assert len(TEMPLATES) >= 200


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_read_without_a_crash_and_accepted_where_cfn_lint_accepts(template: Path, rejected_by_cfn_lint: set[Path]):
    run = synth("fmt", str(template))
    assert run.returncode in (0, 2), run.stderr[-2000:]
    if run.returncode == 2:
        assert run.stdout == b"" and str(template) in run.stderr
        assert template.resolve() in rejected_by_cfn_lint, run.stderr


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_fmt_keeps_the_meaning_of_every_template_it_accepts(template: Path):
    run = synth("fmt", str(template))
    if run.returncode != 0:
        return
    try:
        original = read_pyyaml(template.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        # JSON with tabs, which PyYAML does not read (libyaml does).
        original = read_pyyaml(json_as_yaml(template))
    written = read_pyyaml(run.stdout.decode("utf-8"))
    assert parameter_and_section_spellings(written) == parameter_and_section_spellings(original)


def json_as_yaml(template: Path) -> str:
    import json

    return json.dumps(json.loads(template.read_text(encoding="utf-8")))
