"""Checks that a valid value is also a plausible one, run by ``python -m indicators validate``.

Loading proves each row well formed; it cannot tell a value typed 1000 times too large, or US
and China codes swapped, from a real one. Three checks can, from what each indicator declares:

- ``plausible``: the range its values can take (a share within 0–100 by default);
- ``max_yearly_change``: the largest change between two consecutive years of one source and
  economy that needs no explanation; a larger one needs a note of its own (a break, a
  revision), not one the row shares with the year before;
- ``source_tolerance``: how far two sources may differ on one economy and year.

They run on the validated catalog, apart from loading, so serving never pays for them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import pairwise

from indicators.catalog import Catalog, Row
from indicators.issues import IssueLog
from indicators.models import Indicator

SHARE_RANGE = (0.0, 100.0)
"""The range of an indicator whose unit is a percent, unless it declares its own."""


def check(catalog: Catalog) -> IssueLog:
    """Every implausible value in the catalog, each named at its file, line and column."""
    issues = IssueLog()
    for indicator in catalog.indicators.values():
        rows = catalog.rows(indicator.id)
        if not rows:
            continue
        lines = _Lines(catalog, indicator)
        _check_range(indicator, rows, lines, issues)
        _check_jumps(indicator, rows, lines, issues)
        _check_sources_agree(indicator, rows, lines, issues)
    return issues


def plausible_range(indicator: Indicator) -> tuple[float, float] | None:
    """The declared range, a percent's 0–100, or none."""
    if indicator.plausible is not None:
        return indicator.plausible
    return SHARE_RANGE if indicator.is_share else None


def _check_range(
    indicator: Indicator, rows: tuple[Row, ...], lines: _Lines, issues: IssueLog
) -> None:
    bounds = plausible_range(indicator)
    if bounds is None:
        return
    low, high = bounds
    for row in rows:
        if not low <= row.value <= high:
            issues.add(
                indicator.table,
                lines.of(row),
                "value",
                "implausible_value",
                f"{row.value:g} is outside {low:g}–{high:g} {indicator.unit}, the range "
                f"declared for {indicator.id} (plausible in indicators.yaml)",
            )


def _check_jumps(
    indicator: Indicator, rows: tuple[Row, ...], lines: _Lines, issues: IssueLog
) -> None:
    limit = indicator.max_yearly_change
    for before, after in pairwise(rows):  # sorted by source, economy and year
        same_series = (before.source_id, before.economy) == (after.source_id, after.economy)
        # A note explains a jump when it says something new there (a break, a revision): a
        # flag the source puts on every year ("OECD flag D") explains none.
        explained = after.note and after.note != before.note
        if not same_series or after.year - before.year != 1 or explained:
            continue
        if "projection" in (before.status, after.status) or 0 in (before.value, after.value):
            continue  # from or to zero no change is a multiple: the range check covers zeros
        change = _relative_change(before.value, after.value)
        if change > limit:
            issues.add(
                indicator.table,
                lines.of(after),
                "note",
                "unexplained_jump",
                f"{after.economy} {before.year}→{after.year}: {before.value:g} to "
                f"{after.value:g} changes by {change:.0%}, more than the {limit:.0%} a year "
                f"declared for {indicator.id}; say why in the note, or correct the value",
            )


def _check_sources_agree(
    indicator: Indicator, rows: tuple[Row, ...], lines: _Lines, issues: IssueLog
) -> None:
    tolerance = indicator.source_tolerance
    by_period: dict[tuple[str, int], list[Row]] = {}
    for row in rows:
        if row.status != "projection":
            by_period.setdefault((row.economy, row.year), []).append(row)
    for (economy, year), found in by_period.items():
        low = min(found, key=lambda row: row.value)
        high = max(found, key=lambda row: row.value)
        if _relative_change(low.value, high.value) > tolerance:
            issues.add(
                indicator.table,
                lines.of(high),
                "value",
                "sources_disagree",
                f"{economy} {year}: {high.value:g} ({high.source_id}) and {low.value:g} "
                f"({low.source_id}, line {lines.of(low)}) differ by more than the "
                f"{tolerance:.0%} declared for {indicator.id} (source_tolerance)",
            )


def _relative_change(first: float, second: float) -> float:
    """How far apart two values are, relative to the smaller in size (infinite from zero)."""
    base = min(abs(first), abs(second))
    if first == second:
        return 0.0
    return abs(second - first) / base if base else float("inf")


class _Lines:
    """The line of a row in its CSV, read only when a problem names one (rows do not keep it)."""

    def __init__(self, catalog: Catalog, indicator: Indicator) -> None:
        self._path = catalog.data_dir / indicator.table
        self._lines: dict[tuple[str, str, str], int] | None = None

    def of(self, row: Row) -> int:
        if self._lines is None:
            self._lines = dict(self._read())
        return self._lines.get((row.economy, str(row.year), row.source_id), 0)

    def _read(self) -> Iterator[tuple[tuple[str, str, str], int]]:
        with self._path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            line = reader.line_num
            for record in reader:
                yield (record["economy"], record["year"], record["source_id"]), line + 1
                line = reader.line_num
