"""The URL query string holds the whole view; bad values fall back with a notice."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.state import Scale, ViewState, choices, default_state, from_query, to_query
from indicators import Catalog


def test_default_view_is_levels_of_us_and_china(catalog: Catalog) -> None:
    assert default_state(catalog) == ViewState(
        indicator="widgets",
        view="levels",
        scale="linear",
        years=(2017, 2021),
        economies=("USA", "CHN"),
        base_year=2017,
    )


def test_choices_follow_the_data(catalog: Catalog) -> None:
    widgets = choices(catalog, "widgets")
    assert widgets.economies == ("USA", "CHN", "JPN")
    assert widgets.years == (2017, 2018, 2019, 2020, 2021)
    assert widgets.views == ("levels", "ratio", "difference", "indexed")
    assert widgets.log_views == {"levels", "indexed", "ratio"}
    # Exchange students: the main source has both economies only in 2021.
    students = choices(catalog, "exchange_students")
    assert students.default_base_year == 2021


def test_a_full_query_is_read_exactly(catalog: Catalog) -> None:
    state, notices = from_query(
        "?indicator=widgets&view=indexed&scale=log&from=2018&to=2019&economies=CHN,JPN&base=2018"
        "&sources=all",
        catalog,
    )
    assert notices == []
    assert state == ViewState("widgets", "indexed", "log", (2018, 2019), ("CHN", "JPN"), 2018, True)
    assert to_query(state) == (
        "?indicator=widgets&view=indexed&scale=log&from=2018&to=2019&economies=CHN,JPN&base=2018"
        "&sources=all"
    )


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?indicator=nope", "Unknown indicator 'nope'; showing the default."),
        ("?view=pie", "View 'pie' is not a view; showing levels."),
        (
            "?view=difference&scale=log",
            "Scale 'log' cannot show values that are zero or negative; using linear.",
        ),
        ("?scale=cubic", "Scale 'cubic' is unknown; using linear."),
        ("?from=abc", "'from=abc' is not a year; using 2017."),
        ("?from=1990", "Data run from 2017 to 2021; 'from=1990' became 2017."),
        ("?from=2020&to=2018", "'from' (2020) was after 'to' (2018); showing all years."),
        ("?economies=USA,XYZ", "No data for economy XYZ in this indicator."),
        ("?view=indexed&base=1999", "Base year '1999' has no data; using 2017."),
        ("?colour=red", "Ignored unknown parameter 'colour'."),
        ("?sources=some", "'sources=some' is not 'main' or 'all'; showing the main source."),
    ],
)
def test_invalid_parameters_fall_back_with_a_notice(
    catalog: Catalog, query: str, notice: str
) -> None:
    state, notices = from_query(query, catalog)
    assert notices == [notice]
    assert state.indicator == "widgets"


def test_garbage_query_strings_never_raise(catalog: Catalog) -> None:
    for query in ["?", "?&&&", "?indicator", "?from=" + "9" * 50, "?economies=,,,", "%%%"]:
        state, _ = from_query(query, catalog)
        assert state.indicator in catalog.indicators


@cache
def fixture_catalog() -> Catalog:
    from indicators import load_catalog
    from tests.conftest import VALID

    return load_catalog(VALID)


@given(st.text(max_size=80))
def test_any_text_gives_a_valid_state(text: str) -> None:
    state, _ = from_query(text, fixture_catalog())
    allowed = choices(fixture_catalog(), state.indicator)
    assert allowed.years[0] <= state.years[0] <= state.years[1] <= allowed.years[-1]
    assert state.view in allowed.views


@st.composite
def valid_states(draw: st.DrawFn, catalog: Catalog) -> ViewState:
    indicator = draw(st.sampled_from(sorted(catalog.indicators)))
    allowed = choices(catalog, indicator)
    view = draw(st.sampled_from(allowed.views))
    scales: list[Scale] = ["linear", "log"] if view in allowed.log_views else ["linear"]
    scale = draw(st.sampled_from(scales))
    first = draw(st.sampled_from(allowed.years))
    last = draw(st.sampled_from([y for y in allowed.years if y >= first]))
    economies = draw(st.lists(st.sampled_from(allowed.economies), min_size=1, unique=True))
    ordered = tuple(code for code in allowed.economies if code in economies)
    base = draw(st.sampled_from(allowed.years))
    return ViewState(
        indicator,
        view,
        scale,
        (first, last),
        ordered,
        base if view == "indexed" else allowed.default_base_year,
        draw(st.booleans()),
    )


def test_to_query_and_back_is_the_same_view(catalog: Catalog) -> None:
    @given(valid_states(catalog))
    def check(state: ViewState) -> None:
        again, notices = from_query(to_query(state), catalog)
        assert notices == []
        assert again == state

    check()


@pytest.mark.parametrize("year", ["0\x1f", "²⁰²⁰", "٢٠٢٠", "1e3", "--5", "2020.0", ""])
def test_years_that_are_not_plain_digits_fall_back_with_a_notice(
    catalog: Catalog, year: str
) -> None:
    state, notices = from_query(f"?indicator=widgets&from={quote(year)}", catalog)
    assert state.years == default_state(catalog, "widgets").years
    assert notices
