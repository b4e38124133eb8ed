"""The scoreboard's rows against the fixture catalog, by hand, and the page's filters."""

from __future__ import annotations

import pytest

from dashboard.scoreboard_page import BadRequest, Filters, rows_for
from indicators import Catalog, load_catalog
from indicators.load import REPO_DATA_DIR
from indicators.scoreboard import Higher, Latest, score, scoreboard
from tests.conftest import VALID


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(VALID)


def test_a_row_holds_the_latest_values_the_ratio_and_who_is_higher(catalog: Catalog) -> None:
    row = score(catalog, "widgets")
    # China's latest firm value is the press's 2020 figure (the yearbook's 2021 is a projection);
    # the US's is the yearbook's 2019.
    assert row.latest == {
        "CHN": Latest(140, 2020, "2020", "reported", "widget_press_2021"),
        "USA": Latest(115, 2019, "2019", "reported", "widget_yearbook_2020"),
    }
    # The ratio compares the main series: 125 ÷ 115 in 2019.
    assert row.ratio == pytest.approx(125 / 115) and row.ratio_period == "2019"
    # China passed the US between 2018 (100 vs 110) and 2019 (125 vs 115).
    assert row.higher == Higher("CHN", (2018, 2019), "2017")
    assert row.sparkline["CHN"] == ((2017, 80), (2018, 100), (2019, 125))


def test_the_last_ten_years_read_each_economys_direction(catalog: Catalog) -> None:
    trends = score(catalog, "widgets").trends
    china, us = trends["CHN"], trends["USA"]
    assert china.direction == "rising" and china.change == pytest.approx(125 / 80 - 1)
    assert us.direction == "falling" and us.change == pytest.approx(-5 / 120)
    assert (china.start_period, china.end_period) == ("2017", "2019")


def test_higher_throughout_and_one_value_has_no_trend(catalog: Catalog) -> None:
    row = score(catalog, "exchange_students")
    assert row.higher == Higher("CHN", None, "2021/22")  # higher in every common year
    assert row.ratio == pytest.approx(2800 / 150)
    assert "USA" not in row.trends  # a single value has no direction


def test_the_scoreboard_is_computed_once_per_catalog(catalog: Catalog) -> None:
    assert scoreboard(catalog) is scoreboard(catalog)
    assert [row.indicator_id for row in scoreboard(catalog)] == ["widgets", "exchange_students"]


def test_filters_reject_what_they_cannot_mean() -> None:
    assert Filters.parse({}) == Filters()
    assert Filters.parse({"category": "talent", "q": "  PhD   graduates ", "sort": "ratio"}) == (
        Filters("talent", "PhD graduates", "ratio")
    )
    for bad in ({"category": "nope"}, {"sort": "size"}, {"q": "x" * 81}, {"page": "2"}):
        with pytest.raises(BadRequest):
            Filters.parse(bad)


def test_search_and_sort_on_the_real_catalog() -> None:
    real = load_catalog(REPO_DATA_DIR)
    every = rows_for(real, Filters())
    assert len(every) == len(real.indicators) - 1  # all but population, a denominator
    phd = [row.indicator_id for row in rows_for(real, Filters(query="PhD"))]
    assert "stem_phd_graduates" in phd and "rd_expenditure_ppp" not in phd
    talent = rows_for(real, Filters(category="talent"))
    assert talent and all(real.indicators[r.indicator_id].category == "talent" for r in talent)
    ratios = [r.ratio for r in rows_for(real, Filters(sort="ratio")) if r.ratio is not None]
    assert ratios == sorted(ratios, reverse=True)
    ordered = [r.higher.economy if r.higher else "" for r in rows_for(real, Filters(sort="higher"))]
    assert ordered == sorted(ordered, key=lambda code: {"CHN": 0, "USA": 1}.get(code, 2))
