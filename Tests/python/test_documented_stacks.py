"""Every stack the documentation defines is synthesized, and its templates are
lint-clean: no cfn-lint finding (informational checks included) and no failed
checkov check.

A project is what a reader ends up with: a document's Swift blocks, as one
module (as test_docs type-checks them), or the last version of each file a
tutorial's steps write under `Sources/`. A project defines stacks when one of
its types conforms to `StackDefinition`; its stacks are the catalog of one
`synth`, which writes them with `--output`, as a reader's own `Infra` would.

Everything is compiled once, into one executable that links the modules the
built `synth` links (the DSL, the constructs, the command): each module of a
project gains a file listing its stack types, and the executable selects a
project's catalog by its first argument and passes the rest to `synth`."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_docs import (BIN, DOCUMENTS, MODULES, ROOT, SYSTEM_LIBRARY_FLAGS, TUTORIALS, blocks, import_order, is_package_manifest,
                       label, module_imports, swift_file, tutorial_steps)

# The objects SwiftPM links into the built `synth`, its own main excepted.
SYNTH_OBJECTS = BIN / "synth.product/Objects.LinkFileList"
SYNTH_MAIN_OBJECTS = "synth.build"
# The service modules (AWSEC2, AWSRDS, …), which synth does not link: a document
# that imports one links its objects.
SERVICE_MODULES = {path.name for path in (ROOT / "Sources/Services").iterdir() if path.is_dir()}
IMPORT = re.compile(r"^\s*import\s+(\w+)", re.MULTILINE)
CATALOG_TYPE = "DocumentedStacks"
STACK_TYPE = re.compile(r"^\s*(?:public\s+|final\s+)*(?:struct|class|enum|actor)\s+(\w+)\s*:[^{]*\bStackDefinition\b",
                        re.MULTILINE)
CFN_LINT = Path(sys.executable).with_name("cfn-lint")
CHECKOV = Path(sys.executable).with_name("checkov")


@dataclass
class Project:
    label: str
    sources: dict[str, dict[str, str]]  # module → file name → text

    def stack_types(self, module: str) -> list[str]:
        return [name for text in self.sources[module].values() for name in STACK_TYPE.findall(text)]

    @property
    def modules_with_stacks(self) -> list[str]:
        return [module for module in self.sources if self.stack_types(module)]


def document_project(index: int, document: Path) -> Project:
    """A document's Swift blocks, one module, as test_docs type-checks them."""
    files = {f"line{line}.swift": swift_file(line, code) for line, code in blocks(document, {"swift"})
             if not is_package_manifest(code)}
    module = "Document" + str(index) + re.sub(r"\W", "", document.stem)
    return Project(label(document), {module: files})


def tutorial_project(tutorial: Path) -> Project:
    """The reader's package after the tutorial's last step: its `Sources/` modules."""
    files: dict[str, Path] = {}
    for name, file in tutorial_steps(tutorial):
        files[name] = file
    sources: dict[str, dict[str, str]] = {}
    for name, file in files.items():
        parts = Path(name).parts
        if len(parts) >= 3 and parts[0] == "Sources":
            sources.setdefault(parts[1], {})[Path(name).name] = file.read_text()
    return Project(label(tutorial), sources)


def documented_projects() -> list[Project]:
    candidates = [document_project(index, document) for index, document in enumerate(DOCUMENTS)]
    candidates += [tutorial_project(tutorial) for tutorial in TUTORIALS if "@Tutorial(" in tutorial.read_text()]
    return [project for project in candidates if project.modules_with_stacks]


PROJECTS = documented_projects()


def catalog_file(types: list[str]) -> str:
    """A file of a module listing its stack types, for the executable's catalogs."""
    stacks = ", ".join(f"{name}()" for name in types)
    return (f"import CloudFormation\n\npublic enum {CATALOG_TYPE} {{\n"
            f"    public static let stacks: [any StackDefinition] = [{stacks}]\n}}\n")


def main_file(projects: list[Project]) -> str:
    """The executable's main: `documented-stacks INDEX ARGUMENTS…` is `synth
    ARGUMENTS…` over the stacks of the project at INDEX."""
    modules = sorted(module for project in projects for module in project.modules_with_stacks)
    catalogs, cases = [], []
    for index, project in enumerate(projects):
        listed = " + ".join(f"{module}.{CATALOG_TYPE}.stacks" for module in project.modules_with_stacks)
        catalogs.append(f"enum Project{index}: StackCatalog {{\n    static let stacks: [any StackDefinition] = {listed}\n}}\n")
        cases.append(f'        case "{index}": Synth<Project{index}>.runAsMain(arguments: arguments)\n')
    return ("import CloudFormation\nimport Foundation\nimport SynthCommand\n"
            + "".join(f"import {module}\n" for module in modules) + "\n" + "\n".join(catalogs)
            + "\n@main\nenum DocumentedStacksMain {\n    static func main() {\n"
            + "        let arguments = Array(CommandLine.arguments.dropFirst(2))\n"
            + "        switch CommandLine.arguments.dropFirst().first ?? \"\" {\n" + "".join(cases)
            + '        default:\n            FileHandle.standardError.write(Data("usage: documented-stacks PROJECT [ARGUMENTS]\\n".utf8))\n'
            + "            exit(2)\n        }\n    }\n}\n")


def write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in files]


def compile_swift(arguments: list[str], what: str) -> None:
    result = subprocess.run(["swiftc", "-swift-version", "6", "-parse-as-library", "-I", str(MODULES),
                             *SYSTEM_LIBRARY_FLAGS, *arguments], capture_output=True, text=True)
    assert result.returncode == 0 and "warning:" not in result.stderr, f"{what}:\n{result.stderr}"


@pytest.fixture(scope="module")
def documented_stacks(tmp_path_factory) -> Path:
    """The one executable over every project's stacks."""
    scratch = tmp_path_factory.mktemp("documented-stacks")
    modules = [module for project in PROJECTS for module in project.sources]
    assert len(modules) == len(set(modules)), f"two projects name a module alike: {sorted(modules)}"
    objects = []
    for project in PROJECTS:
        for module in import_order(module_imports({module: list(files.values()) for module, files in project.sources.items()})):
            files = dict(project.sources[module])
            if types := project.stack_types(module):
                files[f"{CATALOG_TYPE}.swift"] = catalog_file(types)
            objects.append(str(scratch / f"{module}.o"))
            # A document's own `@main` gets an entry point of another name: the executable's is the only `main`.
            compile_swift(["-wmo", "-module-name", module, "-I", str(scratch),
                           "-emit-module", "-emit-module-path", str(scratch / f"{module}.swiftmodule"),
                           "-Xfrontend", "-entry-point-function-name", "-Xfrontend", f"{module}_main",
                           "-emit-object", "-o", objects[-1], *write(scratch / module, files)],
                          f"{project.label}, module {module}")
    assert SYNTH_OBJECTS.exists(), f"{SYNTH_OBJECTS} is missing: build synth first (swift build)"
    linked = [line for line in SYNTH_OBJECTS.read_text().splitlines()
              if Path(line.strip('"')).parent.name != SYNTH_MAIN_OBJECTS]
    imported = {name for project in PROJECTS for files in project.sources.values() for text in files.values()
                for name in IMPORT.findall(text)}
    linked += [str(path) for module in sorted(imported & SERVICE_MODULES) for path in sorted((BIN / f"{module}.build").glob("*.o"))]
    (scratch / "objects").write_text("\n".join(linked) + "\n")
    executable = scratch / "documented-stacks"
    compile_swift(["-module-name", "DocumentedStacksMain", "-I", str(scratch), "-emit-executable", "-o", str(executable),
                   *write(scratch / "DocumentedStacksMain", {"main.swift": main_file(PROJECTS)}), *objects,
                   f"@{scratch / 'objects'}"],
                  "the executable over the documented stacks")
    return executable


def test_the_documentation_defines_stacks_to_check():
    # A broken pattern would find no stack and check nothing.
    assert "README.md" in [project.label for project in PROJECTS]
    assert any(project.label.endswith(".tutorial") for project in PROJECTS)


def checkov_summaries(run: subprocess.CompletedProcess, label: str) -> list[dict]:
    try:
        reports = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"{label}: checkov wrote no report:\n{run.stdout}{run.stderr}")
    return [report["summary"] for report in (reports if isinstance(reports, list) else [reports])]


@pytest.mark.parametrize("index", range(len(PROJECTS)), ids=[project.label for project in PROJECTS])
def test_the_stacks_synthesize_and_lint_clean(index, documented_stacks, tmp_path):
    project = PROJECTS[index]
    result = subprocess.run([str(documented_stacks), str(index), "--output", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{project.label}: synth exited {result.returncode}\n{result.stderr}"
    templates = sorted(str(path) for path in tmp_path.glob("*.yaml"))
    stacks = sum(len(project.stack_types(module)) for module in project.modules_with_stacks)
    assert len(templates) >= stacks, f"{project.label}: {stacks} stacks, but synth wrote {templates}"

    lint = subprocess.run([str(CFN_LINT), "--include-checks", "I", "--", *templates], capture_output=True, text=True)
    assert lint.returncode == 0, f"{project.label}: cfn-lint:\n{lint.stdout}{lint.stderr}"

    checkov = subprocess.run([str(CHECKOV), "--quiet", "--compact", "--skip-download", "--framework", "cloudformation",
                              "--output", "json", *(argument for template in templates for argument in ("-f", template))],
                             capture_output=True, text=True, env={**os.environ, "BC_SKIP_MAPPING": "TRUE"})
    summaries = checkov_summaries(checkov, project.label)
    assert sum(summary["resource_count"] for summary in summaries) > 0, f"{project.label}: checkov read no resource"
    assert checkov.returncode == 0 and all(summary["failed"] == 0 and summary["parsing_errors"] == 0
                                           for summary in summaries), f"{project.label}: checkov:\n{checkov.stdout}"
