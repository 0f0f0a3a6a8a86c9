"""Wall time and peak memory of the scale app written within CloudFormation's
limits: N groups of five resources (5,000 and 50,000 resources) synthesized
with every check and split into a root and nested stacks of at most 500
resources, each file written as `synth --output` writes it; beside it, in the
same run, the same N written as one template past the limits (the figure
RESULTS.md compares with troposphere and the CDK, which write one template at
any size and do not split). Release build, statically linked; the commands
run in alternation, each once to warm up and then 5 times, so that the
machine's load touches each alike; medians, process start included.

troposphere and the CDK (benchmarks/requirements-bench.txt), where installed,
write the same N groups as one template in the same run: three runs each
after the Swift commands (one, when the first takes over ONE_RUN_ABOVE
seconds), a run cut off after OTHER_TOOL_LIMIT seconds and reported as not
finished. Neither splits: their template is past the limits.

`--baseline PATH` measures an earlier build of scale-synth's split beside
this build's, in the same alternation, and says whether the two wrote the
same files byte for byte: on a machine other work is loading, the ratio of
the two is the figure to read.

    .venv/bin/python benchmarks/split_bench.py [--baseline PATH]   # writes benchmarks/RESULTS-split.md

The section of RESULTS-split.md headed "Earlier measurements" is written by
hand (figures of earlier runs, to compare) and kept as it is.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import PYTHON, have, medians_interleaved, release_bin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GROUPS = (1_000, 10_000)
EARLIER_HEADING = "## Earlier measurements"
OTHER_TOOL_RUNS = 3
OTHER_TOOL_LIMIT = 900
ONE_RUN_ABOVE = 120


def other_tools() -> dict[str, list[str]]:
    """The other tools' commands for N groups, one template each, those installed."""
    tools = {}
    if have("troposphere"):
        tools["troposphere (YAML)"] = [PYTHON, "benchmarks/scale_troposphere.py"]
    if have("aws_cdk") and shutil.which("node"):
        tools["CDK (JSON)"] = [PYTHON, "benchmarks/scale_cdk.py", "--format", "json"]
    return tools


def other_tool_cell(command: list[str], groups: int) -> str:
    """Median wall time and peak RSS of OTHER_TOOL_RUNS runs, or how far it got."""
    runs = []
    for _ in range(OTHER_TOOL_RUNS):
        started = time.perf_counter()
        try:
            result = subprocess.run(["/usr/bin/time", "-f", "%M", *command[:2], str(groups), *command[2:]], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=OTHER_TOOL_LIMIT)
        except subprocess.TimeoutExpired:
            return f"not finished in {OTHER_TOOL_LIMIT} s"
        if result.returncode != 0:
            return "failed: " + (result.stderr.strip().splitlines() or ["no message"])[-1][:80]
        runs.append((time.perf_counter() - started, int(result.stderr.strip().splitlines()[-1]) / 1024))
        if runs[0][0] > ONE_RUN_ABOVE:
            return f"{runs[0][0]:.0f} s, {runs[0][1]:.0f} MiB (one run)"
    wall = statistics.median(run[0] for run in runs)
    return f"{wall:.1f} s, {statistics.median(run[1] for run in runs):.0f} MiB"


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def same_files(first: Path, second: Path) -> bool:
    names = sorted(path.name for path in first.iterdir())
    if names != sorted(path.name for path in second.iterdir()):
        return False
    _, mismatched, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return not mismatched and not errors


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--baseline", type=Path, help="an earlier build's scale-synth, measured beside this one")
    baseline = arguments.parse_args().baseline
    scale = release_bin(products=("scale-synth",)) / "scale-synth"
    load = load_average()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for groups in GROUPS:
            output, earlier_output = Path(folder) / str(groups), Path(folder) / f"{groups}-baseline"
            commands = [[str(scale), str(groups), "--split", str(output)], [str(scale), str(groups)]]
            if baseline:
                commands.append([str(baseline.resolve()), str(groups), "--split", str(earlier_output)])
            medians = medians_interleaved(commands)
            (split_wall, split_peak), (one_wall, one_peak) = medians[:2]
            earlier = (*medians[2], same_files(output, earlier_output)) if baseline else None
            rows.append((groups, split_wall, split_peak, len(list(output.iterdir())) - 1, one_wall, one_peak, earlier))
    tools = other_tools()
    others = {groups: {name: other_tool_cell(command, groups) for name, command in tools.items()} for groups in GROUPS}
    load_at_end = load_average()
    lines = [
        "# Past the limits: nested stacks",
        "",
        f"Written by `benchmarks/split_bench.py`. Machine: {platform.machine()}, {os.cpu_count()} cores. "
        "Release build, statically linked; median wall time and peak RSS of 5 runs after a warm-up, the commands "
        "in alternation, process start included. Load average (1, 5, 15 minutes) when it started: "
        f"{load}; when it ended: {load_at_end}."
        + (f" The earlier build: `{baseline.name}`." if baseline else ""),
        "",
        "| groups | resources | split: wall | split: peak RSS | nested stacks | one template: wall | one template: peak RSS |"
        + (" earlier build, split: wall | peak RSS | same files |" if baseline else ""),
        "|---|---|---|---|---|---|---|" + ("---|---|---|" if baseline else ""),
    ]
    for groups, split_wall, split_peak, parts, one_wall, one_peak, earlier in rows:
        lines.append(f"| {groups:,} | {groups * 5:,} | {split_wall * 1000:.0f} ms | {split_peak:.0f} MiB | {parts} "
                     f"| {one_wall * 1000:.0f} ms | {one_peak:.0f} MiB |"
                     + (f" {earlier[0] * 1000:.0f} ms | {earlier[1]:.0f} MiB | {'yes' if earlier[2] else 'no'} |"
                        if earlier else ""))
    lines += ["", "The split runs every check `synth` runs, the security rule pack included (every rule at warning "
                  "level); the one template, as RESULTS.md measures it, runs the AWS checks without the rule pack.",
              "", "troposphere and the CDK write one template at any size and do not split (the template is past "
                  "CloudFormation's limits, which both lift for this benchmark); in the same run, median of "
                  f"{OTHER_TOOL_RUNS} runs each:"]
    if tools:
        lines += ["", "| groups | resources | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
        for groups in GROUPS:
            lines.append(f"| {groups:,} | {groups * 5:,} | " + " | ".join(others[groups][name] for name in tools) + " |")
    else:
        lines += ["", "(not installed here: pip install -r benchmarks/requirements-bench.txt)"]
    results = ROOT / "benchmarks/RESULTS-split.md"
    earlier = results.read_text().partition(EARLIER_HEADING)[2] if results.exists() else ""
    if earlier:
        lines += ["", EARLIER_HEADING + earlier.rstrip("\n")]
    text = "\n".join(lines) + "\n"
    results.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
