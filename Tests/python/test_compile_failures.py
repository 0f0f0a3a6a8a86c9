"""What the compiler refuses: each file in Tests/compile-fail/ must fail to
type-check against the built modules with the error its first line names
(`// expect: ...`); valid-control.swift must compile, so that a broken harness
cannot pass by failing everything."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "Tests/compile-fail").glob("*.swift"))
MODULES = Path(os.environ.get("SWIFT_BIN_PATH", ROOT / ".build/debug")) / "Modules"
# The system libraries' module maps, which SwiftPM passes to the compiler itself.
SYSTEM_LIBRARIES = [ROOT / "Sources/CZlib"]


def typecheck(source: Path) -> subprocess.CompletedProcess:
    includes = [flag for folder in [MODULES, *SYSTEM_LIBRARIES] for flag in ("-I", str(folder))]
    return subprocess.run(["swiftc", "-typecheck", *includes, str(source)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("source", CASES, ids=[case.stem for case in CASES])
def test_the_compiler_gives_the_expected_verdict(source):
    expectation = source.read_text().splitlines()[0].removeprefix("// expect: ")
    result = typecheck(source)
    if source.stem == "valid-control":
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0, f"{source.name} compiled, but the compiler should refuse it"
        assert f"error: {expectation}" in result.stderr, result.stderr
