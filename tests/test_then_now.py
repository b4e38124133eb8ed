"""Then and now against the fixture catalog: each check moved to the latest year, by hand."""

from __future__ import annotations

import pytest

from indicators import Catalog, load_catalog
from indicators.claims import ComparisonCheck, DocumentCheck, ValueCheck
from indicators.then_now import of_claim, then_and_now
from tests.conftest import VALID


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(VALID)


def test_a_value_moves_to_the_latest_firm_year(catalog: Catalog) -> None:
    # US widgets: 110 in 2018, 115 in 2019 (the latest); the claim said 150.
    (found,) = of_claim(catalog, catalog.claims["us_widgets_2018"])
    assert (found.then_year, found.then.computed) == ("2018", "110 thousand widgets (USA, 2018)")
    assert found.now is not None
    assert (found.now_year, found.now.computed) == ("2019", "115 thousand widgets (USA, 2019)")
    assert found.still_holds is False  # 115 is more than 5% from 150


def test_a_later_value_from_another_source_is_used_when_the_main_series_lacks_it(
    catalog: Catalog,
) -> None:
    # China 2019 comes from the yearbook (an estimate), 2020 only from the press: the latest
    # firm value is the press's 140, and the 2021 projection is not "now".
    check = ValueCheck(kind="value", indicator="widgets", economy="CHN", year=2019, claimed=125)
    found = then_and_now(catalog, check)
    assert found is not None and found.now is not None
    assert found.now.computed == "140 thousand widgets (CHN, 2020)"
    assert found.now.sources == ("widget_press_2021",)
    assert found.still_holds is False  # 140 is 12% above 125


def test_a_crossover_asks_whether_the_leader_is_still_ahead(catalog: Catalog) -> None:
    crossing, comparison = of_claim(catalog, catalog.claims["widgets_overtook"])
    assert crossing.now is not None and crossing.now.computed == "CHN 125 vs USA 115 (2019)"
    assert crossing.still_holds is True
    # A comparison in the latest common year is already "now".
    assert comparison.then_year == "latest" and comparison.now is None


def test_growth_without_a_later_year_in_its_series_has_no_now(catalog: Catalog) -> None:
    (found,) = of_claim(catalog, catalog.claims["widgets_growth"])
    assert found.then_year == "2017–2019" and found.now is None and found.still_holds is None


def test_the_start_of_a_change_is_history(catalog: Catalog) -> None:
    # Two values of one series in a claim ("from 100 to 125"): only the later gets a "now".
    claim = catalog.claims["us_widgets_2018"].model_copy(
        update={
            "checks": (
                ValueCheck(kind="value", indicator="widgets", economy="CHN", year=2017, claimed=80),
                ValueCheck(
                    kind="value", indicator="widgets", economy="CHN", year=2018, claimed=100
                ),
            )
        }
    )
    assert [found.then_year for found in of_claim(catalog, claim)] == ["2018"]


def test_checks_without_data_have_no_then_and_now(catalog: Catalog) -> None:
    document = DocumentCheck(
        kind="document",
        source="widget_press_2021",
        says="Widgets abound.",
        figure="many widgets",
        claimed="150 thousand widgets",
        verdict="differs",
    )
    assert then_and_now(catalog, document) is None
    assert of_claim(catalog, catalog.claims["widgets_2010"]) == []  # no 2010 value at all
    comparison = ComparisonCheck(
        kind="comparison", indicator="widgets", greater="CHN", lesser="KOR"
    )
    assert then_and_now(catalog, comparison) is None
