"""The chart page as drawn, measured: every indicator, picked in the picker from the one before
(as people do, not by address), at phone, tablet and desktop widths.

What is measured is where things are: the chart's box, what overlaps it, the page's width, and
which lines are drawn. A page can pass every test of its DOM and still paint the chart over its
own buttons; these tests look at the boxes.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from bench.web import SETTLED, pick_indicator
from dashboard.state import DEFAULT_INDICATOR, choices
from indicators import Catalog, load_catalog
from tests.browser.test_explorer import open_chart, traces, wait_for_query
from tests.support import REPO

SCREENS = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1440, 900)}
MIN_CHART_HEIGHT = 300
FIRST_SCREEN = 0.6  # the chart starts in the top 60% of the first screen, on any screen

# The boxes of the page that matter, in page coordinates: the chart, and every block of the
# chart column beside it (sentence, actions, citation, caveats, key figures, panels).
BOXES = """() => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right};
  };
  const chart = document.querySelector('#chart');
  const column = [...document.querySelector('.chart-column').children];
  const blocks = column
    .filter(element => !element.contains(chart) && element.getClientRects().length)
    .map(element => ({name: element.id || element.className || element.tagName, ...box(element)}));
  const drawn = [...chart.querySelectorAll('.legend, .annotation')]
    .filter(element => element.getClientRects().length)
    .map((element, index) => ({name: element.classList.contains('legend') ? 'legend'
      : `annotation ${index}: ${element.textContent.slice(0, 30)}`, ...box(element)}));
  const ticks = (axis) => [...chart.querySelectorAll(`.${axis}tick text`)].map(t => t.textContent);
  const plot = chart.querySelector('.nsewdrag');
  return {chart: box(chart), blocks, drawn, plot: plot ? box(plot) : null,
          svg: box(chart.querySelector('.main-svg')), width: document.documentElement.scrollWidth,
          xticks: ticks('x'), yticks: ticks('y')};
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


def inside(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["top"] >= b["top"] - 1
        and a["bottom"] <= b["bottom"] + 1
        and a["left"] >= b["left"] - 1
        and a["right"] <= b["right"] + 1
    )


def problems_drawn(
    page: Any, catalog: Catalog, indicator_id: str, screen: tuple[int, int]
) -> list[str]:
    """What is wrong with the page as drawn, in words (nothing: an empty list)."""
    width, height = screen
    found: list[str] = []
    boxes = page.evaluate(BOXES)
    chart = boxes["chart"]
    if chart["bottom"] - chart["top"] < MIN_CHART_HEIGHT:
        found.append(f"chart {chart['bottom'] - chart['top']:.0f} px tall")
    if chart["top"] > FIRST_SCREEN * height:
        found.append(f"chart starts {chart['top'] / height:.2f} screens down")
    blocks, drawn = boxes["blocks"], boxes["drawn"]
    found += [f"chart over {block['name']}" for block in blocks if overlaps(chart, block)]
    found += [
        f"{a['name']} over {b['name']}"
        for i, a in enumerate(blocks + drawn)
        for b in (blocks + drawn)[i + 1 :]
        if overlaps(a, b)
    ]
    found += [f"{item['name']} over the plot" for item in drawn if overlaps(item, boxes["plot"])]
    found += [f"{item['name']} cut off" for item in drawn if not inside(item, boxes["svg"])]
    for axis in ("xticks", "yticks"):
        labels = boxes[axis]
        if len(set(labels)) < len(labels):
            found.append(f"repeated {axis}: {labels}")
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
    found = problems_drawn(page, catalog, shown, screen)
    for indicator in catalog.indicators.values():
        if indicator.id == shown:
            continue
        option = f"{indicator.title} — {indicator.unit}"
        pick_indicator(page, indicator.title, option)
        wait_for_query(page, "indicator", indicator.id)
        found += problems_drawn(page, catalog, indicator.id, screen)
    context.close()
    assert found == []


PAGES = {
    "scoreboard": "/scoreboard",
    "chart": "/",
    "claims": "/claims",
    "sources": "/sources",
    "indicator": "/indicators/stem_phd_graduates",
    "report-quincy": "/reports/quincy_2025",
    "report-mcc": "/reports/mcc_2020",
    "not-found": "/no-such-page",
}
SCREENSHOTS = REPO / "screenshots"  # named in README: a run leaves every page here to look at


@pytest.mark.parametrize("screen", SCREENS, ids=SCREENS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES)
def test_every_page_fits_its_screen_and_leaves_a_screenshot(
    browser: Browser, server: str, screen: str, path: str
) -> None:
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server + path)  # waits for the load event: all a plain HTML page needs
    page.wait_for_selector("h1:visible")
    if page.locator("#react-entry-point").count():  # a Dash page: wait for its callbacks too
        page.wait_for_function(SETTLED)
    name = next(key for key, value in PAGES.items() if value == path)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{screen}.png", full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert page.locator("h1:visible").count() == 1  # the page says what it is, once
    context.close()


def test_every_indicator_with_every_source_fits_a_phone(
    browser: Browser, server: str, catalog: Catalog
) -> None:
    """The legend grows with the sources drawn (up to an entry per economy and kind): on a
    phone it must still sit above the plot, inside the figure, over nothing."""
    screen = SCREENS["phone"]
    context = browser.new_context(viewport={"width": screen[0], "height": screen[1]})
    page = context.new_page()
    found = []
    for indicator_id in catalog.indicators:
        page.goto(f"{server}/?indicator={indicator_id}&sources=all")
        page.wait_for_selector("#chart .main-svg")
        page.wait_for_function(SETTLED)
        found += problems_drawn(page, catalog, indicator_id, screen)
    context.close()
    assert found == []


def _on_screen(browser: Browser, screen: str) -> tuple[BrowserContext, Page, int]:
    """A fresh page the size of ``screen``, its context (to close) and its width."""
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    return context, context.new_page(), width


# Every small chart's text boxes, its box and its key's, as the browser lays them out.
_MINICHARTS = """() => [...document.querySelectorAll('figure.minichart-figure')].map(figure => {
  // The drawing the screen shows (a figure has a wide and a narrow one, one hidden).
  const svg = [...figure.querySelectorAll('svg.minichart')]
    .find(s => s.getBoundingClientRect().width > 0);
  const box = r => { const b = r.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  return {
    svg: box(svg),
    figure: box(figure),
    key: box(figure.querySelector('figcaption')),
    ticks: [...svg.querySelectorAll('text.tick')].map(t => ({...box(t), text: t.textContent})),
    drawn: svg.querySelectorAll('circle.dot').length,
  };
})"""


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("report", ["quincy_2025", "mcc_2020"])
def test_report_charts_are_drawn_whole_and_nothing_overprints(
    browser: Browser, server: str, catalog: Catalog, screen: str, report: str
) -> None:
    context, page, width = _on_screen(browser, screen)
    page.goto(f"{server}/reports/{report}")
    page.wait_for_selector("h1:visible")
    charts = page.evaluate(_MINICHARTS)
    with_data = [
        c
        for c in catalog.claims.values()
        if c.report == catalog.reports[report].source
        and (any(check.kind != "document" for check in c.checks))
    ]
    figures = 2 * len(catalog.reports[report].figures)
    assert len(charts) == len(with_data) + figures  # a chart for each claim with data
    problems: list[tuple[Any, ...]] = []
    for index, chart in enumerate(charts):
        if chart["drawn"] == 0:
            problems.append((index, "no point drawn"))
        if chart["svg"]["right"] > width or chart["svg"]["right"] - chart["svg"]["left"] < 250:
            problems.append((index, "chart cut off or too narrow", chart["svg"]))
        if overlaps(chart["svg"], chart["key"]):
            problems.append((index, "key over the chart"))
        for tick in chart["ticks"]:
            if not inside(tick, chart["svg"]):
                problems.append((index, "label outside the chart", tick["text"]))
        for first, second in itertools.combinations(chart["ticks"], 2):
            if overlaps(first, second):
                problems.append((index, "labels overprint", first["text"], second["text"]))
    context.close()
    assert problems == []


_SCORE_ROWS = """() => [...document.querySelectorAll('table.score tbody tr')].map(tr => {
  const box = e => { const b = e.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const spark = tr.querySelector('.sparkline svg');
  return {
    row: box(tr),
    cells: [...tr.querySelectorAll('td')].map(box),
    spark: spark ? box(spark) : null,
    sparkCell: spark ? box(spark.closest('td')) : null,
  };
})"""


@pytest.mark.parametrize("screen", ["phone", "tablet", "desktop"])
def test_scoreboard_rows_are_whole_on_every_screen(
    browser: Browser, server: str, catalog: Catalog, screen: str
) -> None:
    context, page, width = _on_screen(browser, screen)
    page.goto(f"{server}/scoreboard")
    page.wait_for_selector("table.score")
    rows = page.evaluate(_SCORE_ROWS)
    assert len(rows) == len(catalog.indicators) - 1  # every indicator but population
    problems: list[tuple[Any, ...]] = []
    for index, row in enumerate(rows):
        if row["row"]["right"] > width + 0.5 or row["row"]["left"] < -0.5:
            problems.append((index, "row cut off", row["row"]))
        for first, second in itertools.combinations(row["cells"], 2):
            if overlaps(first, second):
                problems.append((index, "cells overlap"))
        if row["spark"] is not None and not inside(row["spark"], row["sparkCell"]):
            problems.append((index, "sparkline outside its cell"))
    if screen == "phone":  # a card: cells one under another, the first on the first screen
        tops = [cell["top"] for cell in rows[0]["cells"]]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        assert rows[0]["row"]["top"] < SCREENS["phone"][1]
    context.close()
    assert problems == []
