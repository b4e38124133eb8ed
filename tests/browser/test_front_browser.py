"""The production command with the site under a path, in Chromium: nginx in front of gunicorn,
``DASHBOARD_PUBLIC_URL=http://127.0.0.1:PORT/indicators/``. A visitor draws the chart, switches
indicator and follows the header's links, and every request the page makes stays under the
path and is answered."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from bench.web import SETTLED, pick_indicator
from deploy import serve
from tests.support import free_port

PREFIX = "/indicators"


@pytest.fixture(scope="module")
def front() -> Iterator[str]:
    port = free_port()
    settings = serve.Settings(port=port, public_url=f"http://127.0.0.1:{port}{PREFIX}/")
    with tempfile.TemporaryFile() as log, serve.running(settings, log) as running:
        yield running.base


@pytest.fixture
def visitor(browser: Browser) -> Iterator[tuple[Page, list[Response]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    answers: list[Response] = []
    page.on("response", lambda response: answers.append(response))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, answers
    context.close()
    assert errors == []


def test_a_visit_under_the_path_stays_under_it(
    front: str, visitor: tuple[Page, list[Response]]
) -> None:
    page, answers = visitor
    page.goto(front)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .trace")
    page.wait_for_function(SETTLED)
    pick_indicator(page, "R&D intensity", "R&D intensity")
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('indicator') === 'rd_intensity'"
    )
    page.wait_for_function(SETTLED)
    assert urlparse(page.url).path == PREFIX + "/"
    download = page.locator("#download-view").get_attribute("href") or ""
    assert download.startswith(f"{PREFIX}/download/rd_intensity.csv?source=main&")
    page.get_by_role("link", name="Sources", exact=True).first.click()
    page.wait_for_url(f"{front}sources")
    expect(page.locator("h1")).to_have_text("Sources and definitions")
    page.get_by_role("link", name="Scoreboard", exact=True).first.click()
    page.wait_for_url(f"{front}scoreboard")
    expect(page.locator("h1")).to_have_text("The US and China, indicator by indicator")
    paths = [urlparse(answer.url).path for answer in answers]
    assert len(paths) > 15 and all(path.startswith(PREFIX + "/") for path in paths)
    assert [a.url for a in answers if a.status >= 400] == []
    # Every script came through nginx, which kept the ones it had served before.
    assert all(a.headers["server"] == "nginx" for a in answers)
