"""The explorer in headless Chromium: every control changes the plotted data, URLs round-trip,
downloads carry exactly the rows shown."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, Request, Response, Route, expect

from bench.web import SETTLED
from dashboard.callbacks import arrives_drawn
from indicators import Catalog, derive, load_catalog

CHART = "#chart .js-plotly-plot"
CALLBACK = "/_dash-update-component"


@lru_cache(maxsize=1)
def _real_catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return _real_catalog()


def traces(page: Page) -> list[dict[str, Any]]:
    """What plotly drew: each data trace's name, x and y (not the crossings' legend entries)."""
    result: list[dict[str, Any]] = page.evaluate(
        f"() => document.querySelector('{CHART}').data.filter(t => t.meta !== 'crossing')"
        ".map(t => ({name: t.name, x: Array.from(t.x), y: Array.from(t.y)}))"
    )
    return result


def query(page: Page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def settle(page: Page) -> None:
    """Wait until no callback is on its way and plotly has drawn its last figure."""
    page.wait_for_selector(f"{CHART} .scatterlayer .trace")
    page.wait_for_function(SETTLED)


def open_chart(page: Page, url: str) -> None:
    """Go to ``url`` and wait for its view. The page arrives drawn with the view at the bare
    address or at a view's own address (a shared link); any other address is answered by a
    callback, which draws its view and rewrites it."""
    search = f"?{urlparse(url).query}" if urlparse(url).query else ""
    if arrives_drawn(_real_catalog(), search):
        page.goto(url)
    else:
        with page.expect_response(lambda response: CALLBACK in response.url):
            page.goto(url)
    settle(page)


def wait_for_query(page: Page, key: str, value: str) -> None:
    """Wait until the address says ``key=value`` and the answer that wrote it is drawn."""
    page.wait_for_function(
        f"() => new URLSearchParams(window.location.search).get('{key}') === '{value}'"
    )
    page.wait_for_function(SETTLED)


def answering(request: Request) -> Callable[[Response], bool]:
    return lambda response: response.request == request


class Held:
    """Holds callback requests on their way to the server while ``holding``; ``release`` lets
    them go. The sync API delivers a route only while Playwright waits, so ``wait`` polls."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.routes: list[Route] = []
        self.holding = True
        page.route("**/_dash-update-component*", self._route)

    def _route(self, route: Route) -> None:
        if self.holding:
            self.routes.append(route)
        else:
            route.continue_()

    def wait(self, count: int = 1) -> None:
        deadline = time.monotonic() + 15
        while len(self.routes) < count:
            assert time.monotonic() < deadline, f"{count} callback requests did not go out"
            self.page.wait_for_timeout(20)

    def release(self) -> None:
        """Let the held requests go, and wait until their answers have arrived."""
        self.holding = False
        for route in self.routes:
            with self.page.expect_response(answering(route.request)):
                route.continue_()
        self.routes.clear()
        self.page.wait_for_function(SETTLED)


def series(catalog: Catalog, indicator: str, economy: str, years: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    frame = catalog.series(indicator, economies=[economy], years=years).sort_values("year")
    return frame["year"].tolist(), frame["value"].tolist()


def test_first_visit_draws_us_and_china_from_the_main_source(
    page: Page, server: str, catalog: Catalog
) -> None:
    calls: list[str] = []

    def record(request: Request) -> None:
        if CALLBACK in request.url:
            calls.append(request.url)

    page.on("request", record)
    open_chart(page, server + "/")
    drawn = {trace["name"]: (trace["x"], trace["y"]) for trace in traces(page)}
    assert set(drawn) == {"US", "China"}
    assert drawn["US"] == series(catalog, "rd_expenditure_ppp", "USA")
    assert drawn["China"] == series(catalog, "rd_expenditure_ppp", "CHN")
    expect(page.get_by_label("Levels")).to_be_checked()
    expect(page.locator("#citation")).to_contain_text(f"{server}/?indicator=rd_expenditure_ppp")
    # The page arrives drawn: a first visit asks the server for no callback, and the address
    # stays as the visitor typed it.
    assert calls == [] and page.url == server + "/"
    sentence = page.inner_text("#sentence")
    assert sentence.startswith("In 2023 gross domestic expenditure on R&D (GERD)")
    assert page.console.errors == []  # type: ignore[attr-defined]


def test_switching_indicator_with_the_searchable_picker(
    page: Page, server: str, catalog: Catalog
) -> None:
    open_chart(page, server + "/")
    page.click("#indicator")
    page.fill("input.dash-dropdown-search", "doctoral degrees")
    # The search narrows the picker to the one match (option roles elsewhere are radios).
    expect(page.get_by_role("option", name="STEM PhD graduates")).to_have_count(0)
    page.get_by_role("option", name="Science and engineering doctoral degrees").click()
    # A category's name finds its indicators too, whatever their titles say.
    page.click("#indicator")
    page.fill("input.dash-dropdown-search", "standards")
    expect(page.get_by_role("option", name="IEC technical committee", exact=False)).to_have_count(1)
    page.keyboard.press("Escape")
    wait_for_query(page, "indicator", "se_doctoral_degrees")
    drawn = {trace["name"]: (trace["x"], trace["y"]) for trace in traces(page)}
    assert drawn["China"] == series(catalog, "se_doctoral_degrees", "CHN")
    assert "doctoral degrees" in page.inner_text("#indicator-info")
    assert page.console.errors == []  # type: ignore[attr-defined]


def test_ratio_view_plots_china_divided_by_us(page: Page, server: str, catalog: Catalog) -> None:
    open_chart(page, server + "/")
    page.get_by_label("China ÷ US").check()
    wait_for_query(page, "view", "ratio")
    (trace,) = traces(page)
    expected = derive.ratio(catalog.series("rd_expenditure_ppp"))
    assert trace["x"] == expected.index.tolist()
    assert trace["y"] == pytest.approx(expected.tolist())


def test_the_chart_is_drawn_before_the_words_about_it(page: Page, server: str) -> None:
    # The words follow the chart in an answer of their own (callbacks.DESCRIPTION), asked for
    # once plotly has drawn it: a click's chart is not held back by React rendering them.
    open_chart(page, server + "/")
    before = page.inner_text("#sentence")
    page.evaluate(
        "() => { const order = window.__order = [];"
        f" document.querySelector('{CHART}').on('plotly_afterplot', () => order.push('chart'));"
        " new MutationObserver(() => order.push('words')).observe("
        "document.getElementById('sentence'), {childList: true, subtree: true,"
        " characterData: true}); }"
    )
    page.get_by_label("China ÷ US").check()
    expect(page.locator("#sentence")).not_to_have_text(before)
    settle(page)
    order = page.evaluate("() => window.__order")
    assert order[0] == "chart" and "words" in order, order
    assert "view=ratio" in (page.text_content("#share-link") or "")


# Timers of a second or more never fire: the words may not wait for the timer that stands in
# for a draw plotly never makes (views.afterChart), as they did, a second after every click.
NO_LONG_TIMERS = """() => { const set = window.setTimeout;
  window.setTimeout = (run, ms, ...rest) => (ms >= 1000 ? 0 : set(run, ms, ...rest)); }"""


def test_the_words_follow_the_chart_as_soon_as_it_is_drawn(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    page.evaluate(NO_LONG_TIMERS)
    before = page.inner_text("#sentence")
    page.get_by_label("China ÷ US").check()
    expect(page.locator("#sentence")).not_to_have_text(before)
    settle(page)
    before = page.inner_text("#sentence")
    page.click("#indicator")
    page.fill("input.dash-dropdown-search", "R&D intensity")
    page.get_by_role("option", name="R&D intensity").first.click()
    expect(page.locator("#sentence")).not_to_have_text(before)
    expect(page.locator("#key-figures")).to_contain_text("% of GDP")


def test_log_scale_and_economies(page: Page, server: str, catalog: Catalog) -> None:
    open_chart(page, server + "/")
    page.get_by_label("Log").check()
    wait_for_query(page, "scale", "log")
    axis_type = page.evaluate(f"() => document.querySelector('{CHART}').layout.yaxis.type")
    assert axis_type == "log"
    page.get_by_label("Japan").check()
    wait_for_query(page, "economies", "USA,CHN,JPN")
    drawn = {trace["name"]: (trace["x"], trace["y"]) for trace in traces(page)}
    assert drawn["Japan"] == series(catalog, "rd_expenditure_ppp", "JPN")


def test_each_economy_s_checkbox_shows_its_line_s_colour(page: Page, server: str) -> None:
    open_chart(page, server + "/?economies=USA,CHN,JPN")
    swatches = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#economies label')].map(
            label => [label.innerText.trim(), getComputedStyle(
                label.querySelector('.dash-options-list-option-text'), '::before').backgroundColor]
        ))"""
    )
    lines = page.evaluate(
        f"() => document.querySelector('{CHART}').data.map(t => [t.name, t.line.color])"
    )
    assert len(lines) == 3
    for name, colour in lines:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert swatches[name] == f"rgb({red}, {green}, {blue})", name


def test_typing_a_year_narrows_the_chart(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    start = page.locator("#years input.dash-range-slider-min-input")
    start.fill("2010")
    start.press("Tab")  # the typed year is committed when the field loses focus
    wait_for_query(page, "from", "2010")
    assert min(min(trace["x"]) for trace in traces(page)) == 2010


def test_shared_url_reproduces_the_view(page: Page, server: str, catalog: Catalog) -> None:
    url = (
        server + "/?indicator=rd_expenditure_ppp&view=indexed&scale=linear&from=2005"
        "&to=2020&economies=USA,CHN&base=2010"
    )
    open_chart(page, url)
    expect(page.get_by_label("Indexed (base year = 100)")).to_be_checked()
    drawn = {
        trace["name"]: dict(zip(trace["x"], trace["y"], strict=True)) for trace in traces(page)
    }
    assert drawn["China"][2010] == pytest.approx(100.0)
    china = dict(zip(*series(catalog, "rd_expenditure_ppp", "CHN"), strict=True))
    assert drawn["China"][2020] == pytest.approx(china[2020] / china[2010] * 100)
    assert min(drawn["US"]) == 2005 and max(drawn["US"]) == 2020


def test_back_and_forward_restore_views(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    page.get_by_label("China − US").check()
    wait_for_query(page, "view", "difference")
    page.go_back()  # to the bare address first visited: the default view
    expect(page.get_by_label("Levels")).to_be_checked()
    settle(page)
    assert page.url == server + "/"
    assert {trace["name"] for trace in traces(page)} == {"US", "China"}
    page.go_forward()  # still there: going back did not push the address again
    wait_for_query(page, "view", "difference")
    assert [trace["name"] for trace in traces(page)] == ["China − US"]


def test_invalid_url_falls_back_with_a_notice(page: Page, server: str) -> None:
    open_chart(page, server + "/?indicator=nope&view=pie")
    expect(page.locator("#notice")).to_contain_text("Unknown indicator 'nope'")
    expect(page.locator("#notice")).to_contain_text("View 'pie' is not a view")
    assert query(page)["indicator"] == "nope"  # the address stays as the visitor typed it
    assert {trace["name"] for trace in traces(page)} == {"US", "China"}
    assert page.console.errors == []  # type: ignore[attr-defined]


def test_csv_of_this_view_holds_exactly_the_rows_shown(
    page: Page, server: str, catalog: Catalog
) -> None:
    open_chart(page, server + "/?indicator=rd_expenditure_ppp&from=2015&to=2020")
    with page.expect_download() as download:
        page.click("#download-view")
    frame = pd.read_csv(download.value.path())
    shown = catalog.series("rd_expenditure_ppp", economies=["USA", "CHN"], years=(2015, 2020))
    assert sorted(zip(frame["economy"], frame["year"], frame["value"], strict=True)) == sorted(
        zip(shown["economy"], shown["year"], shown["value"], strict=True)
    )
    assert set(frame["source_url"]) == {catalog.sources[shown["source_id"].iloc[0]].url}
    assert frame["locator"].notna().all()


def test_stable_csv_url_reads_with_pandas(server: str, catalog: Catalog) -> None:
    frame = pd.read_csv(server + "/download/students_in_partner.csv")
    expected = catalog.observations.query("indicator_id == 'students_in_partner'")
    assert len(frame) == len(expected)
    assert set(frame["period"]) >= {"2022/23"}
    everything = pd.read_csv(server + "/download/all.csv")
    assert len(everything) == len(catalog.observations)


def test_svg_export_includes_title_units_and_source(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    with page.expect_download() as download:
        page.click("#export-svg")
    svg = download.value.path().read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    for text in (
        "Gross domestic expenditure on R&amp;D",
        "billion current PPP US dollars",
        "Source: OECD MSTI",
    ):
        assert text in svg
    with page.expect_download() as png:
        page.click("#export-png")
    assert png.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# Every text of an image drawn in a page of its own: where it stands against the image's edges.
CLIPPED_TEXT = """() => {
  const svg = document.querySelector('svg');
  const edge = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).filter(t => {
    const r = t.getBoundingClientRect();
    return r.left < edge.left - 1 || r.right > edge.right + 1 || r.top < edge.top - 1
      || r.bottom > edge.bottom + 1;
  }).map(t => t.textContent);
}"""


@pytest.mark.parametrize(
    "address", ["/?indicator=researchers_fte", "/?indicator=students_in_partner&sources=all"]
)
def test_exported_images_hold_title_legend_and_sources_unclipped(
    browser: Browser, server: str, address: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    open_chart(page, server + address)  # on a phone: the image does not depend on the screen
    with page.expect_download() as download:
        page.click("#export-svg")
    svg = download.value.path().read_text(encoding="utf-8")
    page.set_content(f"<body style='margin:0'>{svg}</body>")
    assert page.evaluate("() => document.querySelector('svg').getAttribute('width')") == "1200"
    texts = page.evaluate("() => [...document.querySelectorAll('text')].map(t => t.textContent)")
    assert any(text.startswith("Source") for text in texts) and len(texts) > 10
    assert page.evaluate(CLIPPED_TEXT) == []
    context.close()


def test_keyboard_alone_changes_the_view_and_sorts_the_table(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    page.focus("#view input[value='levels']")
    page.keyboard.press("ArrowDown")  # the next view in the group
    wait_for_query(page, "view", "per_million")
    page.focus("#data-summary")
    page.keyboard.press("Enter")  # opens the table, which is drawn on opening
    expect(page.locator("#table-body tr").first).to_be_visible()
    page.focus("#sort-value")
    page.keyboard.press("Enter")
    expect(page.locator("#sort-value")).to_have_text("Value ▲")
    values = page.locator("#table-body td.num").all_inner_texts()
    numbers = [float(text.replace(",", "")) for text in values]
    assert numbers == sorted(numbers)
    # Another view redraws the open table with its own values, in the order the reader chose.
    page.focus("#view input[value='per_million']")
    page.keyboard.press("ArrowDown")
    wait_for_query(page, "view", "ratio")
    expect(page.locator("#table-body td.num").first).not_to_have_text(values[0])
    ratios = [float(text) for text in page.locator("#table-body td.num").all_inner_texts()]
    assert ratios == sorted(ratios) and all(ratio < 10 for ratio in ratios)


def test_open_panels_follow_the_view_through_history(
    page: Page, server: str, catalog: Catalog
) -> None:
    def titles() -> list[str]:
        return page.locator("#indicator-sources article h3").all_inner_texts()

    open_chart(page, server + "/")
    page.focus("#sources-summary")
    page.keyboard.press("Enter")
    expect(page.locator("#indicator-sources article").first).to_be_visible()
    assert len(titles()) == len(catalog.source_ids("rd_expenditure_ppp"))
    page.click("#data-summary")
    expect(page.locator("#table-body tr").first).to_be_visible()
    open_chart(page, server + "/?indicator=students_in_partner")  # a shared link: panels closed
    expect(page.locator("#indicator-sources article")).to_have_count(0)
    page.click("#data-summary")
    expect(page.locator("#table-body tr").first).to_be_visible()
    levels = page.locator("#table-body tr").count()
    assert levels == sum(len(trace["x"]) for trace in traces(page))  # a row per point drawn
    page.locator("#economies").get_by_label("China").uncheck()  # the open table follows
    wait_for_query(page, "economies", "USA")
    us_only = sum(len(trace["x"]) for trace in traces(page))
    expect(page.locator("#table-body tr")).to_have_count(us_only)
    assert 0 < us_only < levels
    page.go_back()  # and back in history, to the shared link as it was typed
    page.wait_for_function("() => window.location.search === '?indicator=students_in_partner'")
    expect(page.locator("#table-body tr")).to_have_count(levels)
    assert page.console.errors == []  # type: ignore[attr-defined]


def china_unticked_unanswered(page: Page, server: str) -> Held:
    """The default chart with China unticked, the answer to that held back; later requests go
    out as usual."""
    open_chart(page, server + "/")
    held = Held(page)
    page.locator("#economies").get_by_label("China").uncheck()
    held.wait()  # the view change went out, and is not answered yet
    held.holding = False
    return held


def test_a_change_on_its_way_marks_nothing_as_loading(page: Page, server: str) -> None:
    # Dash marks each output of a callback on its way as loading, and each draws itself again;
    # the page shows no loading state, so its store drops the marks (start-dash-renderer.js).
    held = china_unticked_unanswered(page, server)
    state = page.evaluate(
        "() => ({waiting: window.store.getState().isLoading,"
        " marked: Object.keys(window.store.getState().loading).length,"
        " drawnAsLoading: document.querySelectorAll('[data-dash-is-loading]').length})"
    )
    assert state == {"waiting": True, "marked": 0, "drawnAsLoading": 0}
    held.release()
    wait_for_query(page, "economies", "USA")
    assert {trace["name"] for trace in traces(page)} == {"US"}


def test_a_panel_opened_while_a_view_change_is_on_its_way_shows_the_new_view(
    page: Page, server: str
) -> None:
    held = china_unticked_unanswered(page, server)
    page.click("#data-summary")
    expect(page.locator("#table-body tr").first).to_be_visible()
    held.release()
    wait_for_query(page, "economies", "USA")
    plotted = sum(len(trace["x"]) for trace in traces(page))
    expect(page.locator("#table-body tr")).to_have_count(plotted)
    assert {row.split("\t")[0] for row in page.locator("#table-body tr").all_inner_texts()} == {
        "US"
    }


def shown_values(page: Page) -> list[float]:
    return [
        float(text.replace(",", ""))
        for text in page.locator("#table-body td.num").all_inner_texts()
    ]


def value_pressed_unanswered(page: Page, server: str) -> Held:
    """The default chart with its table open, and a press on the Value header whose answer is
    held back; later requests go out as usual."""
    open_chart(page, server + "/")
    page.click("#data-summary")
    expect(page.locator("#table-body tr").first).to_be_visible()
    settle(page)
    held = Held(page)
    page.click("#sort-value")
    held.wait()
    held.holding = False
    return held


def test_a_header_pressed_twice_before_the_first_answer_sorts_twice(
    page: Page, server: str
) -> None:
    held = value_pressed_unanswered(page, server)
    page.click("#sort-value")  # the second press: descending
    expect(page.locator("#sort-value")).to_have_text("Value ▼")
    held.release()  # the first press's answer arrives late, and is not drawn
    expect(page.locator("#sort-value")).to_have_text("Value ▼")
    assert shown_values(page) == sorted(shown_values(page), reverse=True)


def test_a_press_followed_by_a_view_change_keeps_both(page: Page, server: str) -> None:
    held = value_pressed_unanswered(page, server)
    page.get_by_label("China ÷ US").check()  # sent while the press is unanswered
    wait_for_query(page, "view", "ratio")
    held.release()
    expect(page.locator("#sort-value")).to_have_text("Value ▲")
    ratios = shown_values(page)
    assert ratios == sorted(ratios) and all(ratio < 10 for ratio in ratios)
    assert query(page)["view"] == "ratio"


def test_a_control_changed_while_another_change_is_on_its_way_keeps_both(
    page: Page, server: str
) -> None:
    held = china_unticked_unanswered(page, server)
    page.get_by_label("Log").check()
    wait_for_query(page, "scale", "log")
    held.release()  # the older answer (linear scale) arrives last, and is not drawn
    assert (query(page)["scale"], query(page)["economies"]) == ("log", "USA")
    assert page.evaluate(f"() => document.querySelector('{CHART}').layout.yaxis.type") == "log"
    assert [trace["name"] for trace in traces(page)] == ["US"]


def test_presses_merged_into_one_request_all_count(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    sent: list[list[str]] = []

    def record(request: Request) -> None:
        if CALLBACK in request.url:
            sent.append(json.loads(request.post_data or "{}")["changedPropIds"])

    page.on("request", record)
    # Two presses in one task, as a busy browser delivers them: Dash sends one request.
    page.evaluate(
        "() => { document.getElementById('data-summary').click();"
        " document.getElementById('sort-value').click(); }"
    )
    expect(page.locator("#sort-value")).to_have_text("Value ▲")
    settle(page)
    # (The words about the view follow, in a request of their own: callbacks.DESCRIPTION.)
    assert [ids for ids in sent if ids != ["describe.data"]] == [
        ["data-summary.n_clicks", "sort-value.n_clicks"]
    ]
    assert shown_values(page) == sorted(shown_values(page))


def test_phone_width_has_no_sideways_scroll(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_chart(page, server + "/")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    chart_box = page.locator("#chart").bounding_box()
    assert chart_box is not None and chart_box["width"] <= 390
    context.close()


def test_an_unknown_path_shows_page_not_found(page: Page, server: str) -> None:
    page.goto(server + "/no-such-page?indicator=rd_intensity")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.locator("#explorer-page")).to_be_hidden()
    page.get_by_role("link", name="Go to the chart").click()
    page.wait_for_url(server + "/")
    expect(page.locator("#explorer-page")).to_be_visible()
    settle(page)


def test_sources_page_lists_every_source_and_indicator(
    page: Page, server: str, catalog: Catalog
) -> None:
    page.goto(server + "/sources")
    expect(page.locator("#sources-page")).to_be_visible()
    expect(page.locator("#explorer-page")).to_be_hidden()
    assert page.locator("#sources-page li[id^='source-']").count() == len(catalog.sources)
    for indicator in catalog.indicators.values():
        entry = page.locator(f"#indicator-{indicator.id}")
        expect(entry).to_have_text(indicator.title)
        assert entry.get_attribute("href") == f"/indicators/{indicator.id}"
    assert page.console.errors == []  # type: ignore[attr-defined]


def test_the_modebar_offers_no_cloud_upload_and_no_untitled_image(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    titles = page.eval_on_selector_all(
        f"{CHART} .modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title'))"
    )
    assert "Zoom" in titles  # the modebar is there
    assert [
        title for title in titles if "share" in title.lower() or "download" in title.lower()
    ] == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("doctorate", {"STEM PhD graduates", "Science and engineering doctoral degrees"}),
        ("patents", {"International patent applications under the PCT"}),
        ("Chinese students", {"Students from each economy enrolled in the other"}),
    ],
)
def test_the_picker_searches_as_soon_as_it_opens_by_the_words_people_use(
    page: Page, server: str, typed: str, found: set[str]
) -> None:
    open_chart(page, server + "/")
    page.click("#indicator")
    expect(page.locator("input.dash-dropdown-search")).to_be_visible()  # it has opened
    page.keyboard.type(typed)  # no click in the search box first
    expect(page.locator("input.dash-dropdown-search")).to_have_value(typed)
    listbox = page.locator(f"[id='{page.get_attribute('#indicator', 'aria-controls')}']")
    for title in found:
        expect(listbox.get_by_role("option", name=title)).to_be_visible()
    expect(listbox.get_by_role("option", name="Population")).to_have_count(0)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # the keyboard alone picks the first match
    page.wait_for_function(
        "() => !new URLSearchParams(location.search).get('indicator')"
        "?.startsWith('rd_expenditure_ppp')"
    )


PICKER_OPTIONS = "() => dash_component_api.getLayout('indicator').props.options.length"


@pytest.mark.parametrize("opening", ["mouse", "keyboard"])
def test_the_picker_holds_every_indicator_once_the_page_is_used(
    page: Page, server: str, catalog: Catalog, opening: str
) -> None:
    open_chart(page, server + "/")
    # Until then it holds the chosen one only: it indexes its options' words as it gets them.
    assert page.evaluate(PICKER_OPTIONS) == 1
    assert "Gross domestic expenditure on R&D (GERD)" in page.inner_text("#indicator")
    if opening == "mouse":
        page.click("#indicator")
    else:
        page.focus("#indicator")  # as Tab would
        page.keyboard.press("ArrowDown")
    listbox = page.locator(f"[id='{page.get_attribute('#indicator', 'aria-controls')}']")
    expect(listbox.get_by_role("option")).to_have_count(
        len(catalog.indicators) + len({i.category for i in catalog.indicators.values()})
    )
    expect(listbox.get_by_role("option", name="Researchers", exact=False).first).to_be_visible()


def test_a_first_click_elsewhere_does_not_wait_for_the_picker_to_fill(
    page: Page, server: str
) -> None:
    # Filling it takes the dropdown tens of milliseconds: a pointer coming over it fills it,
    # before it can be opened, and a click on the view leaves it as it came.
    open_chart(page, server + "/")
    page.get_by_label("China ÷ US").check()
    wait_for_query(page, "view", "ratio")
    assert page.evaluate(PICKER_OPTIONS) == 1
    page.hover("#indicator")
    page.wait_for_function(f"() => ({PICKER_OPTIONS})() > 1")


def test_enter_applies_a_typed_year(page: Page, server: str) -> None:
    open_chart(page, server + "/")
    start = page.locator("#years input.dash-range-slider-min-input")
    start.fill("2012")
    start.press("Enter")
    wait_for_query(page, "from", "2012")
    assert min(min(trace["x"]) for trace in traces(page)) == 2012


def test_the_sources_page_leads_to_an_indicators_page_and_on_to_its_sources(
    page: Page, server: str, catalog: Catalog
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/sources")
    contents = page.locator("nav.contents")
    box = contents.bounding_box()
    assert box is not None and box["y"] < 844  # the first thing after the heading
    categories = {indicator.category.label for indicator in catalog.indicators.values()}
    assert contents.locator("a[href^='#category-']").count() == len(categories)
    contents.get_by_role("link", name="R&D investment").click()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('category-0').getBoundingClientRect().top) < 40"
    )
    page.locator("#indicator-rd_share_world").click()
    page.wait_for_url(server + "/indicators/rd_share_world")
    expect(page.locator("h1")).to_have_text(catalog.indicators["rd_share_world"].title)
    # The coverage table names every source of the indicator and jumps to its card.
    links = page.locator("table.coverage a[href^='#source-']")
    assert links.count() == len(catalog.source_ids("rd_share_world"))
    target = links.nth(1).get_attribute("href")
    assert target is not None
    links.nth(1).click()
    page.wait_for_function(
        f"() => Math.abs(document.getElementById('{target[1:]}').getBoundingClientRect().top) < 40"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Source cards show what a reader needs, not how the curator read it.
    for source_id in catalog.source_ids("rd_share_world"):
        notes = catalog.sources[source_id].notes
        if notes:
            assert notes[:40] not in page.inner_text("main")


# What the page says about its view, apart from the chart.
DESCRIBED = """() => ['#chart-title', '#chart-subtitle', '#sentence', '#key-figures', '#citation']
  .map(selector => document.querySelector(selector).textContent)"""


def test_answers_in_quick_succession_leave_the_page_as_its_address_draws_it(
    browser: Browser, page: Page, server: str
) -> None:
    # Each answer carries only what differs from the view at the address the page shows
    # (callbacks.page_changes), and Dash drops an answer a newer request overtook: after
    # three quick changes the page must show what its address shows on a fresh visit.
    open_chart(page, server + "/")
    page.get_by_label("China ÷ US").check()
    page.fill("#years input.dash-range-slider-min-input", "2010")
    page.keyboard.press("Tab")
    page.get_by_label("Japan").check()
    wait_for_query(page, "economies", "USA,CHN,JPN")
    settle(page)
    seen = page.evaluate(DESCRIBED)
    fresh = browser.new_page()
    open_chart(fresh, page.url)
    assert fresh.evaluate(DESCRIBED) == seen
    assert traces(fresh) == traces(page)
    fresh.close()
