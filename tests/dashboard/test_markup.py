"""Blocks of words drawn as one component each (``dashboard.markup``)."""

from __future__ import annotations

from typing import Any

from dash import html
from flask.testing import FlaskClient

from dashboard import ids
from dashboard.markup import HtmlBlock, to_html


def test_a_block_carries_its_words_as_escaped_html() -> None:
    words = [html.Li(['<img src=x onerror="alert(1)"> & ', html.Strong("R&D")])]
    block = HtmlBlock(to_html(words), tag="ul")
    assert block.to_plotly_json() == {  # type: ignore[no-untyped-call]
        "props": {
            "tag": "ul",
            "html": "<li>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; "
            "<strong>R&amp;D</strong></li>",
        },
        "type": "HtmlBlock",
        "namespace": "us_china_indicators",
    }
    shown = HtmlBlock("<p>a</p>", id="x").to_plotly_json()  # type: ignore[no-untyped-call]
    assert shown["props"]["id"] == "x"


def _components(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for child in node for found in _components(child)]
    if isinstance(node, dict) and "props" in node:
        return [node, *(found for value in node["props"].values() for found in _components(value))]
    return []


def test_the_chart_page_draws_its_words_as_blocks_of_few_components(
    real_client: FlaskClient,
) -> None:
    # Dash's renderer looks at every component at every step of every answer: the page's
    # blocks of words are one component each, and the whole page stays near a hundred.
    drawn = _components(real_client.get("/_dash-layout").get_json())
    blocks = {c["props"]["id"]: c["props"] for c in drawn if c["type"] == "HtmlBlock"}
    assert set(blocks) == {ids.INDICATOR_INFO, ids.EVENTS_LIST, ids.KEY_FIGURES, ids.CAVEATS}
    assert "<dt>US, latest</dt>" in blocks[ids.KEY_FIGURES]["html"]
    assert blocks[ids.CAVEATS]["html"].startswith("<li>")
    assert len(drawn) <= 110, len(drawn)
