"""moto's server on 127.0.0.1, in this process, on a port the kernel picks.

moto's own ``ThreadedMotoServer`` binds inside its thread and waits for it
without a timeout, so a failed bind would hang the test run. This helper binds
in the caller's thread (a failure raises at once), serves from a daemon
thread, and stops within a bounded time. It uses the same WSGI application and
request handler as ``ThreadedMotoServer`` (moto 5.2). The backends are moto's
process-wide ones, so the test can also look at what the emulator holds.
"""

from __future__ import annotations

import threading
import urllib.request

from werkzeug.serving import BaseWSGIServer, make_server

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)

LOOPBACK = "127.0.0.1"


class _QuietRequestHandler(MotoRequestHandler):
    """No access-log line per request (pytest shows stderr of failing tests)."""

    def log_request(self, code="-", size="-"):  # noqa: D401 - werkzeug's signature
        pass


class MotoServer:
    """``with MotoServer() as server: ... server.url``"""

    def __init__(self) -> None:
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "MotoServer":
        app = DomainDispatcherApplication(create_backend_app)
        # Port 0: the kernel picks a free port; nothing to race for.
        self._server = make_server(LOOPBACK, 0, app, threaded=True, request_handler=_QuietRequestHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="moto-server", daemon=True)
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def reset(self) -> None:
        """Drop every resource moto holds (its ``/moto-api/reset``)."""
        request = urllib.request.Request(f"{self.url}/moto-api/reset", method="POST", data=b"")
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is None:
            return
        self._server.shutdown()  # returns once serve_forever has stopped
        self._server.server_close()  # closes the listening socket
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError(f"moto server thread still running {timeout} s after shutdown")
        self._server = None
        self._thread = None

    def __enter__(self) -> "MotoServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
