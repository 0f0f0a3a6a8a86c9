"""`make bench`: wall time and peak memory of synthesizing the same template with
this project, troposphere and the AWS CDK, side by side in one run, and
benchmarks/RESULTS.md written from the measurements.

Rows: the walkthrough's stack (this project only: the other tools have the scale
group, not the walkthrough's stack), and N = 1, 10, 100, 1000 copies of the scale
group (bucket, table with a GSI, function, role, policy: 5 resources each). Each
command runs once to warm up, then RUNS times; the table shows medians, and each
row's ratio is the other tool's median over ours. Wall time includes process start.
"""
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SCALES = [int(n) for n in os.environ.get("BENCH_SCALES", "1,10,100,1000").split(",")]
PYTHON = sys.executable


# Release binaries are linked statically, the Swift runtime, Foundation, the C
# library and libyaml included, as a command-line tool can be shipped on Linux:
# the process then starts without the dynamic loader resolving thousands of
# symbols in a dozen shared libraries. Two other builds are measured beside it
# (one row each), each in its own build folder: the Swift runtime static but the
# C libraries shared (`--static-swift-stdlib`), and everything shared.
STATIC = ["-Xswiftc", "-static-executable", "--scratch-path", str(ROOT / ".build-static")]
STATIC_SWIFT = ["--static-swift-stdlib", "--scratch-path", str(ROOT / ".build-static-swift")]
DYNAMIC = ["--scratch-path", str(ROOT / ".build-dynamic")]


def release_bin(flags=STATIC, products=("synth", "scale-synth", "startup-baseline")) -> Path:
    for product in products:
        subprocess.run(["swift", "build", "-c", "release", *flags, "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", *flags, "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return Path(path)


def measure(command):
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return wall, int(result.stderr.strip().splitlines()[-1]) / 1024


def median_of(command):
    measure(command)  # warm-up
    samples = [measure(command) for _ in range(RUNS)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def medians_interleaved(commands):
    """Each command once to warm up, then RUNS rounds of each command once, so
    that a change in the machine's speed during the measurement touches every
    command alike; the medians, in the order given."""
    for command in commands:
        measure(command)
    samples = [[] for _ in commands]
    for _ in range(RUNS):
        for index, command in enumerate(commands):
            samples[index].append(measure(command))
    return [(statistics.median(s[0] for s in runs), statistics.median(s[1] for s in runs)) for runs in samples]


def have(module):
    return subprocess.run([PYTHON, "-c", f"import {module}"], capture_output=True).returncode == 0


def fmt_time(seconds):
    """Tenths of a millisecond below 100 ms, where the targets are."""
    if seconds < 0.1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main():
    bin_path = release_bin()
    tools = {"ours YAML": lambda n: [str(bin_path / "scale-synth"), str(n)],
             "ours JSON": lambda n: [str(bin_path / "scale-synth"), str(n), "--format", "json"]}
    if have("troposphere"):
        tools["troposphere YAML"] = lambda n: [PYTHON, "benchmarks/scale_troposphere.py", str(n)]
        tools["troposphere JSON"] = lambda n: [PYTHON, "benchmarks/scale_troposphere.py", str(n), "--format", "json"]
    if have("aws_cdk") and shutil.which("node"):
        tools["CDK"] = lambda n: [PYTHON, "benchmarks/scale_cdk.py", str(n), "--format", "json"]
        tools["CDK, validation off"] = lambda n: [PYTHON, "benchmarks/scale_cdk.py", str(n), "--format", "json", "--no-validation"]

    versions = {
        "swift": subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "python": platform.python_version(),
        "node": subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else "absent",
    }
    for package in ("troposphere", "awacs", "aws-cdk-lib"):
        out = subprocess.run([PYTHON, "-m", "pip", "show", package], capture_output=True, text=True).stdout
        versions[package] = next((line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Version:")), "not installed")

    # The walkthrough's stack in each build, and the baseline, measured in
    # alternation: the machine's speed drifts over minutes here.
    walkthrough = [("walkthrough stack (MacieDynamoDB, YAML)", [str(bin_path / "synth"), "MacieDynamoDB"]),
                   ("walkthrough stack, C libraries shared (`--static-swift-stdlib`)",
                    [str(release_bin(STATIC_SWIFT, products=("synth",)) / "synth"), "MacieDynamoDB"]),
                   ("walkthrough stack, `synth` linked dynamically",
                    [str(release_bin(DYNAMIC, products=("synth",)) / "synth"), "MacieDynamoDB"]),
                   ("baseline: a Swift program that only starts and prints, built as `synth` is",
                    [str(bin_path / "startup-baseline")])]
    medians = medians_interleaved([command for _, command in walkthrough])
    rows = [(label, {"ours YAML": median}) for (label, _), median in zip(walkthrough, medians)]
    walkthrough_rows = len(rows)
    for n in SCALES:
        results = {}
        for name, command in tools.items():
            results[name] = median_of(command(n))
            print(f"N={n} {name}: {fmt_time(results[name][0])}, {results[name][1]:.0f} MiB", file=sys.stderr, flush=True)
        rows.append((f"N = {n} ({5 * n} resources)", results))

    names = list(tools)
    lines = ["# Benchmark results", "",
             f"Written by `make bench` (benchmarks/run_bench.py). Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{platform.platform()}. Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".",
             "Ours: statically linked release builds (`-Xswiftc -static-executable`: the Swift runtime, Foundation, "
             "the C library and libyaml in the binary), except the rows that say otherwise. "
             f"Each cell: median wall time and peak RSS of {RUNS} runs after a warm-up, process start included; "
             "the walkthrough rows and the baseline are run in alternation, round by round. "
             "Ratios: that tool's median wall time over ours (YAML to YAML, JSON to JSON, CDK to ours JSON).", "",
             "| work | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for label, results in rows:
        cells = [f"{fmt_time(results[n][0])}, {results[n][1]:.0f} MiB" if n in results else "—" for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "| work | " + " | ".join(f"{n} ÷ ours" for n in names[2:]) + " |", "|---" * (len(names) - 1) + "|"]
    for label, results in rows[walkthrough_rows:]:
        ratios = []
        for name in names[2:]:
            base = results["ours JSON"][0] if "JSON" in name or "CDK" in name else results["ours YAML"][0]
            ratios.append(f"{results[name][0] / base:.1f}×" if name in results else "—")
        lines.append(f"| {label} | " + " | ".join(ratios) + " |")
    if len(rows) > walkthrough_rows and SCALES[-1] == 1000 and 100 in SCALES:
        growth = rows[-1][1]["ours YAML"][0] / rows[SCALES.index(100) + walkthrough_rows][1]["ours YAML"][0]
        lines += ["", f"Ours, N = 100 → 1000: wall time grows {growth:.1f}×."]
    lines += ["", "Past CloudFormation's limits, N = 1,000 and 10,000 split into nested stacks beside troposphere and "
                  "the CDK at the same N: benchmarks/RESULTS-split.md (`benchmarks/split_bench.py`).",
              "", "Where the instructions go: benchmarks/PROFILE.md (`make profile`)."]
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def validation_rows(bin_path):
    """Reading and validating an existing template of N = 1000 groups: ours
    (`synth validate`) beside cfn-lint. cfn-lint takes minutes here, so each
    runs BENCH_VALIDATE_RUNS times (default 1) after no warm-up."""
    runs = int(os.environ.get("BENCH_VALIDATE_RUNS", "1"))
    template = ROOT / ".build" / "scale-1000.yaml"
    template.parent.mkdir(exist_ok=True)
    template.write_text(subprocess.run([str(bin_path / "scale-synth"), "1000"], check=True, capture_output=True, text=True).stdout)
    cfn_lint = Path(sys.executable).parent / "cfn-lint"
    results = {}
    for name, command in (("synth validate", [str(bin_path / "synth"), "validate", str(template)]),
                          ("cfn-lint", [str(cfn_lint), "--", str(template)])):
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
            samples.append((time.perf_counter() - started, int(result.stderr.strip().splitlines()[-1]) / 1024))
        results[name] = (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))
        print(f"validate N=1000 {name}: {fmt_time(results[name][0])}", file=sys.stderr, flush=True)
    ours, theirs = results["synth validate"], results["cfn-lint"]
    return ["", f"Reading and validating an existing template of N = 1000 groups (5,000 resources), median of {runs} run(s):", "",
            "| tool | wall | peak RSS |", "|---|---|---|",
            f"| `synth validate` | {fmt_time(ours[0])} | {ours[1]:.0f} MiB |",
            f"| `cfn-lint` | {fmt_time(theirs[0])} | {theirs[1]:.0f} MiB |",
            "", f"cfn-lint ÷ ours: {theirs[0] / ours[0]:.0f}×."]


def validate_only():
    """`run_bench.py --validate`: benchmarks/RESULTS-validate.md."""
    lines = ["# Validating an existing template", "",
             f"Written by `make bench` (benchmarks/run_bench.py --validate). Machine: {platform.machine()}, {os.cpu_count()} cores."]
    lines += validation_rows(release_bin())
    (ROOT / "benchmarks" / "RESULTS-validate.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    validate_only() if "--validate" in sys.argv else main()
