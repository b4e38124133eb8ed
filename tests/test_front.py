"""The production command (``python -m deploy.serve``): Debian's nginx in front of gunicorn,
both real, on loopback, with the site under a prefix as a shared host would put it."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import slow
from deploy import serve
from tests.support import REPO, free_port

PREFIX = "/indicators"
SMALLEST_BODY_REFUSED = 1024 * 1024


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serve.Running]:
    if not Path(serve.NGINX).exists():
        pytest.fail(f"{serve.NGINX} not found: install Debian's nginx (make test does)")
    port = free_port()
    settings = serve.Settings(port=port, public_url=f"http://127.0.0.1:{port}{PREFIX}/")
    with (
        (tmp_path_factory.mktemp("front") / "serve.log").open("wb") as log,
        serve.running(settings, log) as running,
    ):
        yield running


def port_of(front: serve.Running) -> int:
    return int(front.base.split(":")[2].split("/")[0])


def raw(front: serve.Running, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` as it is; the status, headers (lower-cased names) and body."""
    with socket.create_connection(("127.0.0.1", port_of(front)), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        # Until nginx closes the connection (each of these answers closes it), or resets it
        # once it has answered a request whose body it will not read.
        while not data or b"\r\n\r\n" not in data or len(data) < _length(data):
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def _length(data: bytes) -> int:
    """The whole answer's length, from its Content-Length (0 until the headers are in)."""
    head, _, _ = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(head) + 4 + int(value)
    return len(data)


def get(front: serve.Running, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port_of(front), timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port_of(front)}", **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def host(front: serve.Running) -> bytes:
    return f"Host: 127.0.0.1:{port_of(front)}\r\n".encode()


def test_pages_pass_through_with_the_apps_headers(front: serve.Running) -> None:
    response = get(front, PREFIX + "/", **{"Accept-Encoding": "br"})
    assert response.status == 200 and response.headers["Content-Encoding"] == "br"
    assert response.headers["Server"] == "nginx"  # no version, and no gunicorn
    assert "script-src 'self' 'sha256-" in response.headers["Content-Security-Policy"]
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    outside = get(front, "/sources")
    assert outside.status == 404  # the app's refusal: only the prefix is the site's
    assert "default-src" in outside.headers["Content-Security-Policy"]


def _too_large_chunked(front: serve.Running) -> bytes:
    chunk = b"x" * 65536
    body = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * 20 + b"0\r\n\r\n"
    return (
        f"POST {PREFIX}/_dash-update-component HTTP/1.1\r\n".encode()
        + host(front)
        + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + body
    )


REFUSED = {
    "chunked body over 1 MiB": (413, _too_large_chunked),
    "declared body over 1 MiB": (
        413,
        lambda front: (
            f"POST {PREFIX}/_dash-update-component HTTP/1.1\r\n".encode()
            + host(front)
            + f"Content-Length: {SMALLEST_BODY_REFUSED + 1}\r\n\r\n".encode()
        ),
    ),
    "request line over 4 KiB": (
        414,
        lambda front: f"GET {PREFIX}/?q={'a' * 5000} HTTP/1.1\r\n".encode() + host(front) + b"\r\n",
    ),
    "header line over 4 KiB": (
        400,
        lambda front: (
            f"GET {PREFIX}/ HTTP/1.1\r\n".encode()
            + host(front)
            + f"X-Long: {'a' * 5000}\r\n\r\n".encode()
        ),
    ),
    "not HTTP": (400, lambda front: b"GARBAGE\r\n\r\n"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_what_nginx_refuses_it_answers_in_plain_text_with_the_security_headers(
    front: serve.Running, case: str
) -> None:
    expected, build = REFUSED[case]
    status, headers, body = raw(front, build(front))
    assert status == expected
    assert headers["content-type"] == "text/plain"
    assert body.decode().startswith(f"{expected} ")
    assert b"<" not in body and b"nginx" not in body and b"gunicorn" not in body
    assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_what_nginx_lets_through_gunicorn_never_refuses_with_a_page_of_its_own(
    front: serve.Running,
) -> None:
    # Just under nginx's limits: a long address, and more headers than gunicorn's default 100.
    long_line = f"GET {PREFIX}/?q={'a' * 3900} HTTP/1.1\r\n".encode() + host(front) + b"\r\n"
    many = (
        f"GET {PREFIX}/ HTTP/1.1\r\n".encode()
        + host(front)
        + b"".join(f"X-H{n}: {n}\r\n".encode() for n in range(300))
        + b"\r\n"
    )
    for request in (long_line, many):
        status, headers, _ = raw(front, request)
        assert status == 200
        assert "script-src 'self'" in headers["content-security-policy"]  # the app answered


def test_scripts_are_kept_in_front_for_as_long_as_the_app_says(front: serve.Running) -> None:
    page = get(front, PREFIX + "/")
    assert page.status == 200
    for path, lifetime in [
        (f"{PREFIX}/_dash-component-suites/dash/dcc/async-graph.js", "public, max-age=3600"),
        (f"{PREFIX}/assets/style.css?m=1", "public, max-age=31536000, immutable"),
    ]:
        first = get(front, path, **{"Accept-Encoding": "gzip"})
        again = get(front, path, **{"Accept-Encoding": "gzip"})
        assert first.status == again.status == 200
        assert first.headers["Cache-Control"] == again.headers["Cache-Control"] == lifetime
        assert again.headers["X-Cache-Status"] == "HIT"  # answered by nginx alone
        assert again.headers["Content-Encoding"] == "gzip"  # the encoding asked for
        assert "default-src" in again.headers["Content-Security-Policy"]
    other = get(front, f"{PREFIX}/assets/style.css?m=1", **{"Accept-Encoding": "br"})
    assert other.headers["Content-Encoding"] == "br"  # a variant per encoding, as Vary says


def test_slow_clients_do_not_hold_the_workers(front: serve.Running) -> None:
    # Without a front server, 4 of these stall both sync workers (issue 17); here 24 are open,
    # each sending a byte every half second, while normal requests are answered.
    name = f"127.0.0.1:{port_of(front)}"
    requests = [slow.slow_headers(name, PREFIX + "/")] * 12 + [
        slow.slow_body(name, PREFIX + "/_dash-update-component")
    ] * 12
    with slow.slow_clients(("127.0.0.1", port_of(front)), requests, interval=0.5) as tally:
        assert tally.opened == 24
        for n in range(10):
            assert get(front, f"{PREFIX}/api/v1/indicators?n={n}").status == 200
            assert get(front, f"{PREFIX}/download/rd_intensity.csv").status == 200
    assert tally.bytes_sent >= 24 and tally.refused == 0


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError):
            continue
        if parent == pid:
            child = int(stat.parent.name)
            found |= {child, *_descendants(child)}
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # gone between the listing and the read
        return b""


def test_the_command_starts_both_and_a_sigterm_stops_both(tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.serve", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "DASHBOARD_PUBLIC_URL": ""},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once nginx answers
        assert line.startswith(f"Serving on http://127.0.0.1:{port}/"), (
            tmp_path / "serve.log"
        ).read_text()
        # One worker answering is enough for nginx to answer, so the second may still be forking.
        deadline = time.monotonic() + 30
        while True:
            children = _descendants(process.pid)
            commands = [_cmdline(pid) for pid in children]
            gunicorns = sum(b"gunicorn" in command for command in commands)
            if gunicorns >= 3 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert gunicorns == 3  # master and 2 workers
        assert any(command.startswith(b"nginx: master") for command in commands)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/scoreboard")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert not [pid for pid in children if Path(f"/proc/{pid}").exists()]
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
        log.close()


def test_a_placeholder_without_a_value_is_an_error() -> None:
    with pytest.raises(ValueError, match="no value for socket"):
        serve.render("upstream { server unix:@socket@; }", {})
