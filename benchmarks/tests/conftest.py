"""Makes benchmarks/ importable (compare_templates) and runs the benchmark scripts."""
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCHMARKS))


def run_script(script: str, *args: str) -> str:
    """stdout of `python benchmarks/<script> args...`; fails on a non-zero exit or any stderr."""
    result = subprocess.run([sys.executable, str(BENCHMARKS / script), *args],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"{script} {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    # Quiet: no jsii Node.js warning, no validation warning (the 500-resource quota).
    assert result.stderr == "", f"{script} {' '.join(args)} wrote to stderr:\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    """Synthesizes (once per session) and returns the path of a template:
    templates(tool, n, format, *extra) with tool "troposphere" or "cdk"."""
    directory = tmp_path_factory.mktemp("templates")
    made: dict[tuple, Path] = {}

    def template(tool: str, n: int, fmt: str = "yaml", *extra: str) -> Path:
        key = (tool, n, fmt, *extra)
        if key not in made:
            pytest.importorskip("troposphere" if tool == "troposphere" else "aws_cdk",
                                reason="pip install -r benchmarks/requirements-bench.txt")
            text = run_script(f"scale_{tool}.py", str(n), "--format", fmt, *extra)
            path = directory / f"{tool}-{n}{''.join(extra)}.{fmt}"
            path.write_text(text, encoding="utf-8")
            made[key] = path
        return made[key]

    return template
