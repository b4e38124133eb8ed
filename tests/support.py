"""Helpers for tests that start real server processes on loopback."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(
    url: str, process: subprocess.Popen[str], log: Path, timeout: float = 60
) -> str:
    """The body of ``url`` once the server answers 200; fails with the server's log if not."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return str(response.read().decode())
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"server at {url} did not start:\n{log.read_text()}")
        time.sleep(0.2)


def dash_scripts(page: str) -> list[str]:
    """The addresses of Dash's scripts that a chart page names for its starter
    (``dashboard.factory``: they are not script tags)."""
    listed = re.search(r'<script id="dash-scripts" type="application/json"[^>]*>(.*?)</', page)
    assert listed is not None, "the page names no scripts"
    sources: list[str] = json.loads(listed[1])
    return sources
