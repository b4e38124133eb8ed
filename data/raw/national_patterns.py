"""Shares of US business-funded R&D by type of work, from NCSES National Patterns tables.

National Patterns of R&D Resources (annual series 1953-2022) gives R&D by source of funds in
Table 6 (all R&D), Table 7 (basic research), Table 8 (applied research) and Table 9
(experimental development). The folders us_business_rd_basic_share, us_business_rd_applied_share
and us_business_rd_development_share keep, from the NCSES mirror (see ncses_mirror), the header
and the 'Business -> Total' lines of the current-dollar block (rows r001-r1750) of Table 6 and of
the table of their type of work. Each table value is derived the same way: 100 times the
business-funded spending on the type of work divided by business-funded R&D, same year, current
dollars, rounded half up to two decimals.
"""

from __future__ import annotations

import pathlib
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import ncses_mirror
import tablerows

TOTAL_FILE = "np_t6_10478.csv"
CURRENT_DOLLARS = 1750  # the last row of the current-dollar block; constant dollars follow
YEAR_NOTES = {
    "2021": "2021 carries table footnote a, whose text the machine-readable table does not give",
    "2022": "2022 carries table footnote b; NSB Indicators 2024 (Table RD-2) says the 2022 data "
    "are estimates likely to be revised",
}


class Part(NamedTuple):
    """The table of one type of work: its raw file, its table number and the type of work."""

    file: str
    table: str
    work: str


def business_totals(path: pathlib.Path) -> dict[str, tuple[str, str]]:
    """Year -> (row id, value in US$ millions) of the current-dollar 'Business -> Total' lines."""
    out: dict[str, tuple[str, str]] = {}
    for record in ncses_mirror.read(path):
        if (
            record["all_funding_sources_level_1"] != "Business"
            or record["all_funding_sources_level_2"] != "Total"
        ):
            continue
        if int(record["row_id"][1:]) > CURRENT_DOLLARS:
            continue
        year = ncses_mirror.plain(record["time_period"])
        if year in out:
            raise ValueError(f"{path.name}: {year} is given twice")
        out[year] = (record["row_id"], tablerows.number(record["value"], f"{path.name} {year}"))
    return out


def rows(here: pathlib.Path, source_id: str, of: Part) -> list[tablerows.Row]:
    """The share of ``of.work`` (e.g. 'basic research') in business-funded R&D, by year."""
    part_file, table, work = of
    part = business_totals(here / part_file)
    total = business_totals(here / TOTAL_FILE)
    if part.keys() != total.keys():
        raise ValueError(f"{part_file} and {TOTAL_FILE} give different years")
    out = []
    for year in sorted(part, key=int):
        part_row, part_value = part[year]
        total_row, total_value = total[year]
        share = (Decimal(100) * Decimal(part_value) / Decimal(total_value)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        note = (
            f"derived: 100 x business-funded {work} ({part_value} US$ million, Table {table}) / "
            f"business-funded R&D ({total_value} US$ million, Table 6), same year, current "
            "dollars, rounded to 2 decimals"
        )
        locator = (
            f"Table {table}, row '{year} -> Business -> Total' (data.csv row {part_row}); "
            f"Table 6, row '{year} -> Business -> Total' (data.csv row {total_row})"
        )
        note = tablerows.join_notes(note, YEAR_NOTES.get(year, ""))
        out.append(tablerows.row("USA", year, str(share), source_id, locator, note, "derived"))
    return out
