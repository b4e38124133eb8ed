"""Callbacks called as plain functions: URL in, every output out; controls in, URL out."""

from __future__ import annotations

from typing import Any

from dashboard.callbacks import CONTROLS, route, update_view
from indicators import Catalog
from tests.dashboard.test_builders import data_traces


def press(
    catalog: Catalog,
    trigger: str,
    out: dict[str, Any],
    sort: Any = None,
    address: str = "",
    presses: dict[str, tuple[int, int]] | None = None,
) -> dict[str, Any]:
    """The answer to opening a panel or pressing a table header (``presses``: each header's
    press count and last press time) on the view ``out`` shows, with the browser at
    ``address``."""
    controls = {name: out[name] for name in CONTROLS}
    return update_view(catalog, {trigger}, address, **controls, sort=sort, presses=presses)


def test_first_visit_without_query_shows_default_view(catalog: Catalog) -> None:
    out = update_view(catalog, set(), "")
    # The address already says this view: writing it would push a history entry.
    assert "search" not in out and "search" not in press(catalog, "table", out)
    assert press(catalog, "table", out, address="?view=ratio")["search"] == (
        "?indicator=widgets&view=levels&scale=linear&from=2017&to=2021&economies=USA,CHN"
    )
    assert out["notice"] == ""
    assert out["economies"] == ["USA", "CHN"]
    assert [o["value"] for o in out["economy_options"]] == ["USA", "CHN", "JPN"]
    assert out["years"] == [2017, 2021] and (out["years_min"], out["years_max"]) == (2017, 2021)
    assert [t["name"] for t in data_traces(out["figure"])] == [
        "US",
        "China",
        "China (projection)",
        "China · other sources",
    ]
    assert out["download_view"] == (
        "/download/widgets.csv?source=main&economies=CHN,USA&from=2017&to=2021"
    )
    assert out["download_indicator"] == "/download/widgets.csv"
    assert out["base_year_hidden"] is True
    assert "table_body" not in out and "sources" not in out  # their panels are closed
    assert len(press(catalog, "table", out)["table_body"]) == 8


def test_opened_panels_are_drawn_with_the_view(catalog: Catalog) -> None:
    sort = {"column": "value", "descending": True}
    out = update_view(catalog, set(), "?from=2018&to=2019", sort=sort, table_opened=1)
    # The fixture: US 110 and 115, China 100 and 125 (2018, 2019).
    assert [row.children[2].children for row in out["table_body"]] == ["125", "115", "110", "100"]
    assert "sources" not in out
    out = update_view(catalog, set(), "?indicator=exchange_students", sources_opened=2)
    opened = press(catalog, "sources", out)
    # Opening a panel answers the whole view: Dash drops an earlier answer still on its way.
    assert {"sources", "figure", "search"} <= set(opened) and "table_body" not in opened
    assert [card.children[0].children for card in out["sources"]] == [
        card.children[0].children for card in opened["sources"]
    ]
    assert len(out["sources"]) == len(catalog.source_ids("exchange_students"))


def test_shared_url_reproduces_the_view(catalog: Catalog) -> None:
    search = "?indicator=widgets&view=indexed&scale=log&from=2018&to=2019&economies=CHN&base=2018"
    out = update_view(catalog, set(), search)
    assert "search" not in out and "search" not in press(catalog, "sources", out, address=search)
    assert press(catalog, "sources", out)["search"] == search  # the controls left the address
    assert (out["view"], out["scale"], out["base_year"]) == ("indexed", "log", 2018)
    assert out["base_year_hidden"] is False
    assert out["figure"]["data"][0]["y"] == [100.0, 125.0]


def test_bad_url_falls_back_with_visible_notice(catalog: Catalog) -> None:
    out = update_view(catalog, set(), "?indicator=gerd&view=pie")
    assert out["notice"] == (
        "Unknown indicator 'gerd'; showing the default. View 'pie' is not a view; showing levels."
    )
    assert out["indicator"] == "widgets" and out["view"] == "levels"


def test_controls_write_the_url(catalog: Catalog) -> None:
    out = update_view(
        catalog, {"view"}, "", "widgets", "ratio", "linear", [2017, 2019], ["USA", "CHN"], 2017
    )
    assert out["search"] == (
        "?indicator=widgets&view=ratio&scale=linear&from=2017&to=2019&economies=USA,CHN"
    )
    assert out["notice"] == ""
    scale = {o["value"]: o["disabled"] for o in out["scale_options"]}
    assert scale == {"linear": False, "log": False}


def test_log_is_offered_only_where_values_are_positive(catalog: Catalog) -> None:
    out = update_view(
        catalog, {"view"}, "", "widgets", "difference", "log", [2017, 2021], ["USA", "CHN"], 2017
    )
    assert out["scale"] == "linear"
    assert {o["value"]: o["disabled"] for o in out["scale_options"]}["log"] is True


def test_new_indicator_starts_from_its_own_years(catalog: Catalog) -> None:
    out = update_view(
        catalog,
        {"indicator"},
        "",
        "exchange_students",
        "levels",
        "linear",
        [2017, 2018],
        ["USA", "CHN"],
        2017,
    )
    assert out["years"] == [2020, 2021]
    assert out["search"].startswith("?indicator=exchange_students&view=levels")
    views = {o["value"]: o["disabled"] for o in out["view_options"]}
    assert views == {
        "levels": False,
        "per_million": True,
        "ratio": False,
        "difference": False,
        "indexed": False,
    }


def test_controls_with_wrong_types_are_ignored(catalog: Catalog) -> None:
    weird: list[Any] = [{"x": 1}, 42, None, "not-a-view", [1, 2, 3], "USA"]
    out = update_view(catalog, {"years"}, 17, "widgets", *weird)
    assert out["view"] == "levels" and out["years"] == [2017, 2021]
    out = update_view(catalog, {"indicator"}, None, ["widgets"], None, None, None, None, None)
    assert out["indicator"] == "widgets"


def test_unticking_every_economy_shows_an_empty_chart(catalog: Catalog) -> None:
    out = update_view(
        catalog, {"economies"}, "", "widgets", "levels", "linear", [2017, 2021], [], 2017
    )
    assert out["economies"] == [] and out["figure"]["data"] == []


def test_routes() -> None:
    assert route("/") == {"explorer": False, "not_found": True}
    assert route("") == {"explorer": False, "not_found": True}
    assert route("/admin") == {"explorer": True, "not_found": False}
    assert route(None)["explorer"] is False


def test_sorting_toggles_direction(catalog: Catalog) -> None:
    out = update_view(catalog, set(), "")
    answer = press(catalog, "sort", out, presses={"value": (1, 1000)})
    sort = answer["table_sort"]
    assert (sort["column"], sort["descending"], sort["seen"]["value"]) == ("value", False, 1)
    assert answer["header_value"] == "Value ▲" and answer["header_series"] == "Series"
    assert answer["table_body"][0].children[2].children == "80"
    answer = press(catalog, "sort", out, sort, presses={"value": (2, 2000)})
    sort = answer["table_sort"]
    assert (sort["column"], sort["descending"]) == ("value", True)
    assert answer["table_body"][0].children[2].children == "150"
    # Another view (no header pressed) keeps the order the reader chose.
    other = update_view(
        catalog,
        set(),
        "?from=2018&to=2019",
        sort=sort,
        table_opened=1,
        presses={"value": (2, 2000)},
    )
    assert other["table_sort"] == sort and other["header_value"] == "Value ▼"
    values = [row.children[2].children for row in other["table_body"]]
    assert len(values) == 4 and values == sorted(values, key=lambda text: -float(text))
    answer = update_view(catalog, {"table"}, ["not", "a", "query"], sort={"column": "nonsense"})
    assert answer["table_sort"]["column"] == "series"


def order(answer: dict[str, Any]) -> tuple[str, bool]:
    return answer["table_sort"]["column"], answer["table_sort"]["descending"]


def test_no_press_is_lost_while_an_answer_is_on_its_way(catalog: Catalog) -> None:
    out = update_view(catalog, set(), "")
    unanswered = {"column": "series", "descending": False}  # what the browser still holds
    # Opening the table and pressing a header before the request left: one request.
    opened = press(catalog, "table", out, presses={"value": (1, 1000)})
    assert order(opened) == ("value", False) and len(opened["table_body"]) == 8
    # A second press whose first answer Dash dropped: both presses count.
    assert order(press(catalog, "sort", out, unanswered, presses={"value": (2, 2000)})) == (
        "value",
        True,
    )
    # A press, then another view before the press was answered: the view and the order.
    controls = {name: out[name] for name in CONTROLS} | {"view": "ratio"}
    answer = update_view(
        catalog,
        {"view"},
        "",
        **controls,
        sort=unanswered,
        table_opened=1,
        presses={"value": (1, 9)},
    )
    assert order(answer) == ("value", False) and answer["view"] == "ratio"
    # Presses on two headers in one request: the one pressed last sorts.
    both = press(
        catalog, "sort", out, unanswered, presses={"value": (1, 2000), "period": (1, 3000)}
    )
    assert order(both) == ("period", False)


def test_a_new_indicator_keeps_the_controls_changed_with_it(catalog: Catalog) -> None:
    out = update_view(catalog, set(), "")
    controls = {name: out[name] for name in CONTROLS}
    picked = controls | {"indicator": "exchange_students", "scale": "log"}
    assert update_view(catalog, {"indicator"}, "", **picked)["scale"] == "linear"
    assert update_view(catalog, {"indicator", "scale"}, "", **picked)["scale"] == "log"
    # Picked, then the scale changed before the pick was answered (Dash dropped that answer):
    # the address still says the view before the pick, so the pick is still a new indicator.
    stale_years = picked | {"years": [2017, 2017]}
    assert update_view(catalog, {"scale"}, "", **stale_years)["years"] == [2020, 2021]
    assert update_view(catalog, {"scale"}, "?indicator=exchange_students", **stale_years)[
        "years"
    ] == [2020, 2020]


def test_checkboxes_for_other_sources_and_events_reach_the_url(catalog: Catalog) -> None:
    out = update_view(
        catalog,
        {"all_sources"},
        "",
        "widgets",
        "levels",
        "linear",
        [2017, 2021],
        ["USA", "CHN"],
        2017,
        ["all"],
        ["on"],
    )
    assert out["search"].endswith("&sources=all&events=on")
    assert out["all_sources"] == ["all"] and out["events"] == ["on"]
    assert [t["name"] for t in data_traces(out["figure"])][-1] == "China · other sources"
    # Of the two fixture events, only 2018's is in 2017–2021.
    assert out["events_list"].count("<li>") == 1 and "2018-08-09" in out["events_list"]


def test_cite_this_view_names_sources_dashboard_version_and_date(catalog: Catalog) -> None:
    import datetime as dt

    out = update_view(
        catalog, set(), "?from=2018&to=2019", site="https://example.net/", today=dt.date(2026, 1, 2)
    )
    assert out["citation"] == (
        "Widgets produced, levels, 2018–2019. Data: Test Statistics Office, Table W-1: Widgets "
        "produced (Widget Yearbook 2020). Compiled in US–China S&T Indicators, data version "
        f"{catalog.version}, https://example.net/?indicator=widgets&view=levels&scale=linear"
        "&from=2018&to=2019&economies=USA,CHN (accessed 2026-01-02)."
    )


def test_the_page_is_served_with_every_output_of_the_default_view(catalog: Catalog) -> None:
    # No callback runs on a first visit to the bare address, so the page must hold the view.
    import json

    from flask import Flask
    from plotly.utils import PlotlyJSONEncoder

    from dashboard import ids
    from dashboard.callbacks import OUTPUTS, PANELS
    from dashboard.factory import create_app

    with Flask(__name__).test_request_context(base_url="https://example.net/"):
        layout = create_app(catalog).layout()
    first = update_view(catalog, set(), "", site="https://example.net/")
    components = {c.id: c for c in layout._traverse() if isinstance(getattr(c, "id", None), str)}
    for name, output in OUTPUTS.items():
        if name in PANELS | {"search"}:
            continue
        served = getattr(components[output.component_id], output.component_property)
        assert json.dumps(served, cls=PlotlyJSONEncoder) == json.dumps(
            first[name], cls=PlotlyJSONEncoder
        ), name
    assert "https://example.net/?indicator=widgets&view=levels" in first["citation"]
    # The bare address the page is drawn for; the browser fills in the rest.
    url = components[ids.URL]
    assert (url.pathname, url.search, getattr(url, "href", None)) == ("/", "", None)


def test_sorting_an_empty_view_keeps_it_empty(catalog: Catalog) -> None:
    out = update_view(
        catalog, {"economies"}, "", "widgets", "levels", "linear", [2017, 2021], [], 2017
    )
    assert press(catalog, "table", out)["table_body"] == []
    assert (
        press(catalog, "sort", out, presses={"period": (1, 1)})["table_body"] == []
    )  # the controls hold no economy


def test_an_open_panel_is_drawn_again_only_for_another_view(catalog: Catalog) -> None:
    # The answers that draw the panels write what they show (panels_shown): an answer for the
    # view they show leaves them as they are, one for another view draws them again.
    out = update_view(catalog, set(), "", table_opened=1, sources_opened=1)
    assert {"table_body", "sources", "panels_shown"} <= set(out)
    controls = {name: out[name] for name in CONTROLS}

    def answer(trigger: str, **changed: Any) -> dict[str, Any]:
        return update_view(
            catalog,
            {trigger},
            "",
            **(controls | changed),
            table_opened=1,
            sources_opened=1,
            sort=out["table_sort"],
            panels_shown=out["panels_shown"],
        )

    assert not {"table_body", "sources", "panels_shown"} & set(answer("sources"))
    ratio = answer("view", view="ratio")
    assert "table_body" in ratio and "sources" not in ratio
    assert ratio["panels_shown"]["sources"] == out["panels_shown"]["sources"]
    assert ratio["panels_shown"]["table"] != out["panels_shown"]["table"]
    assert {"table_body", "sources"} <= set(answer("indicator", indicator="exchange_students"))
    # A header pressed: the same view's table, in its new order.
    pressed = update_view(
        catalog,
        {"sort"},
        "",
        **controls,
        table_opened=1,
        sort=out["table_sort"],
        presses={"value": (1, 1000)},
        panels_shown=out["panels_shown"],
    )
    assert "table_body" in pressed and pressed["table_sort"]["column"] == "value"
    # Unknown marks (none yet, or not the server's) draw them.
    forged = update_view(catalog, {"sources"}, "", **controls, sources_opened=1, panels_shown=7)
    assert "sources" in forged
