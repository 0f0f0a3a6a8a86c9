"""The security rule pack's cost, side by side in one run: the walkthrough's
stack and N = 1000 scale groups (5,000 resources), each synthesized with and
without the rule pack by the same statically linked release executable, and
the `synth` command itself on the walkthrough's stack (which always runs the
rules). Writes benchmarks/RESULTS-rules.md; `make bench` runs it.

Every command runs once to warm up, then RUNS rounds of each command once
(interleaved, so a drift in the machine's speed touches all alike); the table
shows medians of wall time (process start included) and peak RSS. Beside
them, CPU time measured inside one process (`scale-synth --cpu K`: K
syntheses with and K without the rules, alternating, and the rule pack alone
on the finished template), which other processes on the machine barely move;
and, when valgrind is installed, the instructions each walkthrough synthesis
executes (callgrind), which do not move at all.
"""
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import ROOT, RUNS, fmt_time, medians_interleaved, release_bin  # noqa: E402


def instructions(command: list[str]) -> int:
    """Instructions one run executes, all threads, by valgrind's callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *command],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def main() -> None:
    bin_path = release_bin(products=("synth", "scale-synth", "startup-baseline"))
    synth, scale = str(bin_path / "synth"), str(bin_path / "scale-synth")
    pairs = [
        ("walkthrough stack (MacieDynamoDB)", [scale, "--stack", "MacieDynamoDB"]),
        ("N = 1000 (5,000 resources; every rule at warning level)", [scale, "1000"]),
    ]
    commands = [[synth, "MacieDynamoDB"], [str(bin_path / "startup-baseline")]]
    for _, command in pairs:
        commands += [command, command + ["--rules"]]
    medians = medians_interleaved(commands)
    cli, baseline, rest = medians[0], medians[1], medians[2:]
    rounds = {pairs[0][0]: "41", pairs[1][0]: "5"}
    cpu = {label: json.loads(subprocess.run(command + ["--cpu", rounds[label]], check=True, capture_output=True, text=True).stdout)
           for label, command in pairs}
    lines = ["# The security rule pack's cost", "",
             f"Written by `make bench` (benchmarks/rules_cost.py). Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{platform.platform()}. Statically linked release builds; each cell: median wall time and peak RSS of "
             f"{RUNS} rounds after a warm-up, process start included, all commands interleaved round by round.", "",
             "| work | without the rules | with the rules | the rules' cost | CPU without | CPU with | CPU of the rule pack alone |",
             "|---|---|---|---|---|---|---|"]
    for index, (label, _) in enumerate(pairs):
        (off_wall, off_rss), (on_wall, on_rss) = rest[2 * index], rest[2 * index + 1]
        cost = on_wall - off_wall
        lines.append(f"| {label} | {fmt_time(off_wall)}, {off_rss:.0f} MiB | {fmt_time(on_wall)}, {on_rss:.0f} MiB | "
                     f"{cost * 1000:+.1f} ms ({cost / off_wall * 100:+.0f}%) | "
                     f"{cpu[label]['without_ms']:.2f} ms | {cpu[label]['with_ms']:.2f} ms | {cpu[label]['rules_only_ms']:.2f} ms |")
    if shutil.which("valgrind"):
        walkthrough = pairs[0][1]
        off, on = instructions(walkthrough), instructions(walkthrough + ["--rules"])
        lines += ["", "Instructions executed (callgrind, independent of the machine's load): the walkthrough's stack "
                  f"{off:,} without the rules, {on:,} with them ({(on - off) / off * 100:+.1f}%); "
                  f"`synth MacieDynamoDB` {instructions([synth, 'MacieDynamoDB']):,}."]
    load = os.getloadavg()
    lines += ["", f"`synth MacieDynamoDB` (the command, rules on as always): {fmt_time(cli[0])}, {cli[1]:.0f} MiB; "
              f"in the same rounds, a program built the same way that only starts and prints (benchmarks/StartupBaseline): "
              f"{fmt_time(baseline[0])}. Read the rows against that baseline: on a busy machine every process starts slower.", "",
              f"Load average when the run ended: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} (1, 5, 15 minutes) on "
              f"{os.cpu_count()} cores. CPU columns: medians of 41 (walkthrough) and 5 (N = 1000) in-process "
              "syntheses, rendering included, all threads counted."]
    (ROOT / "benchmarks" / "RESULTS-rules.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
