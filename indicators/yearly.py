"""Arithmetic on yearly values, one economy's at a time, as plain ``{year: value}`` mappings.

The rules of every derived measure live here, without pandas: the dashboard computes its views
with them directly (a server then starts without importing pandas), and ``indicators.derive``
applies them to tidy frames for notebooks and claim checks. Years missing for either economy are
skipped, never filled in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indicators.catalog import Row

Years = Mapping[int, float]
"""One economy's values by year."""


def by_economy(rows: Iterable[Row]) -> dict[str, dict[int, float]]:
    """Each economy's values by year, from the rows of one series (one value per economy and
    year, as the loader ensures)."""
    values: dict[str, dict[int, float]] = {}
    for row in rows:
        values.setdefault(row.economy, {})[row.year] = row.value
    return values


def common(first: Years, second: Years) -> list[tuple[int, float, float]]:
    """``(year, first, second)`` for the years both have a number, in year order."""
    return [
        (year, first[year], second[year])
        for year in sorted(first.keys() & second.keys())
        if not (math.isnan(first[year]) or math.isnan(second[year]))
    ]


def ratio(numerator: Years, denominator: Years) -> dict[int, float]:
    """``numerator ÷ denominator`` for the years both have (a zero denominator is skipped)."""
    return {year: top / bottom for year, top, bottom in common(numerator, denominator) if bottom}


def difference(first: Years, second: Years) -> dict[int, float]:
    """``first − second`` for the years both have."""
    return {year: a - b for year, a, b in common(first, second)}


def cagr(values: Years, start_year: int, end_year: int) -> float:
    """Compound annual growth rate between two years, as a fraction.

    ``cagr`` of 100 → 121 over two years is 0.10. Raises ``ValueError`` when a year is missing,
    the span is not positive, or a value is not positive (growth is then undefined).
    """
    if end_year <= start_year:
        raise ValueError("end_year must be after start_year")
    missing = [year for year in (start_year, end_year) if year not in values]
    if missing:
        raise ValueError(f"no value for {', '.join(map(str, missing))}")
    start, end = float(values[start_year]), float(values[end_year])
    if start <= 0 or end <= 0:
        raise ValueError("compound growth needs positive values at both ends")
    return float((end / start) ** (1 / (end_year - start_year)) - 1)


def index_base(values: Years, base_year: int) -> float | None:
    """The base-year value an index divides by, or ``None`` when it is missing or not positive
    (the series cannot be indexed)."""
    base = values.get(base_year)
    return float(base) if base is not None and base > 0 else None


def indexed(value: float, base: float) -> float:
    """A value as an index with the base-year value (see ``index_base``) at 100."""
    return value / base * 100


def per_million(value: float, people_millions: float | None) -> float | None:
    """A value per million people, or ``None`` without a positive population for its year."""
    if people_millions is None or not people_millions > 0:
        return None
    return value / people_millions


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


def crossovers(first: Years, second: Years, first_code: str, second_code: str) -> list[Crossover]:
    """Every crossing of two series, in time order.

    A crossing lies between two consecutive years in which both have values and the sign of
    ``first − second`` changes; touching (equal values) without changing sides is not one.
    """
    result: list[Crossover] = []
    previous: tuple[int, float] | None = None
    for year, value in difference(first, second).items():
        if value == 0:
            continue  # decide at the next non-zero year which side it ended on
        if previous is not None and (previous[1] > 0) != (value > 0):
            y0, d0 = previous
            at = y0 + (year - y0) * d0 / (d0 - value)
            leader, follower = (first_code, second_code) if value > 0 else (second_code, first_code)
            result.append(Crossover(float(at), leader, follower, (y0, year)))
        previous = (year, value)
    return result


def years_behind(leader: Years, follower: Years, year: int | None = None) -> float | None:
    """How many years earlier the leader stood where the follower stands in ``year``.

    ``year`` defaults to the follower's latest year. The leader's path is interpolated
    linearly between its observations, and the latest time it was at the follower's level
    is used. Returns ``None`` when the leader's data never go that low (or high) before
    ``year``, or when the follower is not behind.
    """
    known = {y: v for y, v in follower.items() if not math.isnan(v)}
    if not known:
        return None
    year = max(known) if year is None else year
    if year not in known:
        return None
    target = float(known[year])
    points = sorted((y, float(v)) for y, v in leader.items() if y <= year and not math.isnan(v))
    if not points:
        return None
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
