"""The chart page as drawn, measured: every indicator, picked in the picker from the one before
(as people do, not by address), at phone, tablet and desktop widths.

What is measured is where things are: the chart's box, what overlaps it, the page's width, and
which lines are drawn. A page can pass every test of its DOM and still paint the chart over its
own buttons; these tests look at the boxes.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from bench.web import pick_indicator
from dashboard.state import DEFAULT_INDICATOR, choices
from indicators import Catalog, load_catalog
from tests.browser.test_explorer import open_chart, traces, wait_for_query

SCREENS = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1440, 900)}
MIN_CHART_HEIGHT = 300

# The boxes of the page that matter, in page coordinates: the chart, and every block of the
# chart column beside it (sentence, actions, citation, caveats, key figures, panels).
BOXES = """() => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right};
  };
  const chart = document.querySelector('#chart');
  const blocks = [...document.querySelector('.chart-column').children]
    .filter(element => !element.contains(chart) && element.getClientRects().length)
    .map(element => ({name: element.id || element.className || element.tagName, ...box(element)}));
  return {chart: box(chart), blocks, width: document.documentElement.scrollWidth};
}"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
        and a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
    )


def problems_drawn(page: Any, catalog: Catalog, indicator_id: str, width: int) -> list[str]:
    """What is wrong with the page as drawn, in words (nothing: an empty list)."""
    found: list[str] = []
    boxes = page.evaluate(BOXES)
    chart = boxes["chart"]
    if chart["bottom"] - chart["top"] < MIN_CHART_HEIGHT:
        found.append(f"chart {chart['bottom'] - chart['top']:.0f} px tall")
    found += [f"chart over {block['name']}" for block in boxes["blocks"] if overlaps(chart, block)]
    if boxes["width"] > width:
        found.append(f"page {boxes['width']} px wide")
    has = choices(catalog, indicator_id).economies
    if "USA" in has and "CHN" in has:
        # A line of the economy's own, from the main source or from others ("US · ...").
        drawn = {
            trace["name"].split(" · ")[0].removesuffix(" (projection)") for trace in traces(page)
        }
        found += [f"no {name} line" for name in ("US", "China") if name not in drawn]
    return [f"{indicator_id}: {problem}" for problem in found]


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_every_indicator_picked_in_turn_is_drawn_whole(
    browser: Browser, server: str, catalog: Catalog, screen: tuple[int, int]
) -> None:
    width, height = screen
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    open_chart(page, server + "/")
    shown = DEFAULT_INDICATOR
    found = problems_drawn(page, catalog, shown, width)
    for indicator in catalog.indicators.values():
        if indicator.id == shown:
            continue
        option = f"{indicator.title} — {indicator.unit}"
        pick_indicator(page, indicator.title, option)
        wait_for_query(page, "indicator", indicator.id)
        found += problems_drawn(page, catalog, indicator.id, width)
    context.close()
    assert found == []
