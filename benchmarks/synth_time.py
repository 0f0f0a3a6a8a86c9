"""Wall time and peak memory of a release `synth`, median of 5 runs after a warm-up.

Run with `make bench`. Each run is a fresh process that synthesizes a stack and
writes its template to /dev/null; peak memory is the maximum resident set size
that /usr/bin/time reports for that process.
"""
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def release_binary() -> Path:
    """The same statically linked release build `run_bench.py` measures."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run_bench import release_bin
    return release_bin(products=("synth",)) / "synth"


def measure(command: list[str]) -> tuple[float, float]:
    """One run: (wall seconds, peak RSS in MiB)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - started
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return wall, peak_kib / 1024


def main() -> None:
    synth = release_binary()
    stacks = subprocess.run([str(synth), "--list"], check=True, capture_output=True, text=True).stdout.split()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"runs: {RUNS} after 1 warm-up; wall time includes process start\n")
    print("| command | median wall | median peak RSS |")
    print("|---|---|---|")
    for stack in stacks:
        for extra in ([], ["--format", "json"]):
            command = [str(synth), stack, *extra]
            measure(command)  # warm-up: page cache, dynamic loader
            samples = [measure(command) for _ in range(RUNS)]
            wall = statistics.median(s[0] for s in samples) * 1000
            peak = statistics.median(s[1] for s in samples)
            shown = " ".join(["synth", stack, *extra])
            print(f"| `{shown}` | {wall:.1f} ms | {peak:.1f} MiB |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
