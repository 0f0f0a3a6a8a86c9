"""Instructions (callgrind) that two `synth` executables execute to read and
check one template: `synth fmt` (read and write) and `synth validate` (read,
then every check, reference collection included) on the largest generated
template, the two largest templates of the cfn-lint corpus (one YAML, one
JSON, both with intrinsics of every kind) and a 5,000-resource template.
Instruction counts do not depend on the machine's load.

    .venv/bin/python benchmarks/reader_cost.py BEFORE_SYNTH AFTER_SYNTH
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from diff_scale import template  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def instructions(command: list[str]) -> int:
    """Instructions one run executes, all threads, by valgrind's callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *command],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def main() -> None:
    before, after = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as folder:
        scale_json = Path(folder) / "scale.json"
        scale_json.write_text(json.dumps(template(5_000, changed=False)))
        short = Path(folder) / "scale-short.yaml"
        short.write_bytes(subprocess.run([after, "fmt", str(scale_json)], capture_output=True, check=True).stdout)
        inputs = {
            "generated/MacieDynamoDBNativeExport.yaml": ROOT / "generated/MacieDynamoDBNativeExport.yaml",
            "corpus quickstart/cis_benchmark.yaml": ROOT / "../shared/corpus/cfn-lint/quickstart/cis_benchmark.yaml",
            "corpus quickstart/vpc.json": ROOT / "../shared/corpus/cfn-lint/quickstart/vpc.json",
            "5,000 resources, YAML short form": short,
            "5,000 resources, JSON": scale_json,
        }
        print("| command | template | before | after | change |")
        print("|---|---|---:|---:|---:|")
        for command in ("fmt", "validate"):
            for name, path in inputs.items():
                counts = [instructions([synth, command, str(path)]) for synth in (before, after)]
                change = (counts[1] - counts[0]) / counts[0] * 100
                print(f"| {command} | {name} | {counts[0]:,} | {counts[1]:,} | {change:+.2f}% |")


if __name__ == "__main__":
    main()
