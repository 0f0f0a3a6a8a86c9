"""Fixtures for the deploy tests: moto's server on 127.0.0.1 for the session,
fake credentials, us-east-1, and nothing but loopback traffic."""

from __future__ import annotations

import contextlib
import signal
import socket
from typing import Any, Callable, Iterator

import pytest

from .harness_config import REGION
from .network_guard import loopback_only

# Credentials that can sign a request and nothing else. Every setting that
# could lead boto3 to a real account or endpoint is pinned or emptied.
FAKE_AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_REGION": REGION,
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}
UNSET_AWS_ENVIRONMENT = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SECURITY_TOKEN",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
)


def _require_moto_server() -> None:
    """Skip (with the reason) when moto's server extras are not installed."""
    import importlib

    for module in ("moto.server", "moto.cloudformation", "flask", "flask_cors", "boto3", "yaml"):
        try:
            importlib.import_module(module)
        except ImportError as error:
            pytest.skip(
                f"cannot import {module} ({error}): the deploy tests need moto[server,cloudformation] "
                "from requirements-dev.txt (see Tests/python/deploy/README.md)"
            )


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise TimeoutError in this (the main) thread if the block runs longer."""

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"{what} did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Moto:
    """The running server and clients for it."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.url: str = server.url
        self.region = REGION

    def client(self, service: str) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.session.Session(region_name=REGION).client(
            service,
            endpoint_url=self.url,
            config=Config(connect_timeout=5, read_timeout=60, retries={"max_attempts": 1, "mode": "standard"}),
        )


@pytest.fixture(scope="session")
def moto() -> Iterator[Moto]:
    """moto's server on 127.0.0.1 (a free port) for the whole run, stopped at the end."""
    _require_moto_server()
    from .moto_server import MotoServer

    server = MotoServer().start()
    port = server.port
    try:
        yield Moto(server)
    finally:
        server.stop()
        # Nothing may listen there any more.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"moto still listening on 127.0.0.1:{port}"


@pytest.fixture(scope="module", autouse=True)
def aws_sandbox(moto: Moto) -> Iterator[None]:
    """For each module here (and only here: other test folders see nothing of
    it): fake credentials, us-east-1, every boto3 client pointed at moto, and
    only loopback connections."""
    with pytest.MonkeyPatch.context() as patch, loopback_only():
        for name in UNSET_AWS_ENVIRONMENT:
            patch.delenv(name, raising=False)
        for name, value in FAKE_AWS_ENVIRONMENT.items():
            patch.setenv(name, value)
        patch.setenv("AWS_ENDPOINT_URL", moto.url)
        import boto3

        patch.setattr(boto3, "DEFAULT_SESSION", None)  # nothing cached from before
        yield


_REPORT = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def deploy_report(request: pytest.FixtureRequest) -> list[str]:
    """Lines for the summary at the end of the run (what moto skipped, workarounds)."""
    return request.config.stash.setdefault(_REPORT, [])


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    lines = config.stash.get(_REPORT, [])
    if lines:
        terminalreporter.write_sep("-", "deploy to moto")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def time_limited() -> Callable[[float, str], contextlib.AbstractContextManager[None]]:
    return time_limit
