"""Then and now: a claim's figure in the year the report meant, and in the latest year the
catalog holds, so a reader sees whether the statement still holds.

"Then" is the check itself. "Now" is the same check moved to the latest year with a value
(projections aside): a value or share in its latest year, a growth or change to its latest end,
a ratio or comparison in the latest common year, and for a crossover whether the leader is still
ahead. The later value may come from another source than the claim's: the main series first,
else the source that has the latest year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from indicators.claims import (
    ChangeCheck,
    Check,
    CheckResult,
    Claim,
    ComparisonCheck,
    CrossoverCheck,
    DocumentCheck,
    GrowthCheck,
    RatioCheck,
    ShareCheck,
    ValueCheck,
    run,
)

if TYPE_CHECKING:
    from indicators.catalog import Catalog, Row


@dataclass(frozen=True)
class ThenNow:
    """One check's figure as the report meant it and in the latest year the catalog holds."""

    then: CheckResult
    then_year: str
    now: CheckResult | None
    """``None`` when the catalog holds nothing later than the report's year."""
    now_year: str = ""

    @property
    def still_holds(self) -> bool | None:
        """Whether the claim's figure, within its tolerance, holds in the latest year."""
        if self.now is None or self.now.verdict == "not checkable":
            return None
        return self.now.verdict == "consistent"


def of_claim(catalog: Catalog, claim: Claim) -> list[ThenNow]:
    """Then and now for each of a claim's deciding checks that has data. A value that is the
    start of a change the claim states ("from 45") is history: only the latest value of an
    economy's series in a claim gets a "now"."""
    latest: dict[tuple[str, str], int] = {}
    for check in claim.checks:
        if isinstance(check, ValueCheck):
            key = (check.indicator, check.economy)
            latest[key] = max(latest.get(key, check.year), check.year)
    found = []
    for check in claim.checks:
        if isinstance(check, ValueCheck) and check.year < latest[(check.indicator, check.economy)]:
            continue
        result = then_and_now(catalog, check)
        if result is not None:
            found.append(result)
    return found


def then_and_now(catalog: Catalog, check: Check) -> ThenNow | None:
    """The check then and now; ``None`` for a check read from a document or without data."""
    then = run(catalog, check)
    if isinstance(check, DocumentCheck) or then.verdict == "not checkable":
        return None
    later = _later(catalog, check)
    if later is None:
        return ThenNow(then, _year_of(catalog, check), None)
    moved, label = later
    return ThenNow(then, _year_of(catalog, check), run(catalog, moved), label)


def _firm(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.status != "projection"]


def _latest_row(catalog: Catalog, indicator: str, economy: str, after: int) -> Row | None:
    """The economy's latest firm value, if it is later than ``after``."""
    row = catalog.latest(indicator, economy)
    return row if row is not None and row.year > after else None


def _years(catalog: Catalog, indicator: str, economy: str, source: str | None) -> set[int]:
    rows = catalog.points(indicator, source_id=source, economies=(economy,))
    return {row.year for row in _firm(rows)}


def _period(catalog: Catalog, indicator: str, year: int) -> str:
    return catalog.indicators[indicator].period.label(year)


def _year_of(catalog: Catalog, check: Check) -> str:
    if isinstance(check, ShareCheck):
        return _period(catalog, check.part_indicator, check.year)
    if isinstance(check, GrowthCheck | ChangeCheck):
        period = catalog.indicators[check.indicator].period
        return f"{period.label(check.start)}–{period.label(check.end)}"
    if isinstance(check, ValueCheck | RatioCheck):
        return _period(catalog, check.indicator, check.year)
    if isinstance(check, CrossoverCheck):
        return "crossing"
    if isinstance(check, ComparisonCheck) and check.year is not None:
        return _period(catalog, check.indicator, check.year)
    return "latest"


def _later(catalog: Catalog, check: Check) -> tuple[Check, str] | None:
    """The check moved to the latest year the catalog holds, and that year's label."""
    if isinstance(check, ValueCheck):
        row = _latest_row(catalog, check.indicator, check.economy, check.year)
        if row is None:
            return None
        moved = check.model_copy(update={"year": row.year, "source": row.source_id})
        return moved, row.period
    if isinstance(check, ShareCheck):
        part = _latest_row(catalog, check.part_indicator, check.part_economy, check.year)
        whole = _latest_row(catalog, check.whole_indicator, check.whole_economy, check.year)
        if part is None or whole is None or part.year != whole.year:
            return None
        update = {"year": part.year, "part_source": part.source_id, "whole_source": whole.source_id}
        return check.model_copy(update=update), part.period
    if isinstance(check, GrowthCheck | ChangeCheck):
        years = _years(catalog, check.indicator, check.economy, check.source)
        if not years or max(years) <= check.end:
            return None
        end = max(years)
        return check.model_copy(update={"end": end}), _span(catalog, check, end)
    if isinstance(check, RatioCheck):
        common = _years(catalog, check.indicator, check.numerator, check.source) & _years(
            catalog, check.indicator, check.denominator, check.source
        )
        if not common or max(common) <= check.year:
            return None
        year = max(common)
        return check.model_copy(update={"year": year}), _period(catalog, check.indicator, year)
    if isinstance(check, CrossoverCheck):
        # Is the leader still ahead? A comparison in the latest common year with firm values.
        common = _years(catalog, check.indicator, check.leader, check.source) & _years(
            catalog, check.indicator, check.follower, check.source
        )
        if not common:
            return None
        year = max(common)
        still = ComparisonCheck(
            kind="comparison",
            indicator=check.indicator,
            source=check.source,
            greater=check.leader,
            lesser=check.follower,
            year=year,
            basis=check.basis,
        )
        return still, _period(catalog, check.indicator, year)
    if isinstance(check, ComparisonCheck) and check.year is not None:
        common = _years(catalog, check.indicator, check.greater, check.source) & _years(
            catalog, check.indicator, check.lesser, check.source
        )
        if not common or max(common) <= check.year:
            return None
        return check.model_copy(update={"year": None}), "latest"
    return None  # a comparison in the latest common year is already "now"


def _span(catalog: Catalog, check: GrowthCheck | ChangeCheck, end: int) -> str:
    period = catalog.indicators[check.indicator].period
    return f"{period.label(check.start)}–{period.label(end)}"
