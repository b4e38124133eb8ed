"""Raw HTTP against the production server (gunicorn, as documented): malformed request lines,
odd headers and encodings, oversized bodies. gunicorn or the app must answer each with a 4xx (or
a normal answer), never a 5xx, and nothing in any answer may name the software's internals."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.web import serving
from dashboard.memo import CALLBACK_PATH
from tests.dashboard.test_request_fuzz import LEAKS, SENT

RAW = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def address() -> Iterator[tuple[str, int]]:
    with serving("dashboard.app:server") as base:
        parsed = urlparse(base)
        assert parsed.hostname is not None and parsed.port is not None
        yield parsed.hostname, parsed.port


def exchange(address: tuple[str, int], request: bytes) -> bytes:
    """Send ``request`` as is and read the whole answer (the server closes the connection)."""
    with socket.create_connection(address, timeout=10) as connection:
        connection.sendall(request)
        connection.shutdown(socket.SHUT_WR)  # nothing more is coming: no wait for a body
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def check(answer: bytes) -> None:
    SENT["raw HTTP"] += 1
    if not answer:
        return  # the server may close on garbage without a word
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1."), status_line
    status = int(status_line.split()[1])
    assert status < 500, answer[:300]
    text = answer.decode("latin-1")
    for leak in LEAKS:
        assert leak not in text


paths = st.text(max_size=40).map(lambda t: "/" + t) | st.sampled_from(
    [
        *("/", "/download/widgets.csv?from=1e9", "/api/v1/indicators", "/%zz", "/../../etc/passwd"),
        *("//", "//example.org/x", "//" + "a" * 70, "//./sources"),  # paths, not hosts, here
    ]
)
header_values = st.text(max_size=40) | st.binary(max_size=40).map(lambda b: b.decode("latin-1"))


@RAW
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "BREW", "G\x00T", ""]),
    path=paths,
    version=st.sampled_from(["HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "HTTX/1.1", ""]),
    headers=st.lists(
        st.tuples(
            st.sampled_from(
                ["Accept-Encoding", "Content-Type", "Host", "Cookie", "X-Forwarded-For", "Range"]
            )
            | st.text(max_size=10),
            header_values,
        ),
        max_size=4,
    ),
    body=st.binary(max_size=200),
)
def test_malformed_http(
    address: tuple[str, int],
    method: str,
    path: str,
    version: str,
    headers: list[tuple[str, str]],
    body: bytes,
) -> None:
    lines = [f"{method} {path} {version}"] + [f"{name}: {value}" for name, value in headers]
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    request = "\r\n".join(lines).encode("utf-8", "surrogateescape") + b"\r\n\r\n" + body
    check(exchange(address, request))


@RAW
@given(body=st.binary(max_size=2000), encoding=st.sampled_from(["gzip", "br", "chunked", "x"]))
def test_callback_bodies_in_odd_transfer_encodings(
    address: tuple[str, int], body: bytes, encoding: str
) -> None:
    framing = (
        f"Transfer-Encoding: chunked\r\n\r\n{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
        if encoding == "chunked"
        else f"Content-Encoding: {encoding}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    )
    head = (
        f"POST {CALLBACK_PATH} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        "Content-Type: application/json\r\n"
    ).encode()
    check(exchange(address, head + framing))


def test_oversized_body_gets_413(address: tuple[str, int]) -> None:
    connection = http.client.HTTPConnection(*address, timeout=30)
    body = json.dumps({"output": "x", "pad": "a" * 3_000_000}).encode()
    # The server may stop reading once it has refused the body.
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        connection.request(
            "POST", CALLBACK_PATH, body=body, headers={"Content-Type": "application/json"}
        )
    response = connection.getresponse()
    SENT["raw HTTP"] += 1
    assert response.status == 413
    assert b"Traceback" not in response.read()
    connection.close()
