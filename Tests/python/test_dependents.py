"""What SwiftPM resolves for a package that depends on this one by path.

A dependency that a target uses only under a trait (swift-argument-parser,
for `SynthCommand`) is resolved only when the dependent enables the trait. A
dependent that takes every library product whose targets need no such
dependency (the DSL: model, resources, constructs, rendering, synthesis, test
kit) and declares `traits: []` resolves none of them: nothing is cloned, so
nothing of them can be built. With the default traits the dependency is
resolved (cloned, though only the products a dependent uses are built).

The products, the guarded dependencies and their traits are read from this
package's manifest (`swift package dump-package`), not listed here."""
from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPENDENT_TOOLS_VERSION = "6.1"  # the first that declares a dependency's traits


@dataclass
class Manifest:
    name: str
    guarded_packages: set[str]  # packages some target uses only under a trait
    dsl_products: list[str]  # library products none of whose targets uses a guarded package


def read_manifest() -> Manifest:
    dump = json.loads(subprocess.run(["swift", "package", "dump-package", "--package-path", str(ROOT)],
                                     capture_output=True, text=True, check=True).stdout)
    targets = {target["name"]: target for target in dump["targets"]}
    guarded: dict[str, set[str]] = {}  # target → the guarded packages it uses
    for name, target in targets.items():
        for dependency in target["dependencies"]:
            if "product" in dependency and (dependency["product"][3] or {}).get("traits"):
                guarded.setdefault(name, set()).add(dependency["product"][1])

    def closure(names: list[str]) -> set[str]:
        seen: set[str] = set()
        while names:
            name = names.pop()
            if name in seen or name not in targets:
                continue
            seen.add(name)
            names += [next(iter(dependency.values()))[0] for dependency in targets[name]["dependencies"]
                      if "byName" in dependency or "target" in dependency]
        return seen

    libraries = [product for product in dump["products"] if "library" in product["type"]]
    dsl = [product["name"] for product in libraries if not closure(list(product["targets"])) & guarded.keys()]
    return Manifest(dump["name"], set().union(*guarded.values()) if guarded else set(), dsl)


MANIFEST = read_manifest()


def dependent_package(folder: Path, traits: str | None) -> Path:
    """A package taking the DSL products; `traits` is the dependency's
    `traits:` argument as written in a manifest, or None for the defaults."""
    (folder / "Sources/Infra").mkdir(parents=True)
    imports = "".join(f"import {product}\n" for product in MANIFEST.dsl_products)
    (folder / "Sources/Infra/Infra.swift").write_text(imports)
    products = "".join(f'            .product(name: "{product}", package: "{MANIFEST.name}"),\n'
                       for product in MANIFEST.dsl_products)
    enabled = f", traits: {traits}" if traits is not None else ""
    (folder / "Package.swift").write_text(
        f"// swift-tools-version:{DEPENDENT_TOOLS_VERSION}\nimport PackageDescription\n\n"
        f'let package = Package(\n    name: "Dependent",\n    platforms: [.macOS(.v13)],\n'
        f'    dependencies: [.package(name: "{MANIFEST.name}", path: "{ROOT}"{enabled})],\n'
        f'    targets: [\n        .target(name: "Infra", dependencies: [\n{products}        ]),\n    ]\n)\n')
    return folder


def resolved_packages(package: Path) -> set[str]:
    """The packages of the dependent's resolved graph, as SwiftPM loads it to build."""
    run = subprocess.run(["swift", "package", "--package-path", str(package), "show-dependencies", "--format", "json"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    output = run.stdout[run.stdout.index("{"):]  # after any "Fetching …" lines

    def identities(node: dict) -> set[str]:
        return {node["identity"]}.union(*(identities(child) for child in node["dependencies"]))

    return identities(json.loads(output))


def test_the_manifest_has_dsl_products_and_a_guarded_dependency():
    # Guards the derivation: nothing found would make the next tests vacuous.
    assert MANIFEST.guarded_packages and MANIFEST.dsl_products
    assert "CloudFormation" in MANIFEST.dsl_products


def test_the_dsl_products_without_traits_resolve_no_guarded_dependency(tmp_path):
    package = dependent_package(tmp_path, "[]")
    resolved = resolved_packages(package)
    assert ROOT.name.lower() in resolved
    assert not resolved & MANIFEST.guarded_packages
    checkouts = package / ".build/checkouts"
    assert not (set(path.name for path in checkouts.iterdir()) if checkouts.exists() else set()) & MANIFEST.guarded_packages
    pins = package / "Package.resolved"
    assert not pins.exists() or not {pin["identity"] for pin in json.loads(pins.read_text())["pins"]} & MANIFEST.guarded_packages


@pytest.mark.parametrize("traits", [None, "[.defaults]"], ids=["default traits", "traits: [.defaults]"])
def test_with_the_default_traits_the_guarded_dependency_is_resolved(traits, tmp_path):
    assert MANIFEST.guarded_packages <= resolved_packages(dependent_package(tmp_path, traits))
