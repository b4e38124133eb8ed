"""The first screen before any script, and the app that takes its place (dashboard/prerender.py).

Measured in Chromium: where the things a person sees first stand, drawn by the server with no
script at all, and drawn by the app once its chart is on screen.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from bench.web import CALLBACK, CALLBACKS_DONE, FIRST_TRACE, SETTLED
from dashboard.state import from_query, to_query
from indicators.load import load_catalog
from tests.support import REPO

SCREENS = {"phone": (390, 844), "tablet": (820, 1180), "desktop": (1280, 900)}
# What a person sees first, and the footer, which shows whether the page below moved.
SEEN = (
    ".picker .dash-dropdown",
    ".chart-heading h1",
    ".sentence",
    ".chart-frame",
    ".actions",
    ".controls fieldset",
    ".dash-slider-container",
    ".key-figures",
    ".site-footer",
)
BOXES = """(selectors) => Object.fromEntries(selectors.map(selector => {
  const shown = [...document.querySelectorAll(selector)].filter(element =>
    element.checkVisibility({visibilityProperty: true}));
  if (shown.length !== 1) return [selector, shown.length + ' shown'];
  const box = shown[0].getBoundingClientRect();
  return [selector, [box.x, box.y, box.width, box.height].map(Math.round)];
}))"""


def _boxes(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(BOXES, list(SEEN))
    return found


@pytest.mark.parametrize("screen", SCREENS, ids=SCREENS)
def test_the_app_takes_the_place_of_the_first_screen_without_moving_it(
    browser: Browser, server: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    still = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = still.new_page()
    page.goto(server + "/")
    before = _boxes(page)
    chart = page.locator(".prerendered-chart svg.minichart:visible")
    assert chart.count() == 1 and chart.bounding_box()["height"] > 250  # type: ignore[index]
    still.close()

    live = browser.new_context(viewport={"width": width, "height": height})
    page = live.new_page()
    page.goto(server + "/")
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    assert page.locator(".prerendered").count() == 0  # gone once the app's chart is drawn
    after = _boxes(page)
    live.close()
    # Every box is where the picture had it, to the pixel, and each was shown once.
    assert before == after


def _shared_link() -> str:
    """A shared link: a view's own address (``to_query``), here the default view as China ÷ US."""
    return "/" + to_query(from_query("?view=ratio", load_catalog(REPO / "data"))[0])


@pytest.mark.parametrize("screen", ("phone", "desktop"))
def test_a_shared_link_arrives_drawn_with_its_view_and_asks_for_no_callback(
    browser: Browser, server: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    link = _shared_link()
    still = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = still.new_page()
    page.goto(server + link)
    before = _boxes(page)
    pictured = page.locator(".chart-heading p").inner_text()
    assert pictured.startswith("China ÷ US")  # the link's view, not the default one
    still.close()

    live = browser.new_context(viewport={"width": width, "height": height})
    page = live.new_page()
    asked: list[str] = []
    page.on("request", lambda ask: asked.append(ask.url) if CALLBACK in ask.url else None)
    page.goto(server + link)
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    assert page.locator(".prerendered").count() == 0
    # The app arrived with the link's view: where the picture had it, with nothing to follow.
    assert _boxes(page) == before
    assert page.locator(".chart-heading p").inner_text() == pictured
    assert page.evaluate("location.search") == link.removeprefix("/")
    assert asked == []
    live.close()


def test_without_dashs_scripts_the_first_screen_stays_whole(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    asked: list[str] = []

    def refuse(route: Route) -> None:
        asked.append(route.request.url)
        route.abort()

    page.route("**/_dash-component-suites/**", refuse)
    page.goto(server + "/")
    page.wait_for_function("() => document.readyState === 'complete'")
    # The starter asked for Dash's scripts (each refused), and the picture stayed.
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(entry => "
        "entry.name.includes('/_dash-component-suites/'))"
    )
    assert asked
    assert page.locator(".prerendered").count() == 1
    assert page.locator(".prerendered .sentence").is_visible()
    assert (
        page.locator("#react-entry-point").evaluate(
            "element => getComputedStyle(element).visibility"
        )
        == "hidden"
    )
    context.close()


def test_dashs_scripts_are_asked_for_after_the_first_frame(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    # Before any script of the page: the time of the first frame (its callbacks run just before
    # the browser paints it, the page's first contentful paint).
    context.add_init_script(
        "requestAnimationFrame(() => { window.firstFrame = performance.now(); });"
    )
    page = context.new_page()
    page.goto(server + "/")
    page.wait_for_selector(FIRST_TRACE)
    timings = page.evaluate("""() => ({
      frame: window.firstFrame,
      scripts: Math.min(...performance.getEntriesByType('resource')
        .filter(entry => entry.name.includes('/_dash-component-suites/'))
        .map(entry => entry.startTime)),
    })""")
    assert timings["frame"] < timings["scripts"]
    context.close()


def test_the_first_chart_waits_for_no_chunk_asked_for_later(browser: Browser, server: str) -> None:
    # dcc's picker, chart and year range have their code with the page's scripts: none of
    # dcc's loaders asks for a chunk of its own once the app is drawn.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    asked = page.evaluate("() => performance.getEntriesByType('resource').map(entry => entry.name)")
    chunks = [url.split("?")[0].rsplit("/", 1)[-1] for url in asked if "/dcc/async-" in url]
    assert sorted(name.split(".")[0] for name in chunks) == [
        "async-dropdown",
        "async-graph",
        "async-slider",
    ]
    assert all(".v" in name for name in chunks)  # each fingerprinted, as Dash lists them
    context.close()


# On a touch screen plotly.js waits for the first touch (start-dash-renderer.js); the server's
# drawing of the chart stands in the app's chart frame until then (clientside.js).
DRAWING_IN_APP = "#react-entry-point .chart-frame > .prerendered-chart"
NOTHING_LOADING = f"() => {CALLBACKS_DONE}"  # (the chart stays pending until plotly comes)
ASKED_FOR_PLOTLY = """() => performance.getEntriesByType('resource')
  .some(entry => entry.name.includes('/plotly-basic.'))"""


def _touch_screen(browser: Browser) -> BrowserContext:
    return browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )


def test_on_a_touch_screen_the_app_is_live_before_plotly_and_nothing_moves(
    browser: Browser, server: str
) -> None:
    still = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = still.new_page()
    page.goto(server + "/")
    before = _boxes(page)
    still.close()

    context = _touch_screen(browser)
    page = context.new_page()
    page.goto(server + "/")
    page.wait_for_selector(DRAWING_IN_APP)
    page.wait_for_function(NOTHING_LOADING)
    assert page.locator(".prerendered").count() == 0  # the app is the page now
    assert _boxes(page) == before  # every box where the picture had it
    frame = page.locator("#react-entry-point .chart-frame").bounding_box()
    assert page.locator(DRAWING_IN_APP).bounding_box() == frame
    assert page.locator(f"{DRAWING_IN_APP} svg.minichart:visible").count() == 1
    assert not page.evaluate(ASKED_FOR_PLOTLY)

    # The first touch is not lost: it opens the picker, and sends for plotly.js.
    page.locator(".picker .dash-dropdown").tap()
    page.get_by_role("option", name="R&D intensity").first.wait_for()
    page.wait_for_function(ASKED_FOR_PLOTLY)
    page.get_by_role("option", name="R&D intensity").first.tap()
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    assert page.locator(".prerendered-chart").count() == 0  # the chart itself took its place
    assert "R&D intensity" in page.locator(".chart-heading h1").inner_text()
    assert page.locator("#chart .scatterlayer .trace").count() >= 2
    context.close()


def test_a_view_changed_before_plotly_arrives_dims_the_drawing(
    browser: Browser, server: str
) -> None:
    context = _touch_screen(browser)
    page = context.new_page()
    held: list[Route] = []
    # plotly.js on a slow connection: held until the test lets it through
    page.route("**/plotly-basic.*", lambda route: held.append(route))
    page.goto(server + "/")
    page.wait_for_selector(DRAWING_IN_APP)
    page.wait_for_function(NOTHING_LOADING)
    drawing = page.locator(DRAWING_IN_APP)
    assert "out-of-date" not in (drawing.get_attribute("class") or "")
    page.get_by_label("China ÷ US").tap()
    page.wait_for_selector(f"{DRAWING_IN_APP}.out-of-date")
    assert (
        float(
            page.locator(f"{DRAWING_IN_APP} svg.minichart:visible").evaluate(
                "svg => getComputedStyle(svg).opacity"
            )
        )
        < 0.5
    )
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    assert page.locator(".prerendered-chart").count() == 0
    context.close()


def test_on_a_touch_screen_an_address_drawn_by_the_app_gets_its_chart_untouched(
    browser: Browser, server: str
) -> None:
    # An address other than the bare one or a view's own (here one the app rewrites) arrives
    # without the server's drawing: nothing would stand in the chart's place, so plotly.js
    # comes at once.
    context = _touch_screen(browser)
    page = context.new_page()
    page.goto(server + "/?indicator=rd_intensity&view=ratio")
    page.wait_for_selector(FIRST_TRACE)
    page.wait_for_function(SETTLED)
    assert page.evaluate(ASKED_FOR_PLOTLY)
    assert "R&D intensity" in page.locator(".chart-heading h1").inner_text()
    context.close()
