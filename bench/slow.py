"""Slow clients: connections that send their request a byte at a time ("slowloris").

Each client sends the start of its request at once (a request line, or a body's headers) and
then one byte of the rest every ``interval`` seconds. When the server closes
the connection (nginx's read timeouts do) the client opens another and starts again, so the
pressure lasts as long as the clients run. One thread drives them all with ``selectors``.
"""

from __future__ import annotations

import selectors
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SlowRequest:
    """What a slow client sends: ``start`` at once, then ``rest`` a byte at a time."""

    start: bytes
    rest: bytes


@dataclass
class _Client:
    request: SlowRequest
    sock: socket.socket
    sent: int = 0
    due: float = 0.0


@dataclass
class Tally:
    """What the slow clients saw."""

    opened: int = 0
    closed_by_server: int = 0  # the server answered (a 408) or closed the connection
    bytes_sent: int = 0
    refused: int = 0  # connections that could not be opened at all
    open_at_end: int = 0
    answers: dict[str, int] = field(default_factory=dict)  # status lines the server sent


def slow_headers(host: str, path: str) -> SlowRequest:
    """A request line and a host, then a header that never ends: the server waits for the
    blank line."""
    start = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n".encode()
    return SlowRequest(start, b"X-Slow: " + b"a" * 4000)


def slow_body(host: str, path: str, length: int = 100_000) -> SlowRequest:
    """Complete headers announcing a body, which then arrives a byte at a time."""
    start = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n\r\n"
    )
    return SlowRequest(start.encode(), b" " * length)


def _open(address: tuple[str, int], request: SlowRequest, tally: Tally) -> _Client | None:
    try:
        sock = socket.create_connection(address, timeout=5)
        sock.sendall(request.start)
    except OSError:
        tally.refused += 1
        return None
    sock.setblocking(False)
    tally.opened += 1
    return _Client(request, sock)


def _run(
    address: tuple[str, int],
    clients: list[_Client],
    interval: float,
    stop: threading.Event,
    tally: Tally,
) -> None:
    chosen = selectors.DefaultSelector()
    for client in clients:
        chosen.register(client.sock, selectors.EVENT_READ, client)
    while not stop.is_set():
        now = time.monotonic()
        for client in list(clients):
            if client.due <= now and client.sent < len(client.request.rest):
                try:
                    client.sock.send(client.request.rest[client.sent : client.sent + 1])
                    client.sent += 1
                    tally.bytes_sent += 1
                except OSError:
                    pass  # the server closed it; the read below tells
                client.due = now + interval
        for key, _ in chosen.select(timeout=min(interval, 0.2)):
            client = key.data
            try:
                data = client.sock.recv(4096)
            except OSError:
                data = b""
            if data.startswith(b"HTTP/"):
                status = data.split(b"\r\n", 1)[0].decode("latin-1")
                tally.answers[status] = tally.answers.get(status, 0) + 1
            if not data or data.startswith(b"HTTP/"):
                tally.closed_by_server += 1
                chosen.unregister(client.sock)
                client.sock.close()
                clients.remove(client)
                again = _open(address, client.request, tally)
                if again is not None:
                    clients.append(again)
                    chosen.register(again.sock, selectors.EVENT_READ, again)
    tally.open_at_end = len(clients)
    for client in clients:
        client.sock.close()
    chosen.close()


@contextmanager
def slow_clients(
    address: tuple[str, int], requests: Sequence[SlowRequest], interval: float = 2.0
) -> Iterator[Tally]:
    """The clients, one per request, connected when the block starts and sending while it
    runs; the tally is complete once it has ended."""
    tally, stop = Tally(), threading.Event()
    clients = [c for c in (_open(address, r, tally) for r in requests) if c is not None]
    thread = threading.Thread(target=_run, args=(address, clients, interval, stop, tally))
    thread.start()
    try:
        yield tally
    finally:
        stop.set()
        thread.join()
