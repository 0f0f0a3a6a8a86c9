"""A deployed function's code and environment, read back from moto, and the
handler run in this process as Lambda's Python runtime would run it.

Where the code comes from: ``lambda.get_function`` answers with
``Code.Location``, a presigned-looking URL on
``awslambda-<region>-tasks.s3.<region>.amazonaws.com`` that moto 5.2 does not
serve (it keeps the package in memory: "TODO: we should be putting this in a
lambda bucket"), and fetching it would leave this machine. So the package is
read from the emulator's own memory (the server runs in this process): the zip
moto built from the template's ``Code.ZipFile`` when it created the function.
Its SHA-256 is checked against the ``CodeSha256`` that ``get_function``
returns, so the bytes are the ones the API describes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.util
import io
import os
import sys
import tempfile
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .harness_config import ACCOUNT_ID


@dataclass
class DeployedFunction:
    name: str
    handler: str  # "index.handler"
    runtime: str
    timeout: int
    memory_size: int
    environment: dict[str, str]
    files: dict[str, str]  # the deployment package, file name → text
    code_sha256: str
    configuration: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def module_name(self) -> str:
        return self.handler.rsplit(".", 1)[0]

    @property
    def source(self) -> str:
        return self.files[f"{self.module_name}.py"]


def _package_from_emulator(function_name: str, region: str) -> bytes:
    from moto.awslambda.models import lambda_backends
    from moto.core import DEFAULT_ACCOUNT_ID

    function = lambda_backends[DEFAULT_ACCOUNT_ID][region].get_function(function_name)
    return function.code_bytes


def read_deployed_function(lambda_client: Any, function_name: str, region: str) -> DeployedFunction:
    answer = lambda_client.get_function(FunctionName=function_name)
    configuration = lambda_client.get_function_configuration(FunctionName=function_name)
    package = _package_from_emulator(function_name, region)
    sha256 = base64.b64encode(hashlib.sha256(package).digest()).decode()
    if sha256 != answer["Configuration"]["CodeSha256"]:
        raise AssertionError(
            f"{function_name}: the package in moto's memory (SHA-256 {sha256}) is not the one "
            f"get_function describes ({answer['Configuration']['CodeSha256']})"
        )
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        files = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    return DeployedFunction(
        name=function_name,
        handler=configuration["Handler"],
        runtime=configuration["Runtime"],
        timeout=configuration["Timeout"],
        memory_size=configuration["MemorySize"],
        environment=dict((configuration.get("Environment") or {}).get("Variables") or {}),
        files=files,
        code_sha256=answer["Configuration"]["CodeSha256"],
        configuration=configuration,
    )


class FakeContext:
    """The parts of Lambda's context object that handlers usually read."""

    def __init__(self, function: DeployedFunction, region: str, account_id: str) -> None:
        self.function_name = function.name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{region}:{account_id}:function:{function.name}"
        self.memory_limit_in_mb = str(function.memory_size)
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function.name}"
        self.log_stream_name = "deploy-test"
        self._deadline = time.monotonic() + function.timeout

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


@contextlib.contextmanager
def lambda_environment(function: DeployedFunction, region: str, endpoint_url: str) -> Iterator[None]:
    """os.environ as the function sees it: its deployed variables, what Lambda's
    runtime adds (Region, credentials, UTC), and AWS_ENDPOINT_URL for moto.
    Nothing else of this process's environment but PATH. Restored afterwards."""
    saved = dict(os.environ)
    environment = {
        "PATH": saved.get("PATH", "/usr/bin:/bin"),
        "LANG": "en_US.UTF-8",
        "TZ": "UTC",  # Lambda runs in UTC; time.strftime and datetime.now() follow TZ
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_LAMBDA_FUNCTION_NAME": function.name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(function.memory_size),
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{function.runtime}",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_ENDPOINT_URL": endpoint_url,
    }
    clashes = sorted(set(function.environment) & {"AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID"})
    if clashes:
        raise AssertionError(f"{function.name} sets reserved variables: {clashes}")
    environment.update(function.environment)
    os.environ.clear()
    os.environ.update(environment)
    time.tzset()
    import boto3

    saved_session, boto3.DEFAULT_SESSION = boto3.DEFAULT_SESSION, None  # a fresh session reads this environment
    try:
        yield
    finally:
        boto3.DEFAULT_SESSION = saved_session
        os.environ.clear()
        os.environ.update(saved)
        time.tzset()


def run_handler(
    function: DeployedFunction, event: dict[str, Any], *, region: str, endpoint_url: str, account_id: str = ACCOUNT_ID
) -> Any:
    """Load the deployed package's handler module (as `index`) from a temp
    folder and call its handler once."""
    module_name, handler_name = function.handler.rsplit(".", 1)
    with tempfile.TemporaryDirectory(prefix=f"{function.name}-") as folder:
        for name, text in function.files.items():
            path = Path(folder, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(module_name, Path(folder, f"{module_name}.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        saved_module = sys.modules.get(module_name)
        sys.modules[module_name] = module
        sys.path.insert(0, folder)  # the package's other files, as in /var/task
        try:
            with lambda_environment(function, region, endpoint_url):
                spec.loader.exec_module(module)  # module-level code runs in the function's environment too
                return getattr(module, handler_name)(event, FakeContext(function, region, account_id))
        finally:
            sys.path.remove(folder)
            if saved_module is None:
                sys.modules.pop(module_name, None)
            else:
                sys.modules[module_name] = saved_module
