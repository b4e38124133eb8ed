"""The whole contest at a glance: one row per indicator, China beside the US.

Each row holds the latest firm value of each economy (projections are forecasts, never "latest"),
China ÷ US in the latest year both have, which economy's value is higher and since when (a
crossing between two observed years, when the data are sparse), how each moved over the last ten
years, and the values behind a sparkline. Computed once per catalog: the catalog never changes,
and every visitor of the scoreboard asks the same question of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from indicators import yearly
from indicators.types import Category

if TYPE_CHECKING:
    from collections.abc import Callable

    from indicators.catalog import Catalog, Row

CHINA, US = "CHN", "USA"
TREND_YEARS = 10
"""The span of "the last ten years" over which each economy's direction is read."""
FLAT = 0.02
"""A change smaller than this (2% of the starting value, or 0.2 points for a share) is flat."""


@dataclass(frozen=True)
class Latest:
    """An economy's latest firm value in an indicator's main series."""

    value: float
    year: int
    period: str
    status: str
    source_id: str


@dataclass(frozen=True)
class Trend:
    """How an economy's value moved over the last ten years it has (or fewer, if that is all)."""

    direction: str
    """``rising``, ``falling`` or ``flat``."""
    change: float
    """Relative change (0.25 for +25%), or the change in points for a share."""
    start_period: str
    end_period: str


@dataclass(frozen=True)
class Higher:
    """Which economy has the higher value in the latest common year, and since when."""

    economy: str
    since: tuple[int, int] | None
    """The observed years that bracket the last crossing; ``None`` when higher throughout."""
    first_period: str
    """The first year both have values: "throughout" means since then."""


@dataclass(frozen=True)
class ScoreRow:
    """One indicator on the scoreboard."""

    indicator_id: str
    latest: dict[str, Latest]
    """By economy code, for China and the US where the main series has them."""
    ratio: float | None
    """China ÷ US in the latest year both have."""
    ratio_period: str
    higher: Higher | None
    trends: dict[str, Trend]
    sparkline: dict[str, tuple[tuple[int, float], ...]]
    """Each economy's firm values by year, for the sparkline."""


@cache
def scoreboard(catalog: Catalog) -> tuple[ScoreRow, ...]:
    """Every indicator with a China or a US value, in catalog order (context series such as
    population left out)."""
    rows = []
    for indicator_id, indicator in catalog.indicators.items():
        if indicator.category == Category.CONTEXT:
            continue  # denominators (population) are not part of the contest
        row = score(catalog, indicator_id)
        if row.latest:
            rows.append(row)
    return tuple(rows)


def score(catalog: Catalog, indicator_id: str) -> ScoreRow:
    """One indicator's row, from its main series."""
    indicator = catalog.indicators[indicator_id]
    firm = [r for r in catalog.points(indicator_id, economies=(CHINA, US)) if _firm(r)]
    own = {code: sorted((r for r in firm if r.economy == code), key=_year) for code in (CHINA, US)}
    # The newest value the catalog holds, as the chart draws it (from another source where the
    # main series stops short); the ratio and who is higher compare the main series only.
    latest = {
        code: Latest(r.value, r.year, r.period, r.status, r.source_id)
        for code in (CHINA, US)
        if (r := catalog.latest(indicator_id, code)) is not None
    }
    values = yearly.by_economy(firm)
    china, us = values.get(CHINA, {}), values.get(US, {})
    both = yearly.common(china, us)
    ratio, ratio_period, higher = None, "", None
    if both:
        year, china_value, us_value = both[-1]
        ratio_period = indicator.period.label(year)
        ratio = china_value / us_value if us_value else None
        higher = _higher(china, us, both, indicator.period.label)
    trends = {
        code: trend
        for code, rows in own.items()
        if (trend := _trend(rows, share=indicator.is_share)) is not None
    }
    sparkline = {code: tuple((r.year, r.value) for r in rows) for code, rows in own.items() if rows}
    return ScoreRow(indicator_id, latest, ratio, ratio_period, higher, trends, sparkline)


def _firm(row: Row) -> bool:
    return row.status != "projection"


def _year(row: Row) -> int:
    return row.year


def _higher(
    china: dict[int, float],
    us: dict[int, float],
    both: list[tuple[int, float, float]],
    label: Callable[[int], str],
) -> Higher | None:
    _, china_value, us_value = both[-1]
    if china_value == us_value:
        return None
    economy = CHINA if china_value > us_value else US
    crossings = [c for c in yearly.crossovers(china, us, CHINA, US) if c.leader == economy]
    first = both[0][0]
    return Higher(economy, crossings[-1].between if crossings else None, label(first))


def _trend(rows: list[Row], *, share: bool) -> Trend | None:
    """The change from the value nearest ten years before the latest to the latest."""
    if len(rows) < 2:
        return None
    end = rows[-1]
    start = min(rows, key=lambda r: abs(r.year - (end.year - TREND_YEARS)))
    if start.year >= end.year:
        return None
    if share:
        change = end.value - start.value
        flat = abs(change) < FLAT * 10
    elif start.value:
        change = end.value / start.value - 1
        flat = abs(change) < FLAT
    else:
        return None
    direction = "flat" if flat else "rising" if change > 0 else "falling"
    return Trend(direction, change, start.period, end.period)
