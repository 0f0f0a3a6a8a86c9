"""The documentation's examples work: every ```swift block of the README and of
the DocC articles type-checks against the built modules, every shell block that
runs `synth` runs with the exit status it documents, and the generated articles
(the command reference, the performance tables) are current.

Swift blocks: a document's blocks form one module, type-checked together, so a
later block may use what an earlier one declares (`@main struct Infra` listing
the stack above it). A block with an `import` is a file as written; a block
without one is a fragment: the body of a function given the `stack` being built,
with the modules a stack file imports.

Shell blocks (bash, sh, shell, console): each command that runs `synth`
(`swift run synth …` or `synth …`, after `$ ` in a console block) runs with
the built executable, in a scratch folder holding a copy of generated/, the
repository's Tests/ and the walkthrough's CSV files, as a reader following the
documentation has them. Its exit status must be 0, or the one its line states
with a comment `# exit status N`. Other commands (aws, make) are not run."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("SWIFT_BIN_PATH", ROOT / ".build/debug"))
MODULES = BIN / "Modules"
DOCUMENTS = sorted([ROOT / "README.md", *ROOT.glob("Sources/*/*.docc/**/*.md")])
FRAGMENT_IMPORTS = ["AWSConstructs", "AWSResources", "CloudFormation", "Stacks"]
WALKTHROUGH_DATA = ROOT / "Tests/python/deploy/datasets"

BLOCK = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
SYNTH_COMMAND = re.compile(r"^(?:\$ )?(?:swift run )?synth(?=\s|$)")
EXIT_STATUS = re.compile(r"#\s*exit status (\d+)")


def blocks(document: Path, languages: set[str]) -> list[tuple[int, str]]:
    text = document.read_text()
    return [(text.count("\n", 0, match.start()) + 1, match.group(2))
            for match in BLOCK.finditer(text) if match.group(1) in languages]


def label(document: Path) -> str:
    return str(document.relative_to(ROOT))


def swift_file(line: int, code: str) -> str:
    location = f"// from line {line}\n"
    if re.search(r"^import ", code, re.MULTILINE):
        return location + code
    body = "".join(f"    {text}\n" if text else "\n" for text in code.splitlines())
    imports = "".join(f"import {module}\n" for module in FRAGMENT_IMPORTS)
    return f"{location}{imports}\nfunc example{line}(_ stack: Stack) throws {{\n{body}}}\n"


DOCUMENTS_WITH_SWIFT = [document for document in DOCUMENTS if blocks(document, {"swift"})]


def test_the_documents_have_examples_to_check():
    # A broken block pattern would find nothing and pass everything.
    assert DOCUMENTS_WITH_SWIFT and ROOT / "README.md" in DOCUMENTS_WITH_SWIFT
    assert SHELL_COMMANDS


@pytest.mark.parametrize("document", DOCUMENTS_WITH_SWIFT, ids=label)
def test_swift_blocks_type_check(document, tmp_path):
    files = []
    for line, code in blocks(document, {"swift"}):
        if code.lstrip().startswith("// swift-tools-version"):
            continue  # a package manifest: checked by the example packages under Examples/
        path = tmp_path / f"line{line}.swift"
        path.write_text(swift_file(line, code))
        files.append(str(path))
    result = subprocess.run(
        ["swiftc", "-typecheck", "-parse-as-library", "-I", str(MODULES), "-I", str(ROOT / "Sources/CYAML"), *files],
        capture_output=True, text=True)
    assert result.returncode == 0, f"{label(document)}:\n{result.stderr}"
    assert "warning:" not in result.stderr, f"{label(document)}:\n{result.stderr}"


def commands(code: str) -> list[str]:
    """The block's commands, continuation lines joined."""
    joined, pending = [], ""
    for text in code.splitlines():
        if text.endswith("\\"):
            pending += text[:-1] + " "
            continue
        joined.append(pending + text)
        pending = ""
    return [command for command in joined if SYNTH_COMMAND.match(command)]


SHELL_COMMANDS = [(document, line, command)
                  for document in DOCUMENTS
                  for line, code in blocks(document, {"bash", "sh", "shell", "console"})
                  for command in commands(code)]


@pytest.fixture(scope="module")
def reader_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reader")
    shutil.copytree(ROOT / "generated", folder / "generated")
    (folder / "Tests").symlink_to(ROOT / "Tests")
    for data in WALKTHROUGH_DATA.glob("*.csv"):
        shutil.copy(data, folder / data.name)
    return folder


@pytest.mark.parametrize("document,line,command", SHELL_COMMANDS,
                         ids=[f"{label(d)}:{n}:{c.split('#')[0].strip()}" for d, n, c in SHELL_COMMANDS])
def test_synth_commands_run_with_the_documented_exit_status(document, line, command, reader_folder):
    expected = int(EXIT_STATUS.search(command).group(1)) if EXIT_STATUS.search(command) else 0
    runnable = SYNTH_COMMAND.sub(lambda _: f'"{BIN / "synth"}"', command, count=1)
    result = subprocess.run(["bash", "-c", runnable], cwd=reader_folder, capture_output=True, text=True)
    assert result.returncode == expected, (
        f"{label(document)}:{line}: `{command}` exited {result.returncode}, documented {expected}\n{result.stderr}")


def test_the_command_reference_is_written_from_the_current_commands():
    result = subprocess.run([sys.executable, str(ROOT / "docs/command_reference.py"), str(BIN / "synth"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_performance_article_shows_the_current_benchmark_results():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/performance_article.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
