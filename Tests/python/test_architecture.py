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


def service_modules() -> list[str]:
    manifest = (ROOT / "Package.swift").read_text()
    block = manifest.split("// generate-resources: service modules")[1].split("// generate-resources: end of service modules")[0]
    return re.findall(r"\"(AWS[^\"]+)\"", block)


def test_the_service_modules_are_named_as_a_family_and_each_has_its_folder():
    # The service modules are targets made from a list, which the pattern above
    # does not see: the architecture names them as one family, and the list is
    # exactly the folders under Sources/Services.
    architecture = (ROOT / "docs/ARCHITECTURE.md").read_text()
    assert "`AWS<Service>`" in architecture and "Sources/Services" in architecture
    listed = service_modules()
    folders = sorted(path.name for path in (ROOT / "Sources/Services").iterdir() if path.is_dir())
    assert {"AWSEC2", "AWSRDS", "AWSApiGateway"} <= set(listed)
    assert listed == folders
