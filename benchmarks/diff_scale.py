"""Wall time, CPU time and peak memory of `synth diff --old --new` on
templates of 5,000 and 50,000 resources, side by side (release build, median
of 5 runs after a warm-up, process start included). On a shared machine the
wall time depends on the load (printed with the results); the CPU time (user
and system, the best of the runs) much less.

The two templates differ the way a real change does, in proportion to their
size: one resource in a hundred has a changed property, one in a thousand is
replaced (a create-only property), removed or added; every resource
references another, so the replacement cascade has edges to follow.

    .venv/bin/python benchmarks/diff_scale.py          # writes benchmarks/RESULTS-diff.md
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import RUNS, release_bin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = (5_000, 50_000)


def template(count: int, changed: bool) -> dict:
    """`count` queues and topics; the changed version edits, replaces, removes and adds some."""
    resources = {}
    for index in range(count):
        name = f"Queue{index:05d}"
        properties = {"QueueName": f"queue-{index}", "KmsMasterKeyId": {"Ref": f"Queue{(index + 1) % count:05d}"}}
        if changed and index % 100 == 1:
            properties["DelaySeconds"] = 5
        if changed and index % 1000 == 2:
            properties["QueueName"] = f"queue-{index}-renamed"
        if changed and index % 1000 == 3:
            continue
        resources[name] = {"Type": "AWS::SQS::Queue", "Properties": properties}
    if changed:
        for index in range(count // 1000):
            resources[f"Added{index:05d}"] = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": f"added-{index}"}}
    for resource in resources.values():
        key = resource["Properties"].get("KmsMasterKeyId")
        if key is not None and key["Ref"] not in resources:
            resource["Properties"]["KmsMasterKeyId"] = "alias/aws/sqs"
    return {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}


def write_pair(folder: Path, count: int) -> tuple[Path, Path]:
    old, new = folder / f"old-{count}.json", folder / f"new-{count}.json"
    old.write_text(json.dumps(template(count, changed=False), indent=1))
    new.write_text(json.dumps(template(count, changed=True), indent=1))
    return old, new


def diff_run(command: list[str]) -> tuple[float, float, float]:
    """One run of a diff that finds changes (exit 1): (wall seconds, CPU seconds, peak RSS in MiB)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 1:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    user, system, peak = result.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak) / 1024


def main() -> None:
    synth = release_bin(products=("synth",)) / "synth"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in SIZES:
            old, new = write_pair(Path(folder), count)
            command = [str(synth), "diff", "--old", str(old), "--new", str(new), "--colour", "never"]
            diff_run(command)  # warm-up
            samples = [diff_run(command) for _ in range(RUNS)]
            # CPU time is least disturbed by other work in the best run; wall and memory are medians.
            wall, peak = statistics.median(s[0] for s in samples), statistics.median(s[2] for s in samples)
            cpu = min(s[1] for s in samples)
            rows.append((count, wall, cpu, peak, old.stat().st_size + new.stat().st_size))
    lines = [
        "# Diff at scale",
        "",
        f"Written by `benchmarks/diff_scale.py`. Machine: {platform.machine()}, {os.cpu_count()} cores. "
        "Release build, statically linked; median wall time, best CPU time (user + system) and median peak RSS of 5 runs "
        f"after a warm-up, process start included. Load average when it started: {load}.",
        "",
        "| resources | both templates | `synth diff` wall | CPU (best) | peak RSS |",
        "|---|---|---|---|---|",
    ]
    for count, wall, cpu, peak, size in rows:
        lines.append(f"| {count:,} | {size / 1e6:.1f} MB | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms | {peak:.0f} MiB |")
    (count_small, wall_small, cpu_small, *_), (count_large, wall_large, cpu_large, *_) = rows
    lines += ["", f"{count_small:,} → {count_large:,} resources ({count_large // count_small}×): "
                  f"wall time grows {wall_large / wall_small:.1f}×, CPU time {cpu_large / cpu_small:.1f}×."]
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks/RESULTS-diff.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
