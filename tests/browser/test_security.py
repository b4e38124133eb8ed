"""The production server (gunicorn, as documented) under its Content-Security-Policy in Chromium:
every page and every interaction runs with no policy violation and no console error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from bench.web import serving

# Every violation the page sees, recorded before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
# Chromium's report of the unknown page's own 404 status.
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
TRACE = "#chart .js-plotly-plot .scatterlayer .trace"


@pytest.fixture(scope="module")
def production() -> Iterator[str]:
    with serving("dashboard.app:server") as base:
        yield base


@pytest.fixture
def guarded(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{message.text} at {message.location.get('url')}")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("() => window.__violations")
    return found


def test_the_policy_forbids_eval_and_foreign_scripts(production: str, guarded: Page) -> None:
    response = guarded.goto(production + "/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert script_src.split()[1] == "'self'"
    assert all(source.startswith("'sha256-") for source in script_src.split()[2:])
    assert "unsafe-eval" not in policy and "frame-ancestors 'self'" in policy
    # The policy is in force: an injected inline script is refused and reported.
    guarded.wait_for_selector(TRACE)
    guarded.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = 1'; document.body.append(s); }"
    )
    guarded.wait_for_function("() => window.__violations.length > 0")
    assert guarded.evaluate("() => window.__ran") is None


@pytest.mark.parametrize(
    "path", ["/", "/sources", "/claims", "/no-such-page", "/?indicator=nonsense&view=3d"]
)
def test_every_page_loads_without_violations(production: str, guarded: Page, path: str) -> None:
    guarded.goto(production + path)
    guarded.wait_for_load_state("networkidle")
    if path.startswith("/?") or path == "/":
        guarded.wait_for_selector(TRACE)
    assert violations(guarded) == []
    expected = [] if path != "/no-such-page" else [f"{NOT_FOUND} at {production}{path}"]
    assert guarded.errors == expected  # type: ignore[attr-defined]


def test_interactions_run_without_violations(production: str, guarded: Page) -> None:
    guarded.goto(production + "/")
    guarded.wait_for_selector(TRACE)
    guarded.click("#events input[value='on']")  # policy timeline overlay
    guarded.click("#all-sources input[value='all']")
    guarded.click("#view input[value='ratio']")
    guarded.wait_for_function("() => window.location.search.includes('view=ratio')")
    guarded.click("#sources-summary")  # the source cards are drawn on opening
    guarded.wait_for_selector("#indicator-sources article")
    guarded.click("#data-summary")
    guarded.click("#sort-value")
    guarded.wait_for_function("() => document.querySelector('#sort-value').innerText.includes('▲')")
    for button in ("#export-svg", "#export-png"):
        with guarded.expect_download():
            guarded.click(button)
    guarded.hover("#chart .nsewdrag")  # hover labels over the plot area
    guarded.wait_for_load_state("networkidle")
    assert violations(guarded) == []
    assert guarded.errors == []  # type: ignore[attr-defined]
