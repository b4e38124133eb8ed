"""Rows of tables/us_federal_rd_budget.csv for the NCSES Table 25 source, from the raw file here.

Standard library only. table25_12588.csv is a byte-for-byte copy of the header and of the
'$millions -> Total' rows of the budget-authority blocks (FY1978-FY2025) of NCSES Table 25
(mirror table 12588), including the FY2009 ARRA / non-ARRA split rows, which are read only for
the FY2009 note. The FY1955-FY1977 obligations rows are left out. Values are converted from
US$ million to US$ billion by dividing by 1000 exactly.
"""

from __future__ import annotations

import pathlib
import re
from decimal import Decimal

import ncses_mirror
import tablerows

SOURCE_IDS = ("fund_ncses_bf_t25_fy2025",)

FILE = "table25_12588.csv"
FOOTNOTE = "carries table footnote {}, whose text the machine-readable table does not give"
BLOCKS = {
    "R&D budget authority": "R&D budget authority (R&D plant not included)",
    "R&D and R&D plant budget authority": "R&D and R&D plant budget authority",
}


def _text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _arra(records: list[ncses_mirror.Record]) -> dict[str, str]:
    """Fiscal year -> US$ million under the American Recovery and Reinvestment Act."""
    out = {}
    for record in records:
        if record["time_period"].endswith(" -> ARRA"):
            year = record["time_period"].split(" -> ")[1][:4]
            out[year] = tablerows.number(record["value"], f"{FILE} {record['row_id']}")
    return out


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    """The table rows of SOURCE_IDS, in the order of the CSV."""
    out = []
    records = ncses_mirror.read(here / FILE)
    arra = _arra(records)
    for record in records:
        if record["_millions_level_1"] != "$millions" or record["_millions_level_2"] != "Total":
            continue
        block, _, label = record["time_period"].partition(" -> ")
        if " -> " in label or block not in BLOCKS:
            continue
        match = re.fullmatch(r"(\d{4})( preliminary| proposed)?(?:<sup>(\w)</sup>)?", label)
        if match is None:
            raise ValueError(f"{FILE}: row label {label!r}")
        year, stage, footnote = match.groups()
        notes = [BLOCKS[block]]
        status = "reported"
        if year == "2000":
            notes.append("break in series: R&D plant is included from FY2000")
        if year == "2009":
            notes.append(
                f"includes {arra[year]} US$ million under the American Recovery and Reinvestment "
                "Act (ARRA row of the table)"
            )
        if stage == " preliminary":
            notes.append(f"FY{year} preliminary")
        if stage == " proposed":
            notes.append(
                f"FY{year} proposed; the table's sources include the Budget of the United States "
                f"Government, Fiscal Year {year}"
            )
            status = "projection"
        if footnote:
            notes.append("FY" + year + " " + FOOTNOTE.format(footnote))
        value = tablerows.number(record["value"], f"{FILE} {record['row_id']}")
        locator = (
            f"Table 25, row '{ncses_mirror.plain(record['time_period'])}', column "
            f"'$millions -> Total' = {value} (data.csv row {record['row_id']})"
        )
        billions = _text(Decimal(value) / Decimal(1000))
        out.append(
            tablerows.row("USA", year, billions, SOURCE_IDS[0], locator, "; ".join(notes), status)
        )
    return out
