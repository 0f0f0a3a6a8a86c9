"""Writes the command reference article from `synth`'s own command definitions:
the subcommands and their abstracts from `--experimental-dump-help`, and each
subcommand's help as swift-argument-parser prints it. Nothing is written twice:
change a command's help in Sources/SynthCommand and run `make docs`.

    python docs/command_reference.py SYNTH_EXECUTABLE [--check]
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from generated_article import ROOT, write_or_check

ARTICLE = ROOT / "Sources/SynthCommand/SynthCommand.docc/CommandReference.md"
# Help is wrapped to the terminal's width: a fixed width gives the same article everywhere.
HELP_ENVIRONMENT = {**os.environ, "COLUMNS": "100"}


def run(synth: Path, *arguments: str) -> str:
    return subprocess.run([str(synth), *arguments], check=True, capture_output=True, text=True,
                          env=HELP_ENVIRONMENT).stdout.rstrip()


def render(synth: Path) -> str:
    root = json.loads(run(synth, "--experimental-dump-help"))["command"]
    subcommands = [command for command in root.get("subcommands", [])
                   if command.get("shouldDisplay", True) and command["commandName"] != "help"]
    lines = [
        "# Command reference",
        "",
        "Every subcommand of `synth`, as its own help describes it.",
        "",
        "## Overview",
        "",
        "This article is written by `make docs` from the command definitions in",
        "`Sources/SynthCommand` (`synth help SUBCOMMAND` prints the same text); a test fails",
        "when it is out of date. A package's own command (a `SynthApp`) has the same",
        "subcommands, options and exit statuses.",
        "",
        "```text",
        run(synth, "--help"),
        "```",
    ]
    for command in subcommands:
        name = command["commandName"]
        lines += ["", f"### synth {name}", "", command.get("abstract", ""), "", "```text",
                  run(synth, "help", name), "```"]
    return "\n".join(lines) + "\n"


def main() -> int:
    return write_or_check(ARTICLE, render(Path(sys.argv[1])), "--check" in sys.argv[2:], "run `make docs`")


if __name__ == "__main__":
    sys.exit(main())
