"""Figure, key figure, sentence and table builders on the fixture catalog, values by hand.

Widgets (main source): US 120, 110, 115 in 2017–2019; China 80, 100, 125 (2019 an estimate)
and 150 projected for 2021; Japan 60 in 2019. A press source gives China 140 in 2020, a year
the main source lacks, so it is drawn beside the main series.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.figures import trend_figure
from dashboard.layout import indicator_options, searched_words
from dashboard.state import default_state
from dashboard.summary import KeyFigure, key_figures, sentence
from dashboard.tables import COLUMNS, after_presses, sort_rows, table_rows, valid_sort
from dashboard.views import build
from indicators import Catalog, load_catalog


def data_traces(figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The traces that draw values (not the crossings' legend entries)."""
    return [trace for trace in figure["data"] if trace.get("meta") != "crossing"]


def traces(figure: dict) -> list[tuple[str, list[int], list[float], str]]:  # type: ignore[type-arg]
    return [(t["name"], t["x"], t["y"], t["line"]["dash"]) for t in data_traces(figure)]


def test_levels_figure(catalog: Catalog) -> None:
    plot = build(catalog, default_state(catalog))
    figure = trend_figure(plot, catalog)
    assert traces(figure) == [
        ("US", [2017, 2018, 2019], [120.0, 110.0, 115.0], "solid"),
        ("China", [2017, 2018, 2019], [80.0, 100.0, 125.0], "solid"),
        # The projection continues from the last firm point, dashed.
        ("China (projection)", [2019, 2021], [125.0, 150.0], "dash"),
        # A year the main series lacks comes from the press, drawn thin beside it.
        ("China · other sources", [2020], [140.0], "dot"),
    ]
    china = figure["data"][1]
    assert china["marker"]["symbol"] == ["circle", "circle", "circle-open"]  # 2019 is an estimate
    assert china["line"]["color"] == "#D55E00"
    assert china["customdata"][2] == [
        "2019",
        "estimate",
        "Test Statistics Office, Widget Yearbook 2020",
        "Table W-1, row China, column 2019",
        "<br>Note: flagged e",
    ]
    assert china["customdata"][1][4] == ""  # no note, no "Note:" line
    assert figure["data"][2]["text"] == ["", "projection"]  # the projection is labelled
    assert "thousand widgets" in china["hovertemplate"]
    layout = figure["layout"]
    # The page prints title and sources around the chart; images get them from the figure.
    assert "title" not in layout
    exported = layout["meta"]["export"]
    assert exported["title"]["text"] == "<b>Widgets produced</b>"
    assert exported["title"]["subtitle"]["text"] == "Levels: thousand widgets"
    assert exported["annotations"][-1]["text"].startswith(
        "Sources: Test Statistics Office, Widget Yearbook 2020; Test Daily, 12 March 2021."
    )
    assert exported["annotations"][:-1] == layout["annotations"]
    # US −40, −10 then China +10 ahead: the lines cross halfway through 2018–19.
    assert layout["shapes"] == [
        {
            "type": "line",
            "xref": "x",
            "x0": 2018.5,
            "x1": 2018.5,
            "yref": "paper",
            "y0": 0,
            "y1": 1,
            "line": {"color": "#767676", "width": 1, "dash": "dash"},
        }
    ]
    (entry,) = [trace for trace in figure["data"] if trace.get("meta") == "crossing"]
    assert entry["name"] == "China overtakes US (2018–2019)" and entry["x"] == [None]


def test_ratio_view(catalog: Catalog) -> None:
    state = replace(default_state(catalog), view="ratio")
    plot = build(catalog, state)
    (line,) = plot.lines
    assert line.name == "China ÷ US"
    assert [point.value for point in line.points] == pytest.approx([80 / 120, 100 / 110, 125 / 115])
    # A ratio is only as firm as its weaker input.
    assert [point.status for point in line.points] == ["reported", "reported", "estimate"]
    figure = trend_figure(plot, catalog)
    assert figure["layout"]["shapes"][0]["y0"] == 1.0  # parity line
    assert "times the US figure" in figure["data"][0]["hovertemplate"]


def test_difference_and_indexed_views(catalog: Catalog) -> None:
    difference = build(catalog, replace(default_state(catalog), view="difference"))
    assert [point.value for point in difference.lines[0].points] == [-40.0, -10.0, 10.0]
    indexed = build(catalog, replace(default_state(catalog), view="indexed", base_year=2018))
    values = {line.name: [round(point.value, 6) for point in line.points] for line in indexed.lines}
    assert values == {
        "US": [round(120 / 110 * 100, 6), 100.0, round(115 / 110 * 100, 6)],
        "China": [80.0, 100.0, 125.0, 150.0],
    }
    assert indexed.y_title == "index, 2018 = 100"


def test_series_breaks_are_squares(catalog: Catalog) -> None:
    from dashboard.figures import _symbol

    assert _symbol("reported", "OECD flag B: break in series") == "square"
    assert _symbol("estimate", "Break in series") == "square-open"
    assert _symbol("reported", "") == "circle"


def test_log_scale(catalog: Catalog) -> None:
    figure = trend_figure(build(catalog, replace(default_state(catalog), scale="log")), catalog)
    assert figure["layout"]["yaxis"]["type"] == "log"


def test_other_sources_are_drawn_thinner_for_years_the_main_series_lacks(catalog: Catalog) -> None:
    state = default_state(catalog)
    lines = build(catalog, state).lines
    assert [line.name for line in lines] == ["US", "China", "China · Test Daily, 12 March 2021"]
    other = lines[-1]
    assert not other.main
    assert [(point.year, point.value) for point in other.points] == [(2020, 140.0)]
    # Asked for every source, the press is drawn for every year; for a year the main series
    # has, only when asked.
    later = replace(state, years=(2017, 2019))
    assert [line.name for line in build(catalog, later).lines] == ["US", "China"]
    every = build(catalog, replace(state, all_sources=True))
    assert every.lines[-1].name == "China · Test Daily, 12 March 2021"
    figure = trend_figure(every, catalog)
    assert data_traces(figure)[-1]["line"]["width"] == 1.5
    assert data_traces(figure)[-1]["name"] == "China · other sources"


def test_economy_missing_from_main_source_comes_from_its_own_source(catalog: Catalog) -> None:
    # The exchange census has China in 2020–21 and the US in 2021 only.
    state = replace(default_state(catalog, "exchange_students"), economies=("USA", "CHN"))
    plot = build(catalog, state)
    assert [(line.name, line.main) for line in plot.lines] == [("US", True), ("China", True)]


def test_academic_year_axis_shows_labels(catalog: Catalog) -> None:
    plot = build(catalog, default_state(catalog, "exchange_students"))
    xaxis = trend_figure(plot, catalog)["layout"]["xaxis"]
    assert xaxis["ticktext"] == ["2020/21", "2021/22"]


def test_empty_selection_says_so(catalog: Catalog) -> None:
    plot = build(catalog, replace(default_state(catalog), economies=()))
    figure = trend_figure(plot, catalog)
    assert figure["data"] == []
    assert figure["layout"]["annotations"][-1]["text"] == "No data for this selection"
    assert sentence(plot, catalog).startswith("No widgets produced data for this selection")


def test_key_figures_by_hand(catalog: Catalog) -> None:
    figures = key_figures(build(catalog, default_state(catalog)), catalog)
    assert figures == [
        KeyFigure("US, latest", "115 k widgets", "2019"),
        # The latest value is the latest firm one; the projection is shown as a projection.
        KeyFigure("China, latest", "125 k widgets", "2019 (estimate)"),
        KeyFigure("China, projection", "150 k widgets", "for 2021"),
        KeyFigure("China ÷ US", "1.09", "2019"),  # 125 / 115
        # No growth figures: 2017–2019 is too short a span to call a trend.
        KeyFigure("Crossover", "2019", "first year China is ahead of US"),
        # China reached the US's 2019 level (115) at 2018 + 15/25: 0.4 years earlier.
        KeyFigure("US behind", "0.4 years", "China stood at US's 2019 level 0.4 years earlier"),
    ]


def test_key_figures_mean_something_for_the_indicator_and_its_data(catalog: Catalog) -> None:
    from indicators import load_catalog

    real = load_catalog()
    labels = {
        indicator_id: {
            f.label: f for f in key_figures(build(real, default_state(real, indicator_id)), real)
        }
        for indicator_id in ("rd_expenditure_ppp", "rd_basic_share", "stem_phd_graduates")
    }
    # Growth over a span long enough to be a trend (2000–2023).
    assert labels["rd_expenditure_ppp"]["China, growth"].detail == "compound, 2000–2023"
    # A share: whether China is "behind" means nothing.
    assert not any(label.endswith("behind") for label in labels["rd_basic_share"])
    # Anchor years a decade apart: one answer, the interval, never a decimal year.
    stem = labels["stem_phd_graduates"]
    assert stem["Crossover"].value == "between 2000 and 2010"
    assert "c. 20" not in " ".join(f.detail for f in stem.values())
    figure = trend_figure(build(real, default_state(real, "stem_phd_graduates")), real)
    assert [(r["x0"], r["x1"]) for r in figure["layout"]["shapes"] if r["type"] == "rect"] == [
        (2000, 2010)
    ]
    # The projection is never "latest", nor what "behind" is computed from.
    assert stem["US, latest"].detail == "2019" and stem["US, projection"].detail == "for 2025"


def test_sentence_states_the_chart_with_its_citation(catalog: Catalog) -> None:
    state = default_state(catalog)
    assert sentence(build(catalog, state), catalog) == (
        "In 2019 widgets produced was 125 thousand widgets for China, 1.09 times the United "
        "States figure of 115; China overtook United States between 2018 and 2019 "
        "(Test Statistics Office, Widget Yearbook 2020)."
    )
    ratio = sentence(build(catalog, replace(state, view="ratio")), catalog)
    assert ratio.startswith(
        "China's widgets produced was 1.09 times the US figure in 2019, against 0.67 in 2017"
    )


def test_sentence_for_the_real_gerd_comparison() -> None:
    from indicators import load_catalog

    real = load_catalog()
    state = replace(default_state(real), years=(2000, 2022))
    text = sentence(build(real, state), real)
    # data/tables/rd_expenditure_ppp.csv, OECD rows for 2022: CHN 812.2294552, USA 906.953.
    assert text == (
        "In 2022 gross domestic expenditure on R&D (GERD) was 812.2 billion current PPP US "
        "dollars for China, 0.90 times the United States figure of 907.0 "
        "(OECD MSTI, STI Scoreboard extract of May 2025)."
    )


def test_table_rows_and_sorting(catalog: Catalog) -> None:
    rows = table_rows(build(catalog, default_state(catalog)), catalog)
    assert len(rows) == 8
    assert rows[0] == {
        "series": "US",
        "year": 2017,
        "period": "2017",
        "value": 120.0,
        "display": "120",
        "unit": "thousand widgets",
        "status": "reported",
        "source": "Test Statistics Office, Widget Yearbook 2020",
        "source_url": "https://example.org/widget-yearbook-2020",
        "locator": "Table W-1, row United States, column 2017",
    }
    by_value = sort_rows(rows, "value", descending=True)
    assert [row["value"] for row in by_value] == [150, 140, 125, 120, 115, 110, 100, 80]
    by_period = sort_rows(rows, "period", descending=False)
    assert [row["year"] for row in by_period] == [2017, 2017, 2018, 2018, 2019, 2019, 2020, 2021]


def _answered_one_by_one(columns: list[str]) -> dict[str, Any]:
    """The order after pressing ``columns`` in turn, each press answered before the next."""
    sort: Any = None
    counts: dict[str, int] = {}
    for stamp, column in enumerate(columns, start=1):
        counts[column] = counts.get(column, 0) + 1
        sort = after_presses(sort, {name: (count, stamp) for name, count in counts.items()})
    return valid_sort(sort)


@given(
    st.lists(st.sampled_from([name for name, _ in COLUMNS]), max_size=6),
    st.sampled_from([name for name, _ in COLUMNS]),
    st.integers(min_value=1, max_value=4),
)
def test_presses_answered_together_sort_as_presses_answered_one_by_one(
    before: list[str], column: str, repeats: int
) -> None:
    # Presses on one header made while an answer was on its way reach the server together.
    answered = _answered_one_by_one(before)
    counts = {name: before.count(name) for name in set(before)}
    counts[column] = counts.get(column, 0) + repeats
    stamps = {name: len(before) + 1 if name == column else 0 for name in counts}
    together = after_presses(answered, {name: (counts[name], stamps[name]) for name in counts})
    assert together == _answered_one_by_one(before + [column] * repeats)


def test_axes_say_what_the_data_can_mean() -> None:
    from indicators import load_catalog

    real = load_catalog()

    def axes(indicator_id: str, **changes: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        state = replace(default_state(real, indicator_id), **changes)
        layout = trend_figure(build(real, state), real)["layout"]
        return layout["xaxis"], layout["yaxis"]

    x, y = axes("iso_iec_secretariats")  # one count of 50 secretariats, in 2010
    assert (x["dtick"], y["tickformat"], y["rangemode"]) == (1, ",d", "tozero")
    x, y = axes("rd_expenditure_ppp")  # money over decades: plotly's own steps, from zero
    assert "dtick" not in x and "tickformat" not in y and y["rangemode"] == "tozero"
    assert "rangemode" not in axes("rd_expenditure_ppp", scale="log")[1]
    assert "rangemode" not in axes("rd_expenditure_ppp", view="ratio")[1]


def test_an_indicator_with_one_of_the_two_says_so() -> None:
    from indicators import load_catalog

    real = load_catalog()

    def said(indicator_id: str) -> str:
        return sentence(build(real, default_state(real, indicator_id)), real)

    assert said("rd_expenditure_cny").endswith(
        "Figures for China only: no source here covers the US."
    )
    assert said("intl_students_us").endswith(
        "Figures for the US only: no source here covers China."
    )
    assert "only:" not in said("rd_expenditure_ppp")


def test_a_citation_with_parentheses_of_its_own_nests_them_as_brackets() -> None:
    from indicators import load_catalog

    real = load_catalog()
    text = sentence(build(real, default_state(real, "rd_expenditure_constant_ppp")), real)
    # data/sources.yaml, int_oecd_g_pppct_2025_05: "... extract of May 2025 (GERD, constant PPP)".
    assert text.endswith("(OECD MSTI, STI Scoreboard extract of May 2025 [GERD, constant PPP]).")
    assert text.count("(") == text.count(")")


WORDS = st.text(st.sampled_from("abcdeR&D-"), min_size=1, max_size=8)


def unfound(phrases: list[str], indexed: list[str]) -> list[str]:
    """The words of ``phrases`` that dcc's picker would not find in the ``indexed`` words: it
    finds a typed word, lower-cased, inside any of them."""
    words = (w.lower() for phrase in phrases for w in phrase.split())
    return [word for word in words if not any(word in other for other in indexed)]


@given(label=st.lists(WORDS, min_size=1, max_size=6), phrases=st.lists(WORDS, max_size=10))
def test_the_pickers_search_words_find_everything_the_phrases_would(
    label: list[str], phrases: list[str]
) -> None:
    # dcc's picker finds a typed word inside any whitespace-separated word of the label or the
    # search text, lower-cased: the shorter text finds every word the phrases did.
    text = " ".join(label)
    kept = searched_words(text, phrases).split()
    assert unfound(phrases, text.lower().split() + kept) == []
    assert len(kept) == len(set(kept))
    assert not [w for w in kept if any(w in other for other in text.lower().split())]


def test_the_real_pickers_search_words_are_fewer_and_find_the_same() -> None:
    real = load_catalog()
    before = after = 0
    for option in indicator_options(real):
        if option.get("disabled"):
            continue
        indicator = real.indicators[option["value"]]
        phrases = [indicator.category.label, *indicator.keywords]
        indexed = option["label"].lower().split() + option["search"].split()
        assert unfound(phrases, indexed) == [], indicator.id
        before, after = before + len(" ".join(phrases)), after + len(option["search"])
    assert after < 0.8 * before
