"""Only loopback traffic: a connection to any other address fails the test
before a packet is sent."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from typing import Any, Iterator


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or "localhost"; nothing else."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return host == "localhost"


@contextlib.contextmanager
def loopback_only() -> Iterator[None]:
    """Any connection to an address outside 127.0.0.0/8 or ::1 fails the test
    before a packet is sent, instead of leaving this machine."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return  # a Unix socket stays on this machine
        if not is_loopback(str(address[0])):
            raise AssertionError(f"deploy tests may connect only to loopback addresses, not {address!r}")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        return real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex  # type: ignore[method-assign]
