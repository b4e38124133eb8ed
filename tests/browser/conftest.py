"""Real server, real browser: ``python -m dashboard`` in a subprocess, Debian's Chromium.

Playwright drives ``/usr/bin/chromium`` (its own browser download is not used).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support import REPO, free_port, wait_until_serving

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the dashboard serving the repository's data."""
    port = free_port()
    # The server's log goes to a file: a pipe nobody reads would fill up and stall it.
    log_path = tmp_path_factory.mktemp("server") / "dashboard.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--port", str(port), "--data", str(REPO / "data")],
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/", process, log_path)
    except AssertionError as error:
        log.close()
        pytest.fail(str(error))
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Console:
    """Errors the page reported: console errors and uncaught exceptions."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda message: self._console(message.type, message.text))
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _console(self, kind: str, text: str) -> None:
        if kind == "error":
            self.errors.append(text)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.console = Console(page)  # type: ignore[attr-defined]
    yield page
    context.close()
