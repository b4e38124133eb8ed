"""Derived measures on tidy frames (columns ``economy``, ``year``, ``value``), for notebooks and
claim checks; the rules themselves are ``indicators.yearly``'s.

Each function takes the observations of one indicator from one source, as selected by
``Catalog.series``, and never mixes sources. Years missing for either economy are skipped,
never filled in.
"""

from __future__ import annotations

import pandas as pd

from indicators import yearly
from indicators.yearly import Crossover

__all__ = [
    "CHINA",
    "US",
    "Crossover",
    "cagr",
    "crossovers",
    "difference",
    "growth_by_economy",
    "index_to_base",
    "per_million",
    "ratio",
    "wide",
    "years_behind",
]

CHINA = "CHN"
US = "USA"


def wide(frame: pd.DataFrame) -> pd.DataFrame:
    """One column per economy, one row per year (sorted); missing values stay NaN."""
    if frame.duplicated(["economy", "year"]).any():
        raise ValueError("frame holds more than one value per economy and year; select one source")
    return frame.pivot(index="year", columns="economy", values="value").sort_index()


def _by_economy(frame: pd.DataFrame) -> dict[str, dict[int, float]]:
    """Each economy's values by year (one source: a second value for a year is an error)."""
    return {str(code): _values(column.dropna()) for code, column in wide(frame).items()}


def _values(series: pd.Series) -> dict[int, float]:
    years, values = series.index.to_numpy(), series.to_numpy(dtype=float)
    return {int(year): float(value) for year, value in zip(years, values, strict=True)}


def _yearly(values: dict[int, float], name: str) -> pd.Series:
    index = pd.Index(list(values), dtype="int64", name="year")
    return pd.Series(list(values.values()), index=index, name=name, dtype=float)


def ratio(frame: pd.DataFrame, numerator: str = CHINA, denominator: str = US) -> pd.Series:
    """``numerator ÷ denominator`` per year (China ÷ US by default), for years both have."""
    values = _by_economy(frame)
    return _yearly(yearly.ratio(values.get(numerator, {}), values.get(denominator, {})), "ratio")


def difference(frame: pd.DataFrame, first: str = CHINA, second: str = US) -> pd.Series:
    """``first − second`` per year (China − US by default), for years both have."""
    values = _by_economy(frame)
    return _yearly(yearly.difference(values.get(first, {}), values.get(second, {})), "difference")


def cagr(series: pd.Series, start_year: int, end_year: int) -> float:
    """Compound annual growth rate between two years of a year-indexed series, as a fraction
    (see ``yearly.cagr``)."""
    return yearly.cagr(_values(series), start_year, end_year)


def growth_by_economy(frame: pd.DataFrame, start_year: int, end_year: int) -> dict[str, float]:
    """CAGR for each economy with values in both years; others are left out."""
    result = {}
    for code, values in _by_economy(frame).items():
        try:
            result[code] = yearly.cagr(values, start_year, end_year)
        except ValueError:
            continue
    return result


def index_to_base(frame: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Each economy's values divided by its own base-year value, times 100.

    Economies without a positive base-year value are dropped (they cannot be indexed).
    """
    bases = {
        code: base
        for code, values in _by_economy(frame).items()
        if (base := yearly.index_base(values, base_year)) is not None
    }
    indexed = frame.loc[frame["economy"].isin(list(bases))].copy()
    indexed["value"] = [
        yearly.indexed(float(value), bases[code])
        for code, value in zip(indexed["economy"], indexed["value"], strict=True)
    ]
    return indexed.reset_index(drop=True)


def crossovers(frame: pd.DataFrame, first: str = CHINA, second: str = US) -> list[Crossover]:
    """Every crossing of two series, in time order (see ``yearly.crossovers``)."""
    values = _by_economy(frame)
    return yearly.crossovers(values.get(first, {}), values.get(second, {}), first, second)


def years_behind(
    frame: pd.DataFrame, leader: str, follower: str, year: int | None = None
) -> float | None:
    """How many years earlier the leader stood where the follower stands in ``year``
    (see ``yearly.years_behind``)."""
    values = _by_economy(frame)
    if follower not in values or leader not in values:
        return None
    return yearly.years_behind(values[leader], values[follower], year)


def per_million(frame: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Values divided by population in millions, matched on economy and year.

    ``population`` holds the population in millions (columns ``economy``, ``year``, ``value``).
    Rows without a population for their economy and year are dropped, not estimated.
    """
    if population.duplicated(["economy", "year"]).any():
        raise ValueError("population holds more than one value per economy and year")
    people = {
        (str(code), int(year)): float(value)
        for code, year, value in population[["economy", "year", "value"]].itertuples(index=False)
    }
    divided = [
        yearly.per_million(float(value), people.get((str(code), int(year))))
        for code, year, value in frame[["economy", "year", "value"]].itertuples(index=False)
    ]
    keep = [value is not None for value in divided]
    result = frame.assign(value=[float("nan") if value is None else value for value in divided])
    return result.loc[keep].reset_index(drop=True)
