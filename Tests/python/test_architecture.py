"""docs/ARCHITECTURE.md names every target of Package.swift (in backticks), so
the map of the modules cannot fall behind the package: a new target fails this
test until its row is written."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = re.compile(r"\.(?:target|executableTarget|testTarget|systemLibrary|binaryTarget|plugin|macro)\(\s*name:\s*\"([^\"]+)\"")


def targets() -> list[str]:
    return TARGET.findall((ROOT / "Package.swift").read_text())


def test_the_manifest_has_targets_to_check():
    # A pattern that stopped matching would find nothing and pass.
    names = targets()
    assert {"CloudFormation", "synth", "SynthCommandTests", "CYAML"} <= set(names), names


def test_architecture_names_every_target():
    architecture = (ROOT / "docs/ARCHITECTURE.md").read_text()
    missing = [name for name in targets() if f"`{name}`" not in architecture]
    assert not missing, f"docs/ARCHITECTURE.md does not name these targets of Package.swift: {', '.join(missing)}"
