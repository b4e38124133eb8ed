"""Claims checked against the fixture catalog: verdicts and computed figures by hand."""

from __future__ import annotations

import pytest

from indicators import load_catalog
from indicators.claims import ClaimResult, evaluate_all
from tests.conftest import VALID


@pytest.fixture(scope="module")
def results() -> dict[str, ClaimResult]:
    return {result.claim.id: result for result in evaluate_all(load_catalog(VALID))}


def summary(result: ClaimResult) -> list[tuple[str, str, str]]:
    return [(check.verdict, check.computed, check.claimed) for check in result.checks]


def test_ratio_within_tolerance(results: dict[str, ClaimResult]) -> None:
    # China 125 ÷ US 115 in 2019 = 1.087, within 5% of the claimed 1.1.
    assert results["widgets_ratio"].verdict == "consistent"
    assert summary(results["widgets_ratio"]) == [
        ("consistent", "1.09 (CHN ÷ USA, 2019)", "about 1.1")
    ]


def test_growth_and_an_alternative_basis(results: dict[str, ClaimResult]) -> None:
    # (125 / 80) ** (1/2) − 1 = 0.25 exactly.
    growth = results["widgets_growth"]
    assert summary(growth) == [("consistent", "25.0% a year (2017–2019)", "25.0% a year")]
    assert growth.checks[0].basis == "thousand widgets"
    # The press source has only China 2020: its growth cannot be computed, and says why.
    (alternative,) = growth.alternatives
    assert alternative.verdict == "not checkable"
    assert alternative.reason == "CHN widgets: no value for 2017"
    assert growth.verdict == "consistent"  # alternatives never decide


def test_crossover_and_comparison(results: dict[str, ClaimResult]) -> None:
    assert summary(results["widgets_overtook"]) == [
        ("consistent", "2019 (lines cross c. 2018.5, between 2018 and 2019)", "2019"),
        ("consistent", "CHN 125 vs USA 115 (2019)", "CHN above USA"),
    ]


def test_a_value_that_differs(results: dict[str, ClaimResult]) -> None:
    result = results["us_widgets_2018"]
    assert result.verdict == "differs"
    assert summary(result) == [("differs", "110 thousand widgets (USA, 2018)", "about 150")]
    assert result.checks[0].reason == "more than 5% from the claim"
    assert result.sources == ["widget_yearbook_2020"]


def test_share_and_change(results: dict[str, ClaimResult]) -> None:
    # 150 ÷ 2,800 = 5.4%; 2,800 ÷ 3,000 = 0.93, at least the claimed 0.9. Academic years are
    # named as readers know them (2020/21), not by the year they are stored under.
    assert summary(results["exchange_share"]) == [
        ("consistent", "5.4% (150 of 2,800)", "5%"),
        ("consistent", "×0.93 (3,000 in 2020/21 to 2,800 in 2021/22)", "at least ×0.9"),
    ]


def test_missing_data_is_not_checkable_with_the_reason(results: dict[str, ClaimResult]) -> None:
    result = results["widgets_2010"]
    assert result.verdict == "not checkable"
    assert result.checks[0].reason == (
        "no CHN value for 2010 in widgets (Test Statistics Office, Widget Yearbook 2020)"
    )


def test_a_claim_without_checks_says_what_is_needed(results: dict[str, ClaimResult]) -> None:
    result = results["widget_quality"]
    assert (result.verdict, result.checks) == ("not checkable", ())
    assert result.claim.needs.startswith("A measure of widget quality")


def test_claim_lists_its_indicators(results: dict[str, ClaimResult]) -> None:
    assert results["exchange_share"].claim.indicators() == ["exchange_students"]
