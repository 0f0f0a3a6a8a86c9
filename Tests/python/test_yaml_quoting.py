"""Reads the project's YAML back with readers written elsewhere.

PyYAML resolves plain scalars by YAML 1.1 (the rules cfn-lint and CloudFormation
follow); ruamel.yaml by YAML 1.2. Every string the emitter writes must come back
from both as that same string.
"""
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
CORPUS = json.loads((ROOT / "Tests/Fixtures/quoting-corpus.json").read_text())
EMITTER = Path(os.environ.get("YAML_CORPUS_BIN", ROOT / ".build/debug/yaml-corpus"))


def emit(strings):
    result = subprocess.run(
        [str(EMITTER)], input=json.dumps(strings).encode(), capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def read_yaml_1_1(text):
    return yaml.safe_load(text)


def read_yaml_1_2(text):
    return YAML(typ="safe", pure=True).load(text)


@pytest.fixture(scope="module")
def corpus_document():
    return emit([row["text"] for row in CORPUS])


@pytest.mark.parametrize("reader", [read_yaml_1_1, read_yaml_1_2], ids=["yaml-1.1-pyyaml", "yaml-1.2-ruamel"])
def test_every_corpus_string_reads_back_unchanged(corpus_document, reader):
    values = reader(corpus_document)
    expected = [row["text"] for row in CORPUS]
    assert len(values) == len(expected)
    mismatches = [(want, got) for want, got in zip(expected, values) if want != got]
    assert mismatches == []


def test_corpus_styles_match_the_table(corpus_document):
    """The first character of each item shows the style the emitter chose."""
    events = [e for e in yaml.parse(corpus_document) if isinstance(e, yaml.ScalarEvent)]
    styles = {None: "plain", "'": "quoted", '"': "quoted", "|": "literal"}
    for row, event in zip(CORPUS, events):
        assert styles[event.style] == row["style"], row["text"]


FRAGMENTS = list("-?:,[]{}#&*!|>'\"%@` \t\n\r.+~=<0123456789eEoxbyYnN_") + [
    "yes", "No", "null", "true", "0x", "0o", ".inf", ".NaN", "2010-09-09", ": ", " #", "---", "...",
    "\u2028", "\u0085", "\ufeff", "\x00", "\x07", "é", "☃", "名",
]
# Strings glued from fragments that YAML treats specially, and arbitrary characters.
adversarial = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.characters(codec="utf-8", exclude_categories=["Cs"])),
    max_size=12,
).map("".join)


@settings(max_examples=50, deadline=None)
@given(st.lists(adversarial, min_size=1, max_size=200))
def test_adversarial_strings_read_back_unchanged_by_both_readers(strings):
    document = emit(strings)
    assert read_yaml_1_1(document) == strings
    assert read_yaml_1_2(document) == strings
