"""The documentation's examples work: every ```swift block of the README and of
the DocC articles type-checks against the built modules, every shell block that
runs `synth` runs with the exit status it documents, and the generated articles
(the command reference, the performance tables) are current.

Swift blocks: a document's blocks form one module, type-checked together, so a
later block may use what an earlier one declares (`@main struct Infra` listing
the stack above it). A block with an `import` is a file as written; a block
without one is a fragment: the body of a function given the `stack` being built,
with the modules a stack file imports.

Tutorials: the project a tutorial builds type-checks after every step that
changes a Swift file. Each `@Code` names the file as a path in the reader's
package (`Sources/<Module>/…`, `Tests/<Module>/…`), so the files fall into
modules; a module imported by another is compiled first.

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
# The C libraries' module maps (libyaml, zlib), which the built modules need to load.
SYSTEM_LIBRARY_FLAGS = [flag for folder in sorted((ROOT / "Sources").glob("C*/module.modulemap"))
                        for flag in ("-I", str(folder.parent))]
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


def is_package_manifest(code: str) -> bool:
    return code.lstrip().startswith("// swift-tools-version")


DOCUMENTS_WITH_SWIFT = [document for document in DOCUMENTS if blocks(document, {"swift"})]


def test_the_documents_have_examples_to_check():
    # A broken block pattern would find nothing and pass everything.
    assert DOCUMENTS_WITH_SWIFT and ROOT / "README.md" in DOCUMENTS_WITH_SWIFT
    assert SHELL_COMMANDS


@pytest.mark.parametrize("document", DOCUMENTS_WITH_SWIFT, ids=label)
def test_swift_blocks_type_check(document, tmp_path):
    files = []
    for line, code in blocks(document, {"swift"}):
        if is_package_manifest(code):
            continue  # checked by the example packages under Examples/
        path = tmp_path / f"line{line}.swift"
        path.write_text(swift_file(line, code))
        files.append(str(path))
    result = subprocess.run(
        ["swiftc", "-typecheck", "-parse-as-library", "-I", str(MODULES), *SYSTEM_LIBRARY_FLAGS, *files],
        capture_output=True, text=True)
    assert result.returncode == 0, f"{label(document)}:\n{result.stderr}"
    assert "warning:" not in result.stderr, f"{label(document)}:\n{result.stderr}"


TUTORIALS = sorted(ROOT.glob("Sources/*/*.docc/**/*.tutorial"))
CODE_DIRECTIVE = re.compile(r'@Code\(name:\s*"([^"]+)",\s*file:\s*"([^"]+)"\)')


def tutorial_steps(tutorial: Path) -> list[tuple[str, Path]]:
    resources = {path.name: path for path in tutorial.parent.glob("**/*") if path.is_file()}
    return [(name, resources[file]) for name, file in CODE_DIRECTIVE.findall(tutorial.read_text())]


def module_imports(modules: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each module of a project (module → the text of its files), the
    project's modules it imports."""
    return {module: {imported for text in texts for imported in re.findall(r"^import (\w+)", text, re.MULTILINE)}
            & modules.keys() for module, texts in modules.items()}


def import_order(imports: dict[str, set[str]]) -> list[str]:
    """The modules in an order that compiles each after the modules it imports."""
    order: list[str] = []
    while len(order) < len(imports):
        ready = [module for module in sorted(imports) if module not in order and imports[module] <= set(order)]
        assert ready, f"the modules import each other in a circle: {imports}"
        order += ready
    return order


def typecheck_project(files: dict[str, Path], scratch: Path) -> str:
    """Type-checks a reader's project (display path → file); returns the
    problems, or an empty string."""
    modules: dict[str, list[Path]] = {}
    for name, path in files.items():
        parts = Path(name).parts
        if len(parts) >= 3 and parts[0] in ("Sources", "Tests"):
            modules.setdefault(parts[1], []).append(path)
    imports = module_imports({module: [path.read_text() for path in paths] for module, paths in modules.items()})
    for module in import_order(imports):
        imported_by_another = any(module in imports[other] for other in modules if other != module)
        output = ["-emit-module", "-emit-module-path", str(scratch / f"{module}.swiftmodule")] if imported_by_another else ["-typecheck"]
        result = subprocess.run(
            ["swiftc", *output, "-parse-as-library", "-module-name", module, "-I", str(MODULES),
             *SYSTEM_LIBRARY_FLAGS, "-I", str(scratch), *map(str, modules[module])],
            capture_output=True, text=True, cwd=scratch)
        if result.returncode != 0 or "warning:" in result.stderr:
            return f"{module}:\n{result.stderr}"
    return ""


def test_the_tutorials_have_steps_to_check():
    assert TUTORIALS and all(tutorial_steps(tutorial) for tutorial in TUTORIALS if "@Tutorial(" in tutorial.read_text())


@pytest.mark.parametrize("tutorial", [t for t in TUTORIALS if "@Tutorial(" in t.read_text()], ids=label)
def test_every_step_of_a_tutorial_type_checks(tutorial, tmp_path):
    project: dict[str, Path] = {}
    for index, (name, file) in enumerate(tutorial_steps(tutorial), start=1):
        project[name] = file
        if not name.endswith(".swift") or name == "Package.swift":
            continue
        scratch = tmp_path / f"step{index}"
        scratch.mkdir()
        problems = typecheck_project(project, scratch)
        assert not problems, f"{label(tutorial)}, step {index} ({file.name}): {problems}"


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
    result = subprocess.run([sys.executable, str(ROOT / "docs/performance_article.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
