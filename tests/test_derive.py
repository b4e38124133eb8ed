"""Derived measures against hand-computed values, and the laws they must obey."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import derive


def frame(data: dict[str, dict[int, float]]) -> pd.DataFrame:
    """A tidy frame from {economy: {year: value}}."""
    rows = [
        {"economy": code, "year": year, "value": value}
        for code, series in data.items()
        for year, value in series.items()
    ]
    return pd.DataFrame(rows, columns=["economy", "year", "value"])


# China overtakes the US between 2019 and 2020: gap -10 then +20, equal at 2019 + 1/3.
SAMPLE = frame(
    {
        "USA": {2017: 100.0, 2018: 110.0, 2019: 120.0, 2020: 130.0},
        "CHN": {2017: 50.0, 2018: 80.0, 2019: 110.0, 2020: 150.0, 2021: 170.0},
    }
)


def test_ratio_and_difference_by_hand() -> None:
    assert derive.ratio(SAMPLE).to_dict() == {
        2017: 0.5,
        2018: 80 / 110,
        2019: 110 / 120,
        2020: 150 / 130,
    }
    assert derive.difference(SAMPLE).to_dict() == {
        2017: -50.0,
        2018: -30.0,
        2019: -10.0,
        2020: 20.0,
    }
    # US ÷ China on request; 2021 has no US value, so it is skipped, not filled.
    assert derive.ratio(SAMPLE, "USA", "CHN").to_dict()[2017] == 2.0
    assert 2021 not in derive.ratio(SAMPLE).index


def test_ratio_with_a_missing_economy_is_empty() -> None:
    assert derive.ratio(SAMPLE, "CHN", "JPN").empty


def test_cagr_by_hand() -> None:
    series = pd.Series({2000: 100.0, 2002: 121.0})
    assert derive.cagr(series, 2000, 2002) == pytest.approx(0.10)
    us = SAMPLE[SAMPLE["economy"] == "USA"].set_index("year")["value"]
    assert derive.cagr(us, 2017, 2020) == pytest.approx(1.3 ** (1 / 3) - 1)


@pytest.mark.parametrize(
    ("series", "start", "end", "message"),
    [
        (pd.Series({2000: 1.0, 2001: 2.0}), 2001, 2000, "after"),
        (pd.Series({2000: 1.0}), 2000, 2005, "no value for 2005"),
        (pd.Series({2000: 0.0, 2001: 2.0}), 2000, 2001, "positive"),
    ],
)
def test_cagr_refuses_undefined_growth(
    series: pd.Series, start: int, end: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        derive.cagr(series, start, end)


def test_growth_by_economy_leaves_out_economies_without_both_years() -> None:
    growth = derive.growth_by_economy(SAMPLE, 2017, 2021)
    assert set(growth) == {"CHN"}
    assert growth["CHN"] == pytest.approx((170 / 50) ** 0.25 - 1)


def test_index_to_base_by_hand() -> None:
    indexed = derive.index_to_base(SAMPLE, 2018)
    values = {(r.economy, r.year): r.value for r in indexed.itertuples()}
    assert values[("USA", 2018)] == 100.0
    assert values[("USA", 2020)] == pytest.approx(130 / 110 * 100)
    assert values[("CHN", 2017)] == pytest.approx(62.5)


def test_index_drops_economies_without_base_year() -> None:
    indexed = derive.index_to_base(SAMPLE, 2021)
    assert set(indexed["economy"]) == {"CHN"}


def test_crossover_by_hand() -> None:
    (crossing,) = derive.crossovers(SAMPLE)
    assert crossing.year == pytest.approx(2019 + 1 / 3)
    assert (crossing.leader, crossing.follower) == ("CHN", "USA")
    assert crossing.between == (2019, 2020)
    assert crossing.first_full_year == 2020


def test_crossovers_both_ways_and_touching() -> None:
    data = frame(
        {
            "USA": {2000: 10.0, 2001: 10.0, 2002: 10.0, 2003: 10.0, 2004: 10.0},
            "CHN": {2000: 8.0, 2001: 12.0, 2002: 10.0, 2003: 12.0, 2004: 6.0},
        }
    )
    crossings = derive.crossovers(data)
    assert [(c.year, c.leader) for c in crossings] == [(2000.5, "CHN"), (2003 + 1 / 3, "USA")]
    # 2002 touches without changing sides: not a crossing.


def test_crossover_over_a_gap_in_the_data() -> None:
    sparse = frame({"USA": {2000: 18.0, 2010: 26.0}, "CHN": {2000: 9.0, 2010: 35.0}})
    (crossing,) = derive.crossovers(sparse)
    assert crossing.between == (2000, 2010)
    # gap -9 in 2000, +9 in 2010: equal halfway.
    assert crossing.year == 2005.0


def test_years_behind_by_hand() -> None:
    # In 2019 China stands at 110, where the US stood in 2018: one year behind.
    assert derive.years_behind(SAMPLE, leader="USA", follower="CHN", year=2019) == 1.0
    # In 2018 China stands at 80; the US data never go that low, so the gap is unknown.
    assert derive.years_behind(SAMPLE, leader="USA", follower="CHN", year=2018) is None
    # With the roles swapped for 2020: US (130) is behind China, which stood at 130 in 2019.5.
    assert derive.years_behind(SAMPLE, leader="CHN", follower="USA", year=2020) == pytest.approx(
        0.5
    )
    # Follower not behind: no answer.
    assert derive.years_behind(SAMPLE, leader="USA", follower="CHN", year=2020) is None


def test_years_behind_defaults_to_followers_latest_year() -> None:
    data = frame({"USA": {2000: 10.0, 2005: 20.0, 2010: 30.0}, "CHN": {2008: 5.0, 2010: 15.0}})
    # China's 2010 value 15 is where the US stood in 2002.5: 7.5 years behind.
    assert derive.years_behind(data, leader="USA", follower="CHN") == pytest.approx(7.5)


def test_wide_refuses_mixed_sources() -> None:
    doubled = pd.concat([SAMPLE, SAMPLE])
    with pytest.raises(ValueError, match="one source"):
        derive.wide(doubled)


# --- laws ---------------------------------------------------------------------------------

years = st.lists(st.integers(1990, 2030), min_size=2, max_size=15, unique=True).map(sorted)
positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def series_frame(draw: st.DrawFn) -> pd.DataFrame:
    ys = draw(years)
    values = draw(st.lists(positive, min_size=len(ys), max_size=len(ys)))
    return frame({"USA": dict(zip(ys, values, strict=True))})


@given(series_frame())
def test_ratio_of_a_series_with_itself_is_one(data: pd.DataFrame) -> None:
    both = pd.concat([data, data.assign(economy="CHN")])
    assert all(math.isclose(value, 1.0) for value in derive.ratio(both))
    assert all(value == 0 for value in derive.difference(both))
    assert derive.crossovers(both) == []


@given(series_frame())
def test_index_at_base_year_is_100(data: pd.DataFrame) -> None:
    base = int(data["year"].iloc[0])
    indexed = derive.index_to_base(data, base)
    assert indexed.loc[indexed["year"] == base, "value"].tolist() == [100.0]


@given(years, positive)
def test_cagr_of_a_constant_series_is_zero(ys: list[int], level: float) -> None:
    series = pd.Series(dict.fromkeys(ys, level))
    assert derive.cagr(series, ys[0], ys[-1]) == 0.0


@given(years, positive, st.floats(min_value=-0.5, max_value=1.0))
def test_cagr_recovers_the_rate_of_a_geometric_series(
    ys: list[int], start: float, rate: float
) -> None:
    series = pd.Series({y: start * (1 + rate) ** (y - ys[0]) for y in ys})
    assert derive.cagr(series, ys[0], ys[-1]) == pytest.approx(rate, abs=1e-9)


@given(series_frame(), st.floats(min_value=1.01, max_value=100))
def test_a_series_scaled_up_never_crosses_the_original(data: pd.DataFrame, factor: float) -> None:
    scaled = data.assign(economy="CHN", value=data["value"] * factor)
    both = pd.concat([data, scaled])
    assert derive.crossovers(both) == []
    assert all(value > 1 for value in derive.ratio(both))


def test_per_million_by_hand() -> None:
    values = frame({"USA": {2019: 330.0, 2020: 340.0}, "CHN": {2019: 1400.0}})
    people = frame({"USA": {2019: 330.0}, "CHN": {2019: 1400.0, 2020: 1410.0}})
    result = derive.per_million(values, people)
    # US 2020 has no population: dropped, not guessed.
    assert sorted(zip(result["economy"], result["year"], result["value"], strict=True)) == [
        ("CHN", 2019, 1.0),
        ("USA", 2019, 1.0),
    ]
