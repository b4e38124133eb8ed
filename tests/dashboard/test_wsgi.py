"""``dashboard.app:server`` under gunicorn: serves the page and downloads, with debug off."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.request
from pathlib import Path

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
            assert json.loads(found.group(1))["ui"] is False  # no dev tools in production
            with urllib.request.urlopen(base + "/download/iso_secretariats.csv") as response:
                assert response.status == 200
                assert response.read().decode().startswith("indicator_id,indicator_title,")
        finally:
            process.terminate()
            process.wait(timeout=20)
