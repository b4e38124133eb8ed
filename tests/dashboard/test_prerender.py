"""The chart page's first screen (``dashboard.prerender``) and how the page starts Dash."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import escape
from html.parser import HTMLParser
from typing import Any, cast

from flask.testing import FlaskClient

from dashboard import prerender
from dashboard.callbacks import DefaultView
from dashboard.factory import UNUSED_SCRIPTS, create_app
from dashboard.layout import shell
from dashboard.state import VIEW_LABELS, ViewState, from_query, to_query
from indicators import Catalog
from tests.support import REPO, dash_scripts


class Elements(HTMLParser):
    """Every start tag of a document: (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(markup)
    return parser.tags


def _first_screen(catalog: Catalog) -> tuple[str, dict[str, object]]:
    default = DefaultView(catalog)
    first = default.for_site("http://example.org")
    screen = prerender.entry_point(shell(catalog, first), default.plot, first["chart_title"])
    return screen, first


def test_the_first_screen_pictures_the_default_view_without_ids(catalog: Catalog) -> None:
    screen, first = _first_screen(catalog)
    elements = _elements(screen)
    # No id and nothing that points at one: the app's own elements carry them on the same page.
    assert not [attributes for _, attributes in elements if "id" in attributes]
    assert not [a for _, a in elements if "for" in a or "aria-describedby" in a]
    text = re.sub(r"<[^>]+>", "", screen)
    assert str(first["sentence"]) in text.replace("&amp;", "&")
    # The chart, drawn twice (phone, wider screens), each line in it.
    drawings = [a for tag, a in elements if tag == "svg" and "minichart" in (a.get("class") or "")]
    assert {a["class"] for a in drawings} == {"minichart wide", "minichart narrow"}
    assert screen.count("<polyline") >= 2 * len(first["economies"])  # type: ignore[arg-type]
    # No script and no Dash component: stores and the location draw nothing.
    assert "<script" not in screen and "dash-store" not in screen


def test_the_controls_are_pictured_inert_with_the_default_choices(catalog: Catalog) -> None:
    screen, first = _first_screen(catalog)
    elements = _elements(screen)
    controls = [a for _, a in elements if "prerendered-control" in (a.get("class") or "")]
    # the indicator, economies, view, scale, base year, events, other sources, years
    assert len(controls) == 8
    assert all("inert" in attributes for attributes in controls)
    checked = {a["value"] for tag, a in elements if tag == "input" and "checked" in a}
    economies = cast(list[str], first["economies"])
    assert set(economies) | {first["view"], first["scale"]} <= checked
    years = [a["value"] for tag, a in elements if "prerendered-year" in (a.get("class") or "")]
    assert years == [str(year) for year in first["years"]]  # type: ignore[attr-defined]
    indicator = catalog.indicators[str(first["indicator"])]
    assert indicator.title in screen.replace("&amp;", "&")


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _linked(catalog: Catalog) -> tuple[str, ViewState]:
    """A shared link's query (a view's own address, ``to_query``) and its view: the default
    view seen as China ÷ US."""
    state = replace(DefaultView(catalog).state, view="ratio")
    return to_query(state), state


def test_the_bare_address_and_a_views_own_address_carry_the_first_screen(
    catalog: Catalog,
) -> None:
    client = create_app(catalog).server.test_client()
    search, state = _linked(catalog)
    bare, link = _page(client, "/"), _page(client, "/" + search)
    assert bare.count('class="prerendered"') == 1 and "first-screen" in bare
    # The picture comes before the app's entry point, inside the same box.
    assert bare.index('class="prerendered"') < bare.index('id="react-entry-point"')
    # A shared link's picture is of its own view: its sentence, its picked view.
    assert link.count('class="prerendered"') == 1
    said = DefaultView(catalog, search).for_site("http://localhost")["sentence"]
    assert said != DefaultView(catalog).outputs["sentence"]
    assert escape(str(said)) in link and escape(str(said)) not in bare
    checked = {a["value"] for tag, a in _elements(link) if tag == "input" and "checked" in a}
    assert state.view in checked
    # Any other query is followed once the app runs (its answer says what it could not use):
    # the page arrives without a picture rather than with the wrong one.
    for other in ("?view=ratio", search + "&x=1", search.replace("ratio", "nonsense")):
        assert "prerendered" not in _page(client, "/" + other), other
    # Nor is a view pictured that the server's drawing is not true to (a log axis, events),
    # though the app arrives drawn with it.
    for untrue in (replace(state, scale="log"), replace(state, events=True)):
        assert "prerendered" not in _page(client, "/" + to_query(untrue)), untrue
        layout = client.get("/_dash-layout" + to_query(untrue)).get_json()
        assert _location(layout)["search"] == to_query(untrue)


def _location(layout: Any) -> dict[str, Any]:
    """The props of the chart page's dcc.Location in a layout answer."""
    if isinstance(layout, dict):
        if layout.get("type") == "Location":
            return cast(dict[str, Any], layout["props"])
        for value in layout.values():
            if (found := _location(value)) is not None:
                return found
    if isinstance(layout, list):
        for value in layout:
            if (found := _location(value)) is not None:
                return found
    return None  # type: ignore[return-value]


def test_the_layout_is_drawn_for_the_address_the_page_asks_it_for(catalog: Catalog) -> None:
    # The browser's starter adds the page's query to Dash's one request for the layout
    # (assets/start-dash-renderer.js): a shared link arrives drawn, with nothing to follow.
    client = create_app(catalog).server.test_client()
    search, _ = _linked(catalog)
    bare = client.get("/_dash-layout").get_json()
    link = client.get("/_dash-layout" + search).get_json()
    assert _location(bare)["search"] == "" and _location(link)["search"] == search
    link_text, bare_text = json.dumps(link), json.dumps(bare)
    said = str(DefaultView(catalog, search).outputs["sentence"])
    assert json.dumps(said) in link_text and json.dumps(said) not in bare_text
    # The memo keeps one answer per view drawn: the bare layout again is the bare one...
    assert client.get("/_dash-layout").get_json() == bare
    # ...and a query the page does not arrive drawn for gets it too (and then follows it), from
    # the memo: tracking parameters added to links make no new entry each.
    for other in ("?view=ratio", search + "&utm_source=x"):
        answer = client.get("/_dash-layout" + other)
        assert answer.get_json() == bare and answer.headers.get("X-Answer-Reused") == "1"


def test_the_page_names_dashs_scripts_for_the_starter_and_runs_none_itself(
    catalog: Catalog,
) -> None:
    client = create_app(catalog).server.test_client()
    page = _page(client, "/")
    tags = [a for tag, a in _elements(page) if tag == "script"]
    # One script runs from the page: the one that starts Dash after the first paint.
    (starter,) = [a for a in tags if a.get("src")]
    assert starter["id"] == "_dash-renderer"
    assert starter["src"] and starter["src"].startswith("/assets/start-dash-renderer.js?m=")
    assert all(a.get("src") or a.get("type") == "application/json" for a in tags)
    sources = dash_scripts(page)
    names = [source.split("?")[0].rsplit("/", 1)[-1] for source in sources]
    # React first, Dash's renderer after the assets, the component suites last, as Dash orders
    # them; not the polyfills, dash_table or the starter itself.
    assert names[0].startswith("react@") and names[1].startswith("react-dom@")
    assert any(name.startswith("dash_renderer") for name in names)
    assert "plotly-basic.min.js" in names and "regenerator-runtime.js" in names
    # The starter is told which is plotly.js, to hold back on touch screens.
    (listed,) = [a for a in tags if a.get("id") == "dash-scripts"]
    assert names[int(listed["data-plotly"] or "")] == "plotly-basic.min.js"
    assert not [s for s in sources if any(unused in s for unused in UNUSED_SCRIPTS)]
    assert not [s for s in sources if "start-dash-renderer" in s]
    # The chunks of the picker, chart and year range come with them, fingerprinted; no other
    # chunk, and not plotly.js's full bundle (the page has the basic one).
    chunks = sorted(name.split(".")[0] for name in names if name.startswith("async-"))
    assert chunks == ["async-dropdown", "async-graph", "async-slider"]
    assert all(".v" in name for name in names if name.startswith("async-"))
    assert not [name for name in names if name.startswith("plotly.")]
    for source in sources:
        with client.get(source) as response:  # (a file answer holds the file open)
            assert response.status_code == 200, source


def test_the_vendored_regenerator_runtime_is_the_locked_one() -> None:
    # The one helper of Dash's polyfills that the renderer and dcc call, at the version
    # package-lock.json pins (npm ci installs it: make browser).
    vendored = REPO / "dashboard" / "assets" / "vendor" / "regenerator-runtime.js"
    installed = REPO / "node_modules" / "regenerator-runtime" / "runtime.js"
    assert vendored.read_bytes() == installed.read_bytes()
    lock = json.loads((REPO / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/regenerator-runtime"]["version"] == "0.14.1"


def test_every_indicators_links_arrive_drawn_with_their_view(
    real: Catalog, real_client: FlaskClient
) -> None:
    # Every indicator in every view it offers, as the share panel links it: the page and its
    # layout are drawn for that view (a first screen too where the drawing is true to it).
    drawn = 0
    for indicator in real.indicators:
        for view in VIEW_LABELS:
            state, notices = from_query(f"?indicator={indicator}&view={view}", real)
            if notices:
                continue  # a view the indicator does not offer
            search = to_query(state)
            page = _page(real_client, "/" + search)
            assert ('class="prerendered"' in page) == prerender.pictures(state), search
            layout = real_client.get("/_dash-layout" + search)
            assert layout.status_code == 200 and _location(layout.get_json())["search"] == search
            drawn += 1
    assert drawn > 2 * len(real.indicators)
