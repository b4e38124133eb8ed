"""The rules of the derived measures on plain year → value mappings (no pandas needed)."""

from __future__ import annotations

import math

import pytest

from indicators import yearly


def test_pairs_skip_missing_and_nan_years_and_zero_denominators() -> None:
    china = {2019: 2.0, 2020: math.nan, 2021: 6.0, 2022: 1.0}
    us = {2019: 4.0, 2020: 5.0, 2021: 3.0, 2022: 0.0, 2023: 9.0}
    assert yearly.common(china, us) == [(2019, 2.0, 4.0), (2021, 6.0, 3.0), (2022, 1.0, 0.0)]
    assert yearly.ratio(china, us) == {2019: 0.5, 2021: 2.0}
    assert yearly.difference(china, us) == {2019: -2.0, 2021: 3.0, 2022: 1.0}


def test_crossings_are_interpolated_between_observed_years() -> None:
    (crossing,) = yearly.crossovers({2000: 1.0, 2010: 3.0}, {2000: 2.0, 2010: 2.0}, "CHN", "USA")
    assert (crossing.year, crossing.leader, crossing.follower) == (2005.0, "CHN", "USA")
    assert crossing.first_full_year == 2010


def test_index_growth_and_per_million() -> None:
    assert yearly.index_base({2019: 0.0}, 2019) is None and yearly.index_base({}, 2019) is None
    base = yearly.index_base({2019: 3.0, 2020: 4.5}, 2019)
    assert base == 3.0 and yearly.indexed(3.0, base) == 100.0 and yearly.indexed(4.5, base) == 150
    assert yearly.cagr({2000: 100.0, 2002: 121.0}, 2000, 2002) == pytest.approx(0.10)
    with pytest.raises(ValueError, match="no value for 2001"):
        yearly.cagr({2000: 1.0}, 2000, 2001)
    assert yearly.per_million(50.0, 2.0) == 25.0
    assert yearly.per_million(50.0, None) is None and yearly.per_million(50.0, math.nan) is None


def test_years_behind_walks_back_along_the_leader() -> None:
    leader = {2000: 10.0, 2010: 20.0, 2020: 40.0}
    assert yearly.years_behind(leader, {2020: 15.0}) == 15.0
    assert yearly.years_behind(leader, {2020: 50.0}) is None  # the follower is ahead
