"""`make profile`: where synth spends its instructions, from valgrind's callgrind.

Instruction counts do not depend on how busy the machine is, so two runs of
this script on different days compare where wall times would not. Profiles
the release binaries `make bench` measures, on the walkthrough's stack and on
the scale app at N = 1000, written as one template and split into nested
stacks (`--split`, every check and the rule pack, as `synth --output` writes
it), and writes benchmarks/PROFILE.md:

- the total instruction count of each run;
- this project's functions by inclusive cost (the function and everything it
  calls), which says which step to look at;
- every function by its own cost, which names what the time finally goes to
  (the Swift runtime, malloc, libyaml).

The raw callgrind files stay in .build/profile/ for callgrind_annotate or
kcachegrind.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import ROOT, release_bin  # noqa: E402

TOP = 15
LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)$")


def callgrind(command, name):
    out = ROOT / ".build" / "profile" / f"callgrind.{name}"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def annotate(path, inclusive):
    args = ["callgrind_annotate", "--threshold=100"] + (["--inclusive=yes"] if inclusive else []) + [str(path)]
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    total, rows = None, []
    for line in text.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        cost, where = int(match.group(1).replace(",", "")), match.group(2)
        if where.startswith("PROGRAM TOTALS"):
            total = cost
            continue
        rows.append((cost, where))
    return total, rows


def symbol_and_file(where):
    """`file:symbol [object]` → (symbol, file)."""
    where = re.sub(r" \[[^\]]*\]$", "", where)
    file, _, symbol = where.partition(":")
    return symbol, file


def demangled(symbols):
    if not symbols:
        return []
    out = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(symbols), capture_output=True,
                         text=True, check=True).stdout
    return out.splitlines()


def ours(file):
    return any(part in file for part in ("/Sources/", "/stacks/", "/benchmarks/")) and "/checkouts/" not in file


def relative(file):
    """A source file's path below Sources/, stacks/ or the repository."""
    for marker in ("/Sources/", "/stacks/", str(ROOT) + "/"):
        if marker in file:
            return file.split(marker)[-1]
    return file


def top_inclusive(rows):
    """Our functions, each once (callgrind lists recursive cycles as `'2`)."""
    seen, picked = set(), []
    for cost, where in rows:
        symbol, file = symbol_and_file(where)
        if not ours(file) or "'" in symbol or symbol in seen:
            continue
        seen.add(symbol)
        picked.append((cost, symbol, file))
    return picked


def table(total, picked, with_file):
    names = demangled([symbol for _, symbol, _ in picked[:TOP]])
    lines = ["| instructions | share | function |" + (" file |" if with_file else ""),
             "|---:|---:|---|" + ("---|" if with_file else "")]
    for (cost, _, file), name in zip(picked[:TOP], names):
        short = relative(file) if with_file else ""
        lines.append(f"| {cost:,} | {100 * cost / total:.1f}% | `{name[:110]}` |" + (f" {short} |" if with_file else ""))
    return lines


# The hand-written section of PROFILE.md, kept as it is when the measured part is rewritten.
FINDINGS_HEADING = "## What the profiles found"


def main():
    bin_path = release_bin()
    split_folder = tempfile.TemporaryDirectory()
    lines = ["# Profile", "",
             "Written by `make profile` (benchmarks/profile.py): valgrind's callgrind on the release binaries "
             "`make bench` measures. Instruction counts, which do not depend on the machine's load. "
             "Inclusive: the function and everything it calls. Self: the function's own instructions.", ""]
    for title, command, name in (
        ("The walkthrough's stack (`synth MacieDynamoDB`)", [str(bin_path / "synth"), "MacieDynamoDB"], "walkthrough"),
        ("N = 1000 (`scale-synth 1000`, 5,000 resources)", [str(bin_path / "scale-synth"), "1000"], "n1000"),
        ("N = 1000 split into nested stacks (`scale-synth 1000 --split DIR`)",
         [str(bin_path / "scale-synth"), "1000", "--split", split_folder.name], "n1000-split"),
    ):
        path = callgrind(command, name)
        total, inclusive = annotate(path, inclusive=True)
        _, exclusive = annotate(path, inclusive=False)
        self_rows = [(cost, *symbol_and_file(where)) for cost, where in exclusive]
        lines += [f"## {title}", "", f"{total:,} instructions in all.", "",
                  "This project's functions, inclusive:", ""]
        lines += table(total, top_inclusive(inclusive), with_file=True)
        lines += ["", "Every function, self:", ""]
        lines += table(total, [(c, s, f) for c, s, f in self_rows if "'" not in s], with_file=False)
        lines.append("")
        print(f"{name}: {total:,} instructions", file=sys.stderr)
    split_folder.cleanup()
    profile = ROOT / "benchmarks" / "PROFILE.md"
    findings = profile.read_text().partition(FINDINGS_HEADING)[2] if profile.exists() else ""
    if findings:
        lines += [FINDINGS_HEADING + findings.rstrip("\n"), ""]
    profile.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
