"""Derived measures: pure functions on tidy frames (columns ``economy``, ``year``, ``value``).

Each function takes the observations of one indicator from one source, as selected by
``Catalog.series``, and never mixes sources. Years missing for either economy are skipped,
never filled in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

CHINA = "CHN"
US = "USA"


def wide(frame: pd.DataFrame) -> pd.DataFrame:
    """One column per economy, one row per year (sorted); missing values stay NaN."""
    if frame.duplicated(["economy", "year"]).any():
        raise ValueError("frame holds more than one value per economy and year; select one source")
    return frame.pivot(index="year", columns="economy", values="value").sort_index()


def _pair(frame: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """Years in which both economies have a value."""
    table = wide(frame)
    for code in (first, second):
        if code not in table.columns:
            table[code] = math.nan
    return table[[first, second]].dropna()


def ratio(frame: pd.DataFrame, numerator: str = CHINA, denominator: str = US) -> pd.Series:
    """``numerator ÷ denominator`` per year (China ÷ US by default), for years both have."""
    both = _pair(frame, numerator, denominator)
    both = both[both[denominator] != 0]
    return (both[numerator] / both[denominator]).rename("ratio")


def difference(frame: pd.DataFrame, first: str = CHINA, second: str = US) -> pd.Series:
    """``first − second`` per year (China − US by default), for years both have."""
    both = _pair(frame, first, second)
    return (both[first] - both[second]).rename("difference")


def cagr(series: pd.Series, start_year: int, end_year: int) -> float:
    """Compound annual growth rate between two years of a year-indexed series, as a fraction.

    ``cagr`` of 100 → 121 over two years is 0.10. Raises ``ValueError`` when a year is missing,
    the span is not positive, or a value is not positive (growth is then undefined).
    """
    if end_year <= start_year:
        raise ValueError("end_year must be after start_year")
    missing = [year for year in (start_year, end_year) if year not in series.index]
    if missing:
        raise ValueError(f"no value for {', '.join(map(str, missing))}")
    start, end = float(series.loc[start_year]), float(series.loc[end_year])
    if start <= 0 or end <= 0:
        raise ValueError("compound growth needs positive values at both ends")
    return float((end / start) ** (1 / (end_year - start_year)) - 1)


def growth_by_economy(frame: pd.DataFrame, start_year: int, end_year: int) -> dict[str, float]:
    """CAGR for each economy with values in both years; others are left out."""
    result = {}
    for code, column in wide(frame).items():
        try:
            result[str(code)] = cagr(column.dropna(), start_year, end_year)
        except ValueError:
            continue
    return result


def index_to_base(frame: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Each economy's values divided by its own base-year value, times 100.

    Economies without a positive base-year value are dropped (they cannot be indexed).
    """
    base = frame.loc[frame["year"] == base_year].set_index("economy")["value"]
    base = base[base > 0]
    indexed = frame.loc[frame["economy"].isin(base.index)].copy()
    indexed["value"] = indexed["value"] / indexed["economy"].map(base) * 100
    return indexed.reset_index(drop=True)


@dataclass(frozen=True)
class Crossover:
    """The moment one series overtakes another, by linear interpolation between observations."""

    year: float
    """Fractional year of equality, e.g. 2007.4."""
    leader: str
    """Economy ahead after the crossing."""
    follower: str
    """Economy overtaken."""
    between: tuple[int, int]
    """The observed years that bracket the crossing (far apart when data are sparse)."""

    @property
    def first_full_year(self) -> int:
        """First observed year in which the new leader is ahead."""
        return self.between[1]


def crossovers(frame: pd.DataFrame, first: str = CHINA, second: str = US) -> list[Crossover]:
    """Every crossing of two series, in time order.

    A crossing lies between two consecutive years in which both have values and the sign of
    ``first − second`` changes; touching (equal values) without changing sides is not one.
    """
    gap = difference(frame, first, second)
    result: list[Crossover] = []
    years = [int(year) for year in gap.index]
    previous: tuple[int, float] | None = None
    for year, value in zip(years, gap.to_numpy(dtype=float), strict=True):
        if value == 0:
            continue  # decide at the next non-zero year which side it ended on
        if previous is not None and (previous[1] > 0) != (value > 0):
            y0, d0 = previous
            at = y0 + (year - y0) * d0 / (d0 - value)
            leader, follower = (first, second) if value > 0 else (second, first)
            result.append(Crossover(float(at), leader, follower, (y0, year)))
        previous = (year, value)
    return result


def years_behind(
    frame: pd.DataFrame, leader: str, follower: str, year: int | None = None
) -> float | None:
    """How many years earlier the leader stood where the follower stands in ``year``.

    ``year`` defaults to the follower's latest year. The leader's path is interpolated
    linearly between its observations, and the latest time it was at the follower's level
    is used. Returns ``None`` when the leader's data never go that low (or high) before
    ``year``, or when the follower is not behind.
    """
    table = wide(frame)
    if follower not in table or leader not in table:
        return None
    follower_values = table[follower].dropna()
    if follower_values.empty:
        return None
    year = int(follower_values.index.max()) if year is None else year
    if year not in follower_values.index:
        return None
    target = float(follower_values.loc[year])
    path = table[leader].dropna()
    path = path[path.index <= year]
    if path.empty:
        return None
    points = list(zip((int(y) for y in path.index), path.to_numpy(dtype=float), strict=True))
    ahead_now = points[-1][0] == year and points[-1][1] > target
    if not ahead_now:
        return None
    # Walk back from the latest segment to find the most recent time the leader was at target.
    for (y0, v0), (y1, v1) in zip(reversed(points[:-1]), reversed(points[1:]), strict=True):
        if min(v0, v1) <= target <= max(v0, v1) and v0 != v1:
            return float(year - (y0 + (y1 - y0) * (target - v0) / (v1 - v0)))
        if v0 == target:
            return float(year - y0)
    return None


def per_million(frame: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Values divided by population in millions, matched on economy and year.

    ``population`` holds the population in millions (columns ``economy``, ``year``, ``value``).
    Rows without a population for their economy and year are dropped, not estimated.
    """
    people = population.set_index(["economy", "year"])["value"]
    if people.index.duplicated().any():
        raise ValueError("population holds more than one value per economy and year")
    keys = pd.MultiIndex.from_frame(frame[["economy", "year"]])
    divisor = people.reindex(keys).to_numpy()
    result = frame.assign(value=frame["value"].to_numpy() / divisor)
    keep = pd.notna(divisor) & (divisor > 0)
    return result.loc[keep].reset_index(drop=True)
