"""Thousands of generated requests against the real app (in-process WSGI, every layer on:
request guard, memo, compression, headers): malformed callback bodies, wrong types, unknown ids,
huge and deeply nested bodies, odd encodings; download, citation and API URLs with random ids and
query strings; the page with random query strings. None may get a 5xx, and no answer may show a
traceback, a file path or a version."""

from __future__ import annotations

import json
import platform
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlencode

import pytest
from dash import Dash
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

import dashboard
from dashboard.factory import create_app
from dashboard.memo import CALLBACK_PATH
from dashboard.state import from_query
from dashboard.tables import COLUMNS
from indicators import Catalog
from tests.dashboard.bodies import WORDS, callback_key, explorer_body
from tests.dashboard.bodies import body as make_body

SENT: Counter[str] = Counter()  # requests per family, printed at the end (pytest -s)
# What an answer must never contain: Python's traces, where the code lives, what runs it.
LEAKS = (
    "Traceback",
    'File "',
    str(Path(dashboard.__file__).resolve().parents[1]),
    "site-packages",
    sys.prefix,
    platform.python_version(),
    "Werkzeug/",
    "Python/",
)
FUZZ = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
# Values a control could plausibly hold, and the ones it never should.
control_values = st.one_of(
    json_values,
    st.sampled_from(["widgets", "gadgets", "levels", "ratio", "log", "USA", "CHN", "nope", ""]),
    st.lists(st.sampled_from(["USA", "CHN", "JPN", "XXX", "all", "on", 3]), max_size=4),
    st.lists(st.integers(min_value=-5000, max_value=5000), min_size=2, max_size=2),
)
query_keys = st.sampled_from(
    ["indicator", "view", "scale", "from", "to", "economies", "base", "sources", "events", "x"]
)
query_strings = st.lists(st.tuples(query_keys, st.text(max_size=20)), max_size=6).map(
    lambda pairs: "?" + urlencode(pairs)
) | st.text(max_size=60)


@pytest.fixture(scope="module")
def app(catalog: Catalog) -> Dash:
    return create_app(catalog)


@pytest.fixture(scope="module")
def client(app: Dash) -> FlaskClient:
    client: FlaskClient = app.server.test_client()
    return client


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    print(f"\nfuzzed requests: {sum(SENT.values())} {dict(SENT)}")


def check(response: TestResponse, family: str) -> None:
    """No 5xx, no leak in the body or headers."""
    SENT[family] += 1
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    text = response.get_data(as_text=True) if not response.is_streamed else ""
    text += " ".join(f"{name}: {value}" for name, value in response.headers.items())
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} in the answer to a {family} request"


def post(client: FlaskClient, data: bytes | str, content_type: str = "application/json") -> Any:
    return client.post(CALLBACK_PATH, data=data, content_type=content_type)


# Callback requests.


@FUZZ
@given(
    name=st.sampled_from(
        [
            "url.search",
            "url.pathname",
            "indicator.value",
            "view.value",
            "scale.value",
            "years.value",
            "economies.value",
            "base-year.value",
            "all-sources.value",
            "events.value",
            "table-sort.data",
        ]
    ),
    value=control_values,
    second=st.sampled_from(["years.value", "economies.value", "view.value"]),
    other=control_values,
)
def test_callback_values_of_any_type(
    app: Dash, client: FlaskClient, catalog: Catalog, name: str, value: Any, second: str, other: Any
) -> None:
    changed = name if name not in ("url.pathname", "table-sort.data") else "url.search"
    body = explorer_body(app, catalog, changed, **{name: value, second: other})
    response = post(client, json.dumps(body))
    check(response, "callback values")
    assert response.status_code in (200, 204)


@FUZZ
@given(search=query_strings)
def test_callback_with_random_addresses(
    app: Dash, client: FlaskClient, catalog: Catalog, search: str
) -> None:
    response = post(client, json.dumps(explorer_body(app, catalog, **{"url.search": search})))
    check(response, "callback addresses")
    assert response.status_code == 200
    answer = response.get_json()["response"]
    # Whatever the address said, the answer is a whole valid view, and the address is left as
    # the visitor has it (writing it would push a history entry: a back button that lands on
    # the same view again and again).
    assert answer["indicator"]["value"] in catalog.indicators
    assert "chart" in answer and "url" not in answer


@FUZZ
@given(view=query_strings | json_values, described=query_strings | json_values)
def test_words_of_any_view(
    app: Dash, client: FlaskClient, catalog: Catalog, view: Any, described: Any
) -> None:
    # The words about a view (callbacks.DESCRIPTION): whatever the page says it drew and shows,
    # the answer names a valid view as the one whose words it draws.
    values = {"describe.data": view, "described.data": described}
    words = make_body(app, callback_key(app, WORDS), values, ["describe.data"])
    response = post(client, json.dumps(words))
    check(response, "words")
    assert response.status_code == 200
    described_now = response.get_json()["response"]["described"]["data"]
    assert from_query(described_now, catalog)[1] == []  # no part of it unusable


PANEL_IDS = {
    "data-summary": {"table-body", "table-sort", *(f"sort-{name}" for name, _ in COLUMNS)},
    "sources-summary": {"indicator-sources"},
}


@FUZZ
@given(
    trigger=st.sampled_from(
        ["data-summary", "sources-summary", *(f"sort-{c}" for c in ("series", "value", "x"))]
    ),
    controls=st.fixed_dictionaries(
        {},
        optional={f"{c}.value": json_values for c in ("indicator", "view", "years", "economies")},
    ),
    sort=json_values,
    opened=st.none() | st.integers(0, 3) | json_values,
)
def test_panels_and_headers_with_any_state(
    app: Dash,
    client: FlaskClient,
    catalog: Catalog,
    trigger: str,
    controls: dict[str, Any],
    sort: Any,
    opened: Any,
) -> None:
    values = {"table-sort.data": sort, f"{trigger}.n_clicks": opened, **controls}
    body = explorer_body(app, catalog, f"{trigger}.n_clicks", **values)
    response = post(client, json.dumps(body))
    check(response, "panels and headers")
    assert response.status_code in (200, 400)
    if response.status_code == 200 and trigger in PANEL_IDS:
        # A panel press answers its panel, whatever the controls held (with what else changes
        # the page: tests/dashboard/test_page_changes.py).
        answer = set(response.get_json()["response"])
        assert PANEL_IDS[trigger] <= answer


@FUZZ
@given(search=query_strings, table=st.none() | json_values, sources=st.none() | json_values)
def test_open_panels_follow_any_view(
    app: Dash, client: FlaskClient, catalog: Catalog, search: str, table: Any, sources: Any
) -> None:
    panels = {"data-summary.n_clicks": table, "sources-summary.n_clicks": sources}
    body = explorer_body(app, catalog, **{"url.search": search}, **panels)
    response = post(client, json.dumps(body))
    check(response, "callback addresses")
    assert response.status_code == 200
    answer = response.get_json()["response"]
    assert ("table-body" in answer) == bool(table) and ("indicator-sources" in answer) == bool(
        sources
    )


def test_a_single_output_sent_as_a_list_is_refused() -> None:
    # Dash itself fails (a 500) on a list for a callback with one output; the guard says 400.
    from dash import Input, Output, dcc, html
    from flask import Flask

    from dashboard import guard

    app = Dash(server=cast(Any, Flask(__name__)))  # Dash's stubs name only bool
    app.layout = html.Div([dcc.Input(id="a"), html.P(id="b")])
    app.callback(Output("b", "children"), Input("a", "value"))(lambda value: str(value))
    guard.install(app.server, app.callback_map)
    client = app.server.test_client()
    good = make_body(app, "b.children", {"a.value": "x"}, ["a.value"])
    assert post(client, json.dumps(good)).status_code == 200
    bad = good | {"outputs": [good["outputs"]]}
    assert post(client, json.dumps(bad)).status_code == 400


def _mangled(body: dict[str, Any], how: str, junk: Any) -> Any:
    """``body`` broken in one way."""
    if how == "drop":
        return {k: v for k, v in body.items() if k != junk}
    if how == "replace":
        return body | {str(junk)[:12] if isinstance(junk, str) else "inputs": junk}
    if how == "field":
        return body | {"outputs": junk} if isinstance(junk, list) else body | {"output": junk}
    if how == "item":
        inputs = list(body["inputs"])
        inputs[0] = junk
        return body | {"inputs": inputs}
    if how == "id":
        inputs = [dict(item) for item in body["inputs"]]
        inputs[1]["id"] = junk
        return body | {"inputs": inputs}
    if how == "changed":
        return body | {"changedPropIds": junk}
    return junk  # the whole body replaced


@FUZZ
@given(
    how=st.sampled_from(["drop", "replace", "field", "item", "id", "changed", "whole"]),
    junk=json_values | st.sampled_from(["output", "outputs", "inputs", "state", "x.y"]),
)
def test_malformed_callback_envelopes(
    app: Dash, client: FlaskClient, catalog: Catalog, how: str, junk: Any
) -> None:
    body = _mangled(explorer_body(app, catalog), how, junk)
    response = post(client, json.dumps(body))
    check(response, "callback envelopes")


@FUZZ
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=200).map(lambda t: t.encode("utf-16"))
    | st.text(max_size=200).map(lambda t: b"\xef\xbb\xbf" + t.encode())
    | st.integers(min_value=1, max_value=200_000).map(lambda n: b"[" * n)
    | st.integers(min_value=1, max_value=50_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    content_type=st.sampled_from(
        ["application/json", "text/plain", "", "multipart/form-data", "application/json; x=\0"]
    ),
)
def test_odd_bytes_and_encodings(client: FlaskClient, data: bytes, content_type: str) -> None:
    check(post(client, data, content_type), "callback bytes")


def test_bodies_over_the_limit_get_413(app: Dash, client: FlaskClient, catalog: Catalog) -> None:
    body = explorer_body(app, catalog, **{"url.search": "?x=" + "a" * 2_000_000})
    response = post(client, json.dumps(body))
    check(response, "callback bytes")
    assert response.status_code == 413


# Downloads, citations, the API and the page.

ids = st.sampled_from(
    ["widgets", "gadgets", "exchange_students", "widget_yearbook_2020"]
) | st.text(max_size=30)


@FUZZ
@given(
    kind=st.sampled_from(
        ["/download/{}.csv", "/cite/{}.bib", "/cite/{}.json", "/api/v1/indicators/{}", "/{}"]
    ),
    identifier=ids,
    query=query_strings,
)
def test_download_citation_and_api_urls(
    client: FlaskClient, kind: str, identifier: str, query: str
) -> None:
    url = kind.format(quote(identifier, safe="")) + ("?" + query.lstrip("?") if query else "")
    response = client.get(url)
    check(response, "downloads and API")
    if kind == "/download/{}.csv" and identifier not in ("widgets", "gadgets", "exchange_students"):
        assert response.status_code == 404


@FUZZ
@given(
    query=query_strings,
    path=st.sampled_from(
        ["/", "/sources", "/claims", "/api/v1/indicators/widgets/observations", "/download/all.csv"]
    ),
)
def test_pages_with_random_query_strings(client: FlaskClient, query: str, path: str) -> None:
    response = client.get(path + "?" + query.lstrip("?"))
    check(response, "pages")
    assert response.status_code in (200, 400)


@FUZZ
@given(
    # Flask's test client reads "//x" as a host, so paths that start "//" are sent raw to the
    # server in test_http_fuzz.py instead.
    path=st.text(min_size=1, max_size=40).map(lambda t: "/" + quote(t, safe="/%").lstrip("/"))
    | st.sampled_from(
        [
            "/_dash-component-suites/dash/../../../etc/passwd",
            "/_dash-component-suites/dash/deps/none.js",
            "/assets/../pyproject.toml",
            "/assets/%2e%2e/%2e%2e/pyproject.toml",
            "/_reload-hash",
            "/_dash-layout",
            "/_dash-dependencies",
            "/%ff%fe",
        ]
    ),
    method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]),
)
def test_any_path_and_method(client: FlaskClient, path: str, method: str) -> None:
    check(client.open(path, method=method), "paths")
