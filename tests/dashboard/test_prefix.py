"""The site under a path (``DASHBOARD_PUBLIC_URL=https://example.org/indicators/``): it answers
there only, and every link, script, form and citation it writes stays under that path."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from dash import Dash
from flask.testing import FlaskClient

from dashboard.factory import create_app
from dashboard.state import from_query, to_query
from indicators import Catalog
from tests.dashboard.bodies import EXPLORER, WORDS, body, callback_key, explorer_body
from tests.support import dash_scripts

SITE = "https://example.org/indicators/"
PREFIX = "/indicators"
HERE = {"base_url": "https://example.org/"}
PAGES = (
    "/",
    "/?indicator=rd_intensity&view=ratio",
    # A shared link (a view's own address): drawn by the server, its first screen included.
    "/?indicator=rd_intensity&view=ratio&scale=linear&from=2000&to=2023&economies=USA,CHN",
    "/scoreboard",
    "/sources",
    "/claims",
    "/indicators/rd_intensity",
    "/reports/quincy_2025",
    "/embed?indicator=rd_intensity",
    "/nowhere",
)


class Links(HTMLParser):
    """Every address a page's markup names (links, scripts, stylesheets, images, forms)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend(v for k, v in attrs if k in ("href", "src", "action") and v)


def links_in(markup: str) -> list[str]:
    parser = Links()
    parser.feed(markup)
    return parser.found


def links_in_layout(node: Any) -> Iterator[str]:
    """Addresses in a Dash layout or callback answer (JSON), at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("href", "src", "action", "pathname") and isinstance(value, str):
                yield value
            else:
                yield from links_in_layout(value)
    elif isinstance(node, list):
        for item in node:
            yield from links_in_layout(item)


def outside(addresses: list[str]) -> list[str]:
    """The addresses on this site that are not under the prefix (other sites and fragments
    are fine; the public URL itself is under it)."""
    return [
        a
        for a in addresses
        if (a.startswith("/") and not a.startswith("//") and not a.startswith(PREFIX + "/"))
        or (a.startswith("https://example.org/") and not a.startswith(SITE))
    ]


@pytest.fixture(scope="module")
def app(real: Catalog) -> Dash:
    return create_app(real, public_url=SITE)


@pytest.fixture(scope="module")
def client(app: Dash) -> FlaskClient:
    test_client: FlaskClient = app.server.test_client()
    return test_client


@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_under_the_prefix(client: FlaskClient, page: str) -> None:
    answer = client.get(PREFIX + page, **HERE)
    assert answer.status_code == (404 if page == "/nowhere" else 200)
    found = links_in(answer.get_data(as_text=True))
    assert len(found) >= 3
    assert outside(found) == []


def test_dash_asks_for_its_own_routes_under_the_prefix(client: FlaskClient) -> None:
    page = client.get(PREFIX + "/", **HERE).get_data(as_text=True)
    scripts = [a for a in dash_scripts(page) if "_dash-component-suites" in a]
    assert scripts and all(a.startswith(PREFIX + "/_dash-component-suites/") for a in scripts)
    assets = [a for a in dash_scripts(page) if "/assets/" in a]
    assert assets and all(a.startswith(PREFIX + "/assets/") for a in assets)
    config = re.search(r'id="_dash-config"[^>]*>(.*?)</script>', page)
    assert config is not None
    assert json.loads(config.group(1))["requests_pathname_prefix"] == PREFIX + "/"
    for route in ("/_dash-layout", "/_dash-dependencies", scripts[0].removeprefix(PREFIX)):
        assert client.get(PREFIX + route, **HERE).status_code == 200
    layout = client.get(PREFIX + "/_dash-layout", **HERE).get_json()
    found = list(links_in_layout(layout))
    assert f"{PREFIX}/" in found  # the address bar starts where the page is: no callback
    assert len(found) >= 5 and outside(found) == []


def test_a_callbacks_links_stay_under_the_prefix(
    app: Dash, client: FlaskClient, real: Catalog
) -> None:
    explorer = explorer_body(app, real, **{"url.pathname": PREFIX + "/"})
    assert explorer["output"] == callback_key(app, EXPLORER)
    answer = client.post(PREFIX + "/_dash-update-component", json=explorer, **HERE)
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    # The words about another view than the page's first (links included) follow the chart.
    view = "?indicator=rd_intensity&view=ratio"
    words = body(app, callback_key(app, WORDS), {"describe.data": view}, ["describe.data"])
    words_answer = client.post(PREFIX + "/_dash-update-component", json=words, **HERE)
    assert words_answer.status_code == 200
    response |= words_answer.get_json()["response"]
    found = list(links_in_layout(response))
    text = json.dumps(response)
    assert f"{PREFIX}/download/" in text and f"{PREFIX}/chart.png?" in text
    assert SITE + "?indicator=" in text  # the link to share and the citation's
    assert outside(found) == []


def test_nothing_is_served_outside_the_prefix(client: FlaskClient) -> None:
    for path in ("/", "/sources", "/api/v1/", "/_dash-layout", "/download/all.csv"):
        refused = client.get(path, **HERE)
        assert refused.status_code == 404, path
        assert refused.mimetype in ("text/plain", "application/json")
        assert "default-src" in refused.headers["Content-Security-Policy"]
    # The bare prefix is the chart page too (no redirect a proxy would have to rewrite).
    assert client.get(PREFIX, **HERE).status_code == 200


def test_the_api_names_its_paths_under_the_prefix(client: FlaskClient, real: Catalog) -> None:
    links = client.get(PREFIX + "/api/v1/", **HERE).get_json()["links"]
    assert links["indicators"] == f"{PREFIX}/api/v1/indicators"
    assert client.get(links["indicators"], **HERE).status_code == 200
    document = client.get(PREFIX + "/api/v1/openapi.json", **HERE).get_json()
    assert document["servers"] == [{"url": PREFIX}]
    at_root = create_app(real, public_url="").server.test_client()
    assert "servers" not in at_root.get("/api/v1/openapi.json").get_json()


def test_a_shared_links_layout_is_drawn_for_its_view_under_the_prefix(
    client: FlaskClient, real: Catalog
) -> None:
    link = to_query(from_query("?indicator=rd_intensity&view=ratio", real)[0])
    assert 'class="prerendered"' in client.get(PREFIX + "/" + link, **HERE).get_data(as_text=True)
    layout = client.get(PREFIX + "/_dash-layout" + link, **HERE).get_json()
    assert json.dumps(link) in json.dumps(layout)  # the address it is drawn for
    found = list(links_in_layout(layout))
    assert f"{PREFIX}/download/" in json.dumps(found) and outside(found) == []
