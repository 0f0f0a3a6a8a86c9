"""What typed Swift for every resource type costs, before and after, side by side.

Usage: python benchmarks/types_cost.py [--before REV] > benchmarks/RESULTS-types.md
(default REV: 593b970, the last commit with only AWSResources' types). Checks out
REV in a git worktree and, alternating the two trees so that the machine's load
falls on both alike, measures:
- a clean `swift build --product synth` (debug, its own scratch folder: nothing reused);
- a clean debug build of a small outside package that depends on the tree by path
  and uses three services: before, the only ones it could (S3, DynamoDB, Lambda from
  AWSResources); after, those and EC2, RDS and API Gateway from their service modules;
- the size of the `synth` binary (debug, as built above);
- the walkthrough's synthesis (`synth MacieDynamoDB`), median of 20 runs;
and, with --every-service, after only: a debug build of every target, so every
service module, on top of the synth build.
"""
import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from registry_cost import timed  # noqa: E402


def build_cost(command: list[str], cwd: Path) -> str:
    """Wall time and the CPU time (user + system) of a build: the CPU time moves
    less with the machine's load than the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = timed(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return f"{seconds:.0f} s ({cpu:.0f} s CPU)"

LIBRARY_ONLY = """
import AWSResources
import CloudFormation

public func stackOfThree(_ stack: Stack) {
    let bucket = stack.add(S3.Bucket("Uploads"))
    stack.add(DynamoDB.Table("Table", billingMode: .payPerRequest, keySchema: [.init(attributeName: "id", keyType: KEY)]))
    stack.add(Lambda.Function("Worker", code: .init(s3Bucket: BUCKET, s3Key: "worker.zip"), role: "arn:aws:iam::111122223333:role/worker"))
}
"""

SERVICES = """
import AWSApiGateway
import AWSEC2
import AWSRDS
import CloudFormation

public func networkDatabaseAndApi(_ stack: Stack) {
    let vpc = stack.add(EC2.VPC("Network", cidrBlock: "10.0.0.0/16"))
    stack.add(EC2.Subnet("Private", cidrBlock: "10.0.0.0/24", vpcId: .to(vpc)))
    stack.add(RDS.DBInstance("Database", dbInstanceClass: "db.t4g.micro", engine: "postgres", storageEncrypted: true))
    stack.add(ApiGateway.RestApi("Api", name: "api"))
}
"""


def outside_package(folder: Path, tree: Path, services: bool) -> Path:
    products = ['.product(name: "AWSResources", package: "tree")', '.product(name: "CloudFormation", package: "tree")']
    if services:
        products += [f'.product(name: "{name}", package: "tree")' for name in ("AWSEC2", "AWSRDS", "AWSApiGateway")]
    (folder / "Sources/Infra").mkdir(parents=True)
    (folder / "Package.swift").write_text(f"""// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Infra",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "tree", path: "{tree}")],
    targets: [.target(name: "Infra", dependencies: [{", ".join(products)}])]
)
""")
    # Before, a key type was a string and a bucket's name a string expression;
    # after, an enum and a typed reference.
    library = LIBRARY_ONLY.replace("KEY", ".hash" if services else '"HASH"')
    (folder / "Sources/Infra/Library.swift").write_text(library.replace("BUCKET", ".to(bucket)" if services else "bucket.ref"))
    if services:
        (folder / "Sources/Infra/Services.swift").write_text(SERVICES)
    return folder


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} / {five:.1f}"


def synthesis_ms(binary: Path, cwd: Path) -> float:
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        subprocess.run([str(binary), "MacieDynamoDB"], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default="593b970")
    parser.add_argument("--every-service", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="types-cost-"))
    before = work / "before"
    subprocess.run(["git", "worktree", "add", "--detach", str(before), args.before], cwd=ROOT, check=True, capture_output=True)
    (before / ".venv").symlink_to(ROOT / ".venv")
    trees = {"before": before, "after": ROOT}
    rows: dict[str, dict[str, str]] = {label: {} for label in trees}
    try:
        for label, tree in trees.items():
            scratch = work / f"synth-{label}"
            rows[label]["load"] = load()
            rows[label]["synth"] = build_cost(['swift', 'build', '--product', 'synth', '--scratch-path', str(scratch)], tree)
            binary = scratch / "debug/synth"
            rows[label]["size"] = f"{binary.stat().st_size / 1e6:.1f} MB"
            rows[label]["walkthrough"] = f"{synthesis_ms(binary, tree):.0f} ms"
        for label, tree in trees.items():
            package = outside_package(work / f"outside-{label}", tree, services=label == "after")
            rows[label]["outside"] = build_cost(['swift', 'build', '--scratch-path', str(package / '.build')], package)
            rows[label]["load"] += f", {load()}"
        every = build_cost(["swift", "build", "--scratch-path", str(work / "synth-after")], ROOT) if args.every_service else None
        services = sorted(path.name for path in (ROOT / "Sources/Services").iterdir())
        types = sum(len(list((ROOT / "Sources/Services" / name).glob("*+Generated.swift"))) - 1 for name in services)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)

    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print("# Typed Swift for every type: what it costs\n")
    print(f"Written by `python benchmarks/types_cost.py --before {args.before}`. Machine: {platform.machine()}, "
          f"{os.cpu_count()} cores, {platform.platform()}; {swift}. Debug builds, each from nothing in its own scratch folder; "
          "before and after run one after the other, so the load (1- and 5-minute averages, taken as each step starts) "
          "fell on both.\n")
    print(f"| | before ({args.before}) | after |")
    print("|---|---|---|")
    labels = [("synth", "clean `swift build --product synth`"),
              ("outside", "clean build of an outside package using three services"),
              ("size", "`synth` binary (debug)"),
              ("walkthrough", "`synth MacieDynamoDB`, median of 20 (debug binary)"),
              ("load", "load average at the builds (synth, outside)")]
    for key, title in labels:
        print(f"| {title} | {rows['before'][key]} | {rows['after'][key]} |")
    if every is not None:
        print(f"\nAfter, on top of the synth build: every target, including the {len(services)} service modules "
              f"({types} resource types): {every}. This is also what one module holding every type would cost each package that uses any of them.")
    print("\nBefore, the outside package could use only AWSResources' types (S3, DynamoDB, Lambda); after, it also "
          "takes AWSEC2, AWSRDS and AWSApiGateway. `synth` depends on no service module, so its build and binary "
          "should not grow with them.")


if __name__ == "__main__":
    main()
