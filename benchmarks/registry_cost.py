"""What the resource registry costs, before and after, side by side in one run.

Usage: python benchmarks/registry_cost.py [BEFORE] [AFTER] > benchmarks/RESULTS-registry.md
BEFORE defaults to the commit before the registry, AFTER to HEAD. Each commit is
checked out into its own worktree and, from nothing:
- `swift build --product synth` (debug: what a fresh clone's `swift run synth` compiles);
- the static release `synth` (`-Xswiftc -static-executable`, as `make release`), and its size;
- a small outside package that uses three services (S3, DynamoDB, Lambda) through
  the AWSResources product, built clean (packages resolved outside the timing).
Then the walkthrough's synthesis (`synth MacieDynamoDB` to /dev/null) with both
static binaries, in alternation, round by round: median wall time of 21 rounds
after a warm-up, process start included.
"""
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 21
STATIC = ["-c", "release", "-Xswiftc", "-static-executable", "--scratch-path", ".build-static"]

OUTSIDE_MANIFEST = """// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "ThreeServices",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "{root}")],
    targets: [.executableTarget(name: "three", dependencies: [
        .product(name: "AWSResources", package: "{name}"),
        .product(name: "CloudFormation", package: "{name}"),
    ])]
)
"""

OUTSIDE_MAIN = """import AWSResources
import CloudFormation

let bucket = S3.Bucket("Uploads")
let table = DynamoDB.Table(
    "Orders",
    attributeDefinitions: [.init(attributeName: "id", attributeType: .s)],
    keySchema: [.init(attributeName: "id", keyType: "HASH")])
print(bucket.declaredResources().count + table.declaredResources().count, Lambda.Function.typeName)
"""


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} in {cwd} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def wall(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def build(label: str, rev: str, work: Path) -> dict:
    tree = work / label
    git("worktree", "add", "--detach", str(tree), rev)
    subprocess.run(["swift", "package", "resolve"], cwd=tree, check=True, capture_output=True)
    result = {"rev": rev, "tree": tree}
    result["debug"] = timed(["swift", "build", "--product", "synth"], tree)
    result["release"] = timed(["swift", "build", *STATIC, "--product", "synth"], tree)
    result["binary"] = tree / ".build-static/release/synth"
    result["size"] = result["binary"].stat().st_size

    outside = work / f"outside-{label}"
    (outside / "Sources/three").mkdir(parents=True)
    (outside / "Package.swift").write_text(OUTSIDE_MANIFEST.format(root=tree, name=tree.name))
    (outside / "Sources/three/main.swift").write_text(OUTSIDE_MAIN)
    subprocess.run(["swift", "package", "resolve"], cwd=outside, check=True, capture_output=True)
    result["outside"] = timed(["swift", "build"], outside)
    return result


def main() -> None:
    before = sys.argv[1] if len(sys.argv) > 1 else git("log", "--format=%h", "-n", "1", "--grep=^A resource registry of every type") + "~1"
    after = sys.argv[2] if len(sys.argv) > 2 else git("rev-parse", "--short", "HEAD")
    before, after = git("rev-parse", "--short", before), git("rev-parse", "--short", after)
    work = Path(tempfile.mkdtemp(prefix="registry-cost-"))
    try:
        results = {label: build(label, rev, work) for label, rev in (("before", before), ("after", after))}
        samples = {label: [] for label in results}
        for label, result in results.items():
            wall([str(result["binary"]), "MacieDynamoDB"], ROOT)  # warm-up
        for _ in range(ROUNDS):
            for label, result in results.items():
                samples[label].append(wall([str(result["binary"]), "MacieDynamoDB"], ROOT))

        print("# What the resource registry costs\n")
        print(f"Written by `python benchmarks/registry_cost.py` (see its docstring). Machine: {platform.machine()}, "
              f"{os.cpu_count()} cores, {platform.platform()}, load average {os.getloadavg()[0]:.1f} at the end "
              "(other builds on a shared machine inflate the times); "
              + subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0] + ".\n")
        print("| | before | after |")
        print("|---|---|---|")
        row = lambda name, f: print(f"| {name} | " + " | ".join(f(results[label]) for label in ("before", "after")) + " |")
        row("commit", lambda r: r["rev"])
        row("clean `swift build --product synth` (debug)", lambda r: f"{r['debug']:.1f} s")
        row("clean static release build of `synth`", lambda r: f"{r['release']:.1f} s")
        row("`synth` static release binary", lambda r: f"{r['size'] / 1024 / 1024:.2f} MiB")
        row("clean build of an outside package using S3, DynamoDB and Lambda", lambda r: f"{r['outside']:.1f} s")
        print("| walkthrough synthesis, `synth MacieDynamoDB` (static release, median of "
              f"{ROUNDS}) | " + " | ".join(f"{statistics.median(samples[label]) * 1000:.1f} ms" for label in ("before", "after")) + " |")
    finally:
        for label in ("before", "after"):
            subprocess.run(["git", "worktree", "remove", "--force", str(work / label)], cwd=ROOT, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
