"""Writes the Performance article of the SynthCommand documentation from the
benchmark results (benchmarks/RESULTS.md and RESULTS-validate.md, which
`make bench` writes): the article's tables are the measured ones, never typed.

    python docs/performance_article.py [--check]
"""
import sys
from pathlib import Path

from generated_article import ROOT, write_or_check

ARTICLE = ROOT / "Sources/SynthCommand/SynthCommand.docc/Performance.md"
RESULTS = [ROOT / "benchmarks/RESULTS.md", ROOT / "benchmarks/RESULTS-validate.md"]

INTRODUCTION = """\
# Performance

How fast `synth` is beside troposphere and the AWS CDK, as `make bench` measured it.

## Overview

`make bench` builds release binaries and measures, side by side in one run, the wall
time and peak memory of synthesizing the same template with this package, troposphere
(with awacs) and the AWS CDK (Python, L1 constructs; with and without its validation),
for N = 1, 10, 100 and 1,000 copies of a group of five resources (bucket, table with a
global secondary index, function, role, policy), plus the walkthrough's stack.
`benchmarks/compare_templates.py` checks that the three tools' templates describe the
same resources; the other tools install with
`pip install -r benchmarks/requirements-bench.txt`.

Wall times on a shared machine drift by a third over minutes, so the walkthrough's rows
are run in alternation with a baseline, a program built the same way that only starts
and prints (`benchmarks/StartupBaseline`): read a row against the baseline of the same
run. Where the instructions go — instruction counts, which do not depend on how busy
the machine is — is `benchmarks/PROFILE.md` (`make profile`), with what each profile
found and the rule the code keeps because of it. `make build-time` measures clean and
incremental debug builds.

This article is written by `make bench` from the results below; a test fails when it
differs from them.
"""


def results_section(path: Path) -> list[str]:
    """A results file under a heading of the article: its title becomes a `###`
    heading, and the line naming the file that wrote it stays."""
    lines = path.read_text().rstrip("\n").splitlines()
    title = lines[0].removeprefix("# ")
    body = [line for line in lines[1:] if not line.startswith("Where the instructions go")]
    while body and not body[-1].strip():
        body.pop()
    return ["", f"### {title}", *body]


def render() -> str:
    lines = [INTRODUCTION.rstrip("\n")]
    for path in RESULTS:
        lines += results_section(path)
    return "\n".join(lines) + "\n"


def main() -> int:
    return write_or_check(ARTICLE, render(), "--check" in sys.argv[1:],
                          "it differs from the benchmark results; run `python3 docs/performance_article.py`")


if __name__ == "__main__":
    sys.exit(main())
