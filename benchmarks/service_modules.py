"""Compile cost of typed Swift for more services: the designs side by side.

Usage: python benchmarks/service_modules.py [SERVICE ...] > benchmarks/RESULTS-service-modules.md
(default services: EC2 RDS ApiGateway). Generates every type of each service with
the package's own generator (`generate-resources --sources`, from the installed
cfn-lint), lays them out in a scratch package that depends on this one, and times
clean debug builds, each from nothing in its own scratch folder:
- the baseline: a module that only imports CloudFormation;
- one module per service (the AWS SDK for Swift's layout): each service alone;
- one module holding all the services (today's AWSResources layout, grown);
- the types a build-tool plugin would generate for a target's config file, here
  the few a VPC + RDS + REST API stack uses, and the generator tool such a plugin
  must build first.
A module's own cost is its build time less the baseline's.
"""
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from registry_cost import timed  # noqa: E402
DEFAULT_SERVICES = ["EC2", "RDS", "ApiGateway"]
# What the plugin's config file would list for a stack with a VPC, an RDS instance and a REST API.
LISTED = [
    "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
    "AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup",
    "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage",
]


def cfn_lint_data() -> Path:
    python = ROOT / ".venv/bin/python"
    out = subprocess.run([str(python), "-c", "import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), 'data'))"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return Path(out)


def generate(types: list[str], data: Path, generator: Path, into: Path) -> None:
    into.mkdir(parents=True)
    (into / "resource-types.manifest").write_text("\n".join(sorted(types)) + "\n")
    subprocess.run([str(generator), "--cfn-lint-data", str(data), "--sources", str(into)], check=True, capture_output=True)


def module(target: Path, services: list[str], generated: Path, only: set[str] | None = None) -> int:
    """Copies the services' generated files into a module; returns the number of types."""
    target.mkdir(parents=True)
    count = 0
    for service in services:
        (target / f"{service}.swift").write_text(f"import CloudFormation\n\n/// Resource types of AWS::{service}.\npublic enum {service} {{}}\n")
        for file in sorted((generated / service).glob("*+Generated.swift")):
            if only is None or file.name in only:
                shutil.copy(file, target / file.name)
                count += 1
    return count


def main() -> None:
    services = sys.argv[1:] or DEFAULT_SERVICES
    data = cfn_lint_data()
    provider = json.loads((data / "schemas/providers/us-east-1.json").read_text())
    types = sorted(t for t in provider if t.split("::")[1] in services)
    subprocess.run(["swift", "build", "--product", "generate-resources"], cwd=ROOT, check=True, capture_output=True)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    generator = Path(bin_path) / "generate-resources"

    work = Path(tempfile.mkdtemp(prefix="service-modules-"))
    try:
        generated = work / "generated"
        started = time.perf_counter()
        generate(types, data, generator, generated)
        generate_all = time.perf_counter() - started
        listed_generated = work / "listed-generated"
        started = time.perf_counter()
        generate(LISTED, data, generator, listed_generated)
        generate_listed = time.perf_counter() - started

        package = work / "package"
        sources = package / "Sources"
        counts = {}
        (sources / "Baseline").mkdir(parents=True)
        (sources / "Baseline/Baseline.swift").write_text("import CloudFormation\n\npublic let baseline = Template()\n")
        for service in services:
            counts[f"AWS{service}"] = module(sources / f"AWS{service}", [service], generated)
        counts["AllServices"] = module(sources / "AllServices", services, generated)
        listed_services = sorted({t.split("::")[1] for t in LISTED})
        listed_files = {t.split("::")[2] + "+Generated.swift" for t in LISTED}
        counts["Listed"] = module(sources / "Listed", listed_services, listed_generated, listed_files)
        targets = ["Baseline", *[f"AWS{s}" for s in services], "AllServices", "Listed"]
        dependency = '.product(name: "CloudFormation", package: "%s")' % ROOT.name
        (package / "Package.swift").write_text(
            "// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(\n"
            f'    name: "ServiceModules", platforms: [.macOS(.v13)],\n'
            f'    dependencies: [.package(path: "{ROOT}")],\n'
            "    targets: [\n" + "".join(f'        .target(name: "{t}", dependencies: [{dependency}]),\n' for t in targets)
            + "    ]\n)\n")
        subprocess.run(["swift", "package", "resolve"], cwd=package, check=True, capture_output=True)

        times = {}
        for target in targets:
            times[target] = timed(["swift", "build", "--target", target, "--scratch-path", str(work / f"scratch-{target}")], package)
        # The plugin's tool: the generator, built from nothing.
        tool = timed(["swift", "build", "--product", "generate-resources", "--scratch-path", str(work / "scratch-tool")], ROOT)

        base = times["Baseline"]
        print("# Typed Swift for more services: compile cost of the designs\n")
        print(f"Written by `python benchmarks/service_modules.py {' '.join(services)}`. Machine: {platform.machine()}, "
              f"{os.cpu_count()} cores, {platform.platform()}, load average {os.getloadavg()[0]:.1f} at the end "
              "(other builds on a shared machine inflate the times); "
              + subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0] + ". "
              "Clean debug builds, each from nothing; a module's own cost is its time less the baseline's "
              f"(a module importing only CloudFormation: {base:.1f} s).\n")
        print("| module | types | clean build | own cost | own cost per type |")
        print("|---|---|---|---|---|")
        for target in targets[1:]:
            own = times[target] - base
            print(f"| {target} | {counts[target]} | {times[target]:.1f} s | {own:.1f} s | {own / max(counts[target], 1) * 1000:.0f} ms |")
        print(f"\nGenerating the {len(types)} types: {generate_all:.1f} s; the {len(LISTED)} listed types: {generate_listed:.1f} s "
              "(both include the resource registry and service data the generator also writes). "
              f"The generator tool a build-tool plugin runs, built from nothing: {tool:.1f} s.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
