"""A control's answer carries only what changes the page: a page that applies each answer, as
Dash's renderer does, ends up showing exactly the complete view, click after click. The answer
draws the chart (an answer to a press that redraws it, the chart alone: ``callbacks.chart_first``);
once it is drawn, the page asks for the words about the view (``callbacks.DESCRIPTION``) and, after
a chart drawn first, for the rest of the page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from dash import Dash
from flask.testing import FlaskClient
from plotly.io.json import to_json_plotly

from dashboard.callbacks import OUTPUTS, PANEL_TRIGGERS, update_view
from dashboard.factory import create_app
from dashboard.state import from_query, to_query
from indicators import Catalog
from tests.dashboard.bodies import EXPLORER, WORDS, body, callback_key

# What each control is, as "id.property", and the name update_view gives its value.
CONTROLS = {
    "indicator.value": "indicator",
    "view.value": "view",
    "scale.value": "scale",
    "years.value": "years",
    "economies.value": "economies",
    "base-year.value": "base_year",
    "all-sources.value": "all_sources",
    "events.value": "events",
}
TARGETS = {name: f"{o.component_id}.{o.component_property}" for name, o in OUTPUTS.items()}


class Page:
    """The explorer's outputs as a browser holds them: served for the bare address, then
    changed only by what the answers carry."""

    def __init__(self, app: Dash, catalog: Catalog) -> None:
        self.app, self.catalog = app, catalog
        self.client: FlaskClient = app.server.test_client()
        first = update_view(catalog, set(), "", site="http://localhost/")
        self.shown = {TARGETS[name]: json.loads(to_json_plotly(v)) for name, v in first.items()}
        self.shown["url.search"] = ""
        self.shown["url.pathname"] = "/"
        # The view whose words are drawn: the page is served with the first view's.
        self.shown["described.data"] = to_query(from_query("", catalog)[0])
        self.complete = dict(self.shown)  # the page were every answer complete

    def set(
        self, control: str, value: Any, *, words: bool = True, rest: bool = True
    ) -> dict[str, Any]:
        """The visitor sets ``control``; the page applies the answer, and then, once the chart
        is drawn, the answer with the words about the view it drew (unless ``words`` is false:
        Dash dropped it, as a newer request overtook it) and, for an answer that drew the chart
        first, the answer with the rest (unless ``rest`` is false). The answers are returned,
        merged."""
        self.shown[control] = value
        if control == "years.value":  # dcc's range sets both as it is dragged or typed in
            self.shown["years.drag_value"] = value
        complete = self.shown | self.full_answer(control)
        answer = self.post(EXPLORER, [control])
        drawn = answer["chart-drawn"]["data"]
        self.shown["describe.data"] = drawn["view"]
        if drawn["rest"]:
            self.shown["follow.data"] = drawn["view"]
            if rest:
                for component, props in self.post(EXPLORER, ["follow.data"]).items():
                    answer.setdefault(component, {}).update(props)
        if words:
            for component, props in self.post(WORDS, ["describe.data"]).items():
                answer.setdefault(component, {}).update(props)
        # The stores: the view drawn, and (once its words are) the view whose words are drawn.
        self.complete = complete | {"chart-drawn.data": drawn, "describe.data": drawn["view"]}
        if drawn["rest"]:
            self.complete["follow.data"] = drawn["view"]
        if words:
            self.complete["described.data"] = drawn["view"]
        return answer

    def post(self, key: str, changed: list[str]) -> dict[str, Any]:
        """Send the request of the callback whose key starts with ``key``, apply its answer to
        the page and return it."""
        values = self.shown | {"table-sort.data": None}
        sent = body(self.app, callback_key(self.app, key), values, changed)
        response = self.client.post(
            "/_dash-update-component", json=sent, headers={"Accept-Encoding": ""}
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        answer: dict[str, dict[str, Any]] = response.get_json()["response"]
        for component, props in answer.items():
            for prop, new in props.items():
                self.shown[f"{component}.{prop}"] = new
        return answer

    def full_answer(self, control: str) -> dict[str, Any]:
        """Every output of the answer to the page's request, as update_view computes it."""
        controls = {name: self.shown[target] for target, name in CONTROLS.items()}
        trigger = CONTROLS.get(control) or PANEL_TRIGGERS[control.split(".")[0]]
        full = update_view(
            self.catalog,
            {trigger},
            self.shown["url.search"],
            **controls,
            table_opened=self.shown.get("data-summary.n_clicks"),
            sources_opened=self.shown.get("sources-summary.n_clicks"),
            site="http://localhost/",
        )
        return {TARGETS[name]: json.loads(to_json_plotly(v)) for name, v in full.items()}


def targets(answer: dict[str, dict[str, Any]]) -> set[str]:
    """What an answer sets, as "id.property"."""
    return {f"{component}.{prop}" for component, props in answer.items() for prop in props}


@pytest.fixture
def page(catalog: Catalog) -> Page:
    return Page(create_app(catalog), catalog)


CLICKS = [
    ("view.value", "ratio"),
    ("years.value", [2018, 2021]),
    ("view.value", "levels"),
    ("economies.value", []),  # every economy unticked: an empty chart
    ("economies.value", ["USA", "CHN"]),  # back to the first view's economies
    ("events.value", ["on"]),
    ("indicator.value", "exchange_students"),
    ("all-sources.value", ["all"]),
    ("indicator.value", "widgets"),
]


def test_a_page_applying_each_answer_shows_the_complete_view(page: Page) -> None:
    for control, value in CLICKS:
        page.set(control, value)
        assert page.shown == page.complete, control


def test_an_answer_leaves_out_what_the_page_already_shows(page: Page) -> None:
    answer = page.set("view.value", "ratio")
    sent = targets(answer)
    # Same indicator: its description, economies, options and caveats stay as drawn; the
    # control just set is not sent back.
    for unchanged in (
        "indicator-info.html",
        "economies.options",
        "view.options",
        "caveats.html",
        "view.value",
        "indicator.value",
    ):
        assert unchanged not in sent
    assert {"chart.figure", "chart-subtitle.children", "url.search", "citation.children"} <= sent
    # Unticking every economy and ticking them back redraws the chart both times.
    page.set("view.value", "levels")
    assert "chart.figure" in targets(page.set("economies.value", []))
    back = page.set("economies.value", ["USA", "CHN"])
    assert "figure" in back["chart"]


def test_a_control_that_redraws_the_chart_gets_the_chart_first(page: Page) -> None:
    page.shown["indicator.value"] = "exchange_students"
    first = page.post(EXPLORER, ["indicator.value"])
    assert targets(first) == {"chart.figure", "chart-drawn.data"}
    drawn = first["chart-drawn"]["data"]
    assert drawn["rest"] and "indicator=exchange_students" in drawn["view"]
    assert page.shown["url.search"] == ""  # the address, like the rest, waits for the chart
    page.shown["follow.data"] = drawn["view"]
    rest = page.post(EXPLORER, ["follow.data"])
    assert "chart" not in rest and "chart-drawn" not in rest  # drawn already
    assert {"url.search", "years.value", "base-year.options"} <= targets(rest)
    # A press on a panel is answered whole, the chart with it.
    page.shown["view.value"] = "ratio"
    whole = page.post(EXPLORER, ["data-summary.n_clicks"])
    assert {"chart.figure", "url.search", "table-body.children"} <= targets(whole)
    assert not whole["chart-drawn"]["data"]["rest"]


def test_the_year_range_gets_its_dragged_copy_with_its_value_and_only_then(page: Page) -> None:
    # dcc's range copies a new value into drag_value as it draws it, one more round of Dash's
    # renderer before the chart's redraw, unless the answer set it already (callbacks.MIRRORS).
    assert "years" not in page.set("years.value", [2018, 2021])
    assert "years" not in page.set("view.value", "ratio")
    picked = page.set("indicator.value", "exchange_students")["years"]
    assert picked["drag_value"] == picked["value"] == page.complete["years.value"]
    assert page.shown == page.complete


def test_a_shared_link_gets_every_output(page: Page) -> None:
    # Arriving by an address it was not drawn for (callbacks.arrives_drawn: here one with
    # parameters left out), the page shows the first view until the answers draw the address's:
    # the first draws every output of the chart, the second the words that differ.
    page.shown["url.search"] = "?indicator=exchange_students&view=ratio"
    answer = page.post(EXPLORER, ["url.search"])
    assert targets(answer) >= {
        "economies.options",
        "chart.figure",
        "view.value",
        "indicator.value",
        "chart-drawn.data",
    }
    page.shown["describe.data"] = answer["chart-drawn"]["data"]["view"]
    words = page.post(WORDS, ["describe.data"])
    assert targets(words) >= {
        "indicator-info.html",
        "sentence.children",
        "citation.children",
        "described.data",
    }
    assert "indicator=exchange_students" in page.shown["described.data"]


def test_words_dropped_for_a_newer_request_come_with_the_next(page: Page) -> None:
    # The visitor picks a view and, before the words about it came, an indicator: Dash drops
    # the first words' answer, so the page still holds the first view's words, and the next
    # answer of words must carry everything that differs from those.
    page.set("view.value", "ratio", words=False)
    first = page.shown["described.data"]
    assert page.shown["chart-drawn.data"]["view"] != first
    page.set("indicator.value", "exchange_students")
    assert page.shown == page.complete
    assert "indicator=exchange_students" in page.shown["described.data"]


def test_an_answer_after_one_dropped_still_completes_the_page(page: Page) -> None:
    # The visitor picks a view, then opens the table before the answer came: Dash drops the
    # first answer, so the page still shows the address's view with the controls just set.
    page.shown["view.value"] = "ratio"
    page.set("data-summary.n_clicks", 1)
    assert page.shown == page.complete
    assert "ratio" in page.shown["url.search"]
