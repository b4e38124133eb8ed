"""``dashboard.app:server`` under gunicorn: serves the page and downloads, with debug off."""

from __future__ import annotations

import json
import platform
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import dash
import pytest

from bench.web import gunicorn_command
from tests.support import REPO, free_port, wait_until_serving


def test_gunicorn_serves_the_wsgi_entry(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            gunicorn_command("dashboard.app:server", port),
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            page = wait_until_serving(base + "/", process, log)
            found = re.search(r'id="_dash-config"[^>]*>(.*?)</script>', page)
            assert found is not None
            config = json.loads(found.group(1))
            assert config["ui"] is False  # no dev tools in production
            # nor the copy of the layout only they read: the page stays small, but for its
            # first screen, the default view drawn as HTML (dashboard.prerender)
            assert "validation_layout" not in config
            first_screen = re.search(
                r'<div class="prerendered">.*?(?=<div id="react-entry)', page, re.S
            )
            assert first_screen is not None
            assert len(page) - len(first_screen[0]) < 10_000 and len(first_screen[0]) < 40_000
            assert not [
                key for key in config if "version" in key and key != "disable_version_check"
            ]
            assert platform.python_version() not in page and dash.__version__ not in page
            with urllib.request.urlopen(base + "/") as response:
                headers = response.headers
            assert "default-src 'self'" in headers["Content-Security-Policy"]
            assert "unsafe-eval" not in headers["Content-Security-Policy"]
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert headers["Server"] == "gunicorn"  # no version
            for unserved in ("/_reload-hash", "/_alive_x"):
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(base + unserved)
                assert refused.value.code == 404
                refused.value.close()
            with urllib.request.urlopen(base + "/download/iso_secretariats.csv") as response:
                assert response.status == 200
                assert response.read().decode().startswith("indicator_id,indicator_title,")
            # A body sent in chunks is refused for its size as one with a length is (no
            # Content-Length: Flask cannot refuse it before reading it).
            chunks = iter([b"{" + b" " * 65536] * 17)  # just over 1 MiB
            refused_body = urllib.request.Request(
                base + "/_dash-update-component",
                data=chunks,
                headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
            )
            with pytest.raises(urllib.error.HTTPError) as too_large:
                urllib.request.urlopen(refused_body)
            assert too_large.value.code == 413
            too_large.value.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
