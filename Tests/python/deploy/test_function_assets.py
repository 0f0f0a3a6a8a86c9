"""A function whose code is a folder: `synth --output` writes its ZIP beside the
template, named by content hash; the same files give the same bytes; the
archive holds what the folder holds; and the template deploys to moto after
the equivalent of `aws cloudformation package` (the ZIP uploaded to moto's S3,
`Code` pointed at it), and the function runs."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .harness_config import REGION, REPO_ROOT

pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto:UserWarning")

BIN = Path(os.environ.get("SWIFT_BIN_PATH", REPO_ROOT / ".build/debug"))
FIXTURES = {"FolderFunction": BIN / "synth-fixtures", "VendoredFunction": BIN / "synth-vendored"}
FOLDER = REPO_ROOT / "Tests/Fixtures/folder-function"
STACK = "FolderFunction"


VENDORED = REPO_ROOT / "Tests/Fixtures/vendored-function"


def synthesize(output: Path, stack: str = STACK) -> Path:
    executable = FIXTURES[stack]
    if not executable.exists():
        pytest.skip(f"{executable} is not built: run `swift build` first")
    # pip for requirements.txt: this interpreter's.
    environment = {**os.environ, "SYNTH_PYTHON": sys.executable}
    subprocess.run([str(executable), stack, "--output", str(output)], check=True, capture_output=True, timeout=300, env=environment)
    return output / f"{stack}.yaml"


def folder_files(folder: Path = FOLDER) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def archive_of(template_file: Path) -> Path:
    from .cfn_template import load_template

    return template_file.parent / load_template(template_file)["Resources"]["Greeter"]["Properties"]["Code"]


def package(template: dict, template_dir: Path, s3, bucket: str) -> dict:
    """What `aws cloudformation package` does to a function's local `Code`
    path: upload the file, and put its S3 location in the template."""
    packaged = json.loads(json.dumps(template))
    for resource in packaged["Resources"].values():
        code = resource.get("Properties", {}).get("Code")
        if resource["Type"] == "AWS::Lambda::Function" and isinstance(code, str):
            body = (template_dir / code).read_bytes()
            key = hashlib.md5(body).hexdigest()  # noqa: S324 - the key `package` uses, not security
            s3.put_object(Bucket=bucket, Key=key, Body=body)
            resource["Properties"]["Code"] = {"S3Bucket": bucket, "S3Key": key}
    return packaged


def test_two_runs_write_identical_zips_named_by_content_holding_the_folder(tmp_path):
    from .cfn_template import load_template

    first = synthesize(tmp_path / "first")
    second = synthesize(tmp_path / "second")
    code = load_template(first)["Resources"]["Greeter"]["Properties"]["Code"]
    assert isinstance(code, str) and code.startswith("assets/") and code.endswith(".zip")
    archive = first.parent / code
    assert archive.read_bytes() == (second.parent / code).read_bytes()
    assert code == f"assets/{hashlib.sha256(archive.read_bytes()).hexdigest()}.zip"
    with zipfile.ZipFile(archive) as zipped:
        assert zipped.testzip() is None
        assert zipped.namelist() == sorted(folder_files())
        assert {name: zipped.read(name) for name in zipped.namelist()} == folder_files()
        assert {info.date_time for info in zipped.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in zipped.infolist()} == {0o100644}


def test_packaged_template_deploys_to_moto_and_the_function_runs(moto, tmp_path, time_limited):
    from .cfn_template import load_template
    from .lambda_runner import read_deployed_function, run_handler
    from .stack_deploy import deploy

    template_file = synthesize(tmp_path)
    s3 = moto.client("s3")
    s3.create_bucket(Bucket="packaged-functions")
    packaged = package(load_template(template_file), template_file.parent, s3, "packaged-functions")
    with time_limited(120, "the folder-function stack"):
        deployment = deploy(moto, "folder-function", json.dumps(packaged, indent=1), packaged, timeout=60)
    assert deployment.status == "CREATE_COMPLETE"
    function = read_deployed_function(moto.client("lambda"), deployment.outputs["FunctionName"], REGION)
    assert {name: text.encode() for name, text in function.files.items()} == folder_files()
    with time_limited(30, "the folder function's handler"):
        answer = run_handler(function, {"name": "Macie"}, region=REGION, endpoint_url=moto.url)
    assert answer == {"message": "Hello, Macie!", "stage": "test"}


def test_requirements_are_installed_into_the_package_the_same_bytes_every_time(tmp_path):
    first = archive_of(synthesize(tmp_path / "first", "VendoredFunction"))
    second = archive_of(synthesize(tmp_path / "second", "VendoredFunction"))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zipped:
        names = zipped.namelist()
        for name, contents in folder_files(VENDORED).items():
            assert zipped.read(name) == contents
        assert "greetpkg/__init__.py" in names
        assert "greetpkg-1.0.dist-info/METADATA" in names
        namespace: dict = {}
        exec(zipped.read("greetpkg/__init__.py"), namespace)  # noqa: S102 - the vendored module, from our own wheel
        assert namespace["greet"]("Macie") == "Hello, Macie!"
