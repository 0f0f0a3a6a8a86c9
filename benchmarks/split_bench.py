"""Wall time and peak memory of the scale app written within CloudFormation's
limits: N groups of five resources (5,000 and 50,000 resources) synthesized
with every check and split into a root and nested stacks of at most 500
resources, each file written as `synth --output` writes it; beside it, in the
same run, the same N written as one template past the limits (the figure
RESULTS.md compares with troposphere and the CDK, which write one template at
any size and do not split). Release build, statically linked; median of 5
runs after a warm-up, process start included.

    .venv/bin/python benchmarks/split_bench.py        # writes benchmarks/RESULTS-split.md

The section of RESULTS-split.md headed "Earlier measurements" is written by
hand (figures of earlier runs, to compare) and kept as it is.
"""
from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import median_of, release_bin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GROUPS = (1_000, 10_000)
EARLIER_HEADING = "## Earlier measurements"


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    scale = release_bin(products=("scale-synth",)) / "scale-synth"
    load = load_average()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for groups in GROUPS:
            output = Path(folder) / str(groups)
            split_wall, split_peak = median_of([str(scale), str(groups), "--split", str(output)])
            files = sorted(output.iterdir())
            one_wall, one_peak = median_of([str(scale), str(groups)])
            rows.append((groups, split_wall, split_peak, len(files) - 1, one_wall, one_peak))
    load_at_end = load_average()
    lines = [
        "# Past the limits: nested stacks",
        "",
        f"Written by `benchmarks/split_bench.py`. Machine: {platform.machine()}, {os.cpu_count()} cores. "
        "Release build, statically linked; median wall time and peak RSS of 5 runs after a warm-up, process start "
        f"included. Load average (1, 5, 15 minutes) when it started: {load}; when it ended: {load_at_end}.",
        "",
        "| groups | resources | split: wall | split: peak RSS | nested stacks | one template: wall | one template: peak RSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for groups, split_wall, split_peak, parts, one_wall, one_peak in rows:
        lines.append(f"| {groups:,} | {groups * 5:,} | {split_wall * 1000:.0f} ms | {split_peak:.0f} MiB | {parts} "
                     f"| {one_wall * 1000:.0f} ms | {one_peak:.0f} MiB |")
    lines += ["", "The split runs every check `synth` runs, the security rule pack included (every rule at warning "
                  "level); the one template, as RESULTS.md measures it, runs the AWS checks without the rule pack.",
              "", "troposphere and the CDK write one template at any size and do not split: their figures at "
                  "N = 1,000 are in RESULTS.md; at N = 10,000 they were not run here."]
    results = ROOT / "benchmarks/RESULTS-split.md"
    earlier = results.read_text().partition(EARLIER_HEADING)[2] if results.exists() else ""
    if earlier:
        lines += ["", EARLIER_HEADING + earlier.rstrip("\n")]
    text = "\n".join(lines) + "\n"
    results.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
