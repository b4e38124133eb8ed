"""Accessibility in Chromium: axe-core (npm, pinned in package-lock.json) on every page and after
the interactions people make, and a keyboard focus that can be seen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from bench.web import SETTLED, pick_indicator
from tests.browser.test_explorer import open_chart
from tests.support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Impacts that fail the test; "moderate" and "minor" ones are reported in the message only.
BLOCKING = {"critical", "serious"}
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""


@pytest.fixture
def checked(browser: Browser) -> Iterator[Page]:
    """A page whose policy lets the test inject axe-core (the site's own policy refuses any
    script it did not serve, as it should)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: make test installs it (npm ci)")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return found


def blocking(page: Page) -> list[dict[str, Any]]:
    found = violations(page)
    return [v for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize(
    "path",
    [
        "/scoreboard",
        "/",
        "/claims",
        "/sources",
        "/indicators/stem_phd_graduates",
        "/reports/quincy_2025",
        "/reports/mcc_2020",
        "/embed?indicator=rd_intensity&view=ratio",
        "/no-such-page",
    ],
)
def test_no_page_has_a_critical_or_serious_violation(checked: Page, server: str, path: str) -> None:
    checked.goto(server + path)
    checked.wait_for_selector("h1:visible")
    if checked.locator("#react-entry-point").count():
        checked.wait_for_function(SETTLED)
    assert blocking(checked) == []


def test_the_chart_page_stays_clean_through_what_people_do(checked: Page, server: str) -> None:
    open_chart(checked, server + "/")
    pick_indicator(checked, "STEM PhD", "STEM PhD graduates (CSET definition) — graduates")
    checked.wait_for_function("() => location.search.includes('stem_phd_graduates')")
    checked.wait_for_function(SETTLED)
    checked.get_by_label("China ÷ US").check()
    checked.wait_for_function("() => location.search.includes('view=ratio')")
    checked.click("#data-summary")
    checked.click("#sources-summary")
    checked.wait_for_selector("#indicator-sources article")
    checked.get_by_text("Share or cite this view").click()
    checked.wait_for_selector("#share-embed:visible")
    checked.wait_for_function(SETTLED)
    assert blocking(checked) == []


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``rgb(r, g, b)`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_keyboard_focus_is_visible_at_three_to_one(checked: Page, server: str) -> None:
    open_chart(checked, server + "/")
    checked.keyboard.press("Tab")  # the skip link, then the site's links and the controls
    rings = []
    for _ in range(6):
        checked.keyboard.press("Tab")
        rings.append(
            checked.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [document.activeElement.tagName, s.outlineStyle, s.outlineColor]; }"
            )
        )
    assert all(style != "none" for _, style, _ in rings), rings
    assert all(contrast(colour, "rgb(255, 255, 255)") >= 3 for _, _, colour in rings), rings


MARKS = """() => [...document.querySelectorAll('.dash-dropdown-option')].map(o => {
  const s = getComputedStyle(o);
  return {text: o.textContent, focused: o.matches(':focus-within'),
          chosen: o.classList.contains('selected'), outline: s.outlineStyle,
          width: parseFloat(s.outlineWidth), bar: s.boxShadow.includes(' 5px 0px 0px'),
          underline: s.textDecorationLine.includes('underline')};
})"""


def test_the_focused_and_the_chosen_option_are_marked_by_more_than_colour(
    checked: Page, server: str
) -> None:
    open_chart(checked, server + "/")
    checked.click("#indicator")
    checked.wait_for_selector(".dash-dropdown-option.selected")
    # Where the keyboard is, as after an arrow key (which Dash's own timing can swallow while
    # the list opens: the marks, not Dash's keys, are under test here).
    checked.locator(".dash-dropdown-option:not(.selected) input:not([disabled])").first.focus()
    checked.wait_for_function(
        "() => document.activeElement.closest('.dash-dropdown-option:not(.selected)')"
    )
    options = checked.evaluate(MARKS)
    (focused,) = [option for option in options if option["focused"]]
    (chosen,) = [option for option in options if option["chosen"]]
    assert focused["outline"] != "none" and focused["width"] >= 2, focused
    assert focused["underline"], focused
    assert chosen["bar"], chosen
    # The rest carry neither mark, so the marks say something.
    rest = [o for o in options if not o["focused"] and not o["chosen"]]
    assert rest and not any(o["outline"] != "none" or o["bar"] for o in rest)
