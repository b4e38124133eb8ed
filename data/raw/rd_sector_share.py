"""Shares of gross R&D (GERD) by funding or performing sector, from the OECD and the NSB.

Five tables (rd_funded_by_business_share, rd_funded_by_government_share,
rd_performed_by_business_share, rd_performed_by_government_share and
rd_performed_by_higher_education_share) are built the same way from the same kinds of file, so
their builds name only their variable and sector and call ``rows``:

- the OECD STI Scoreboard extract ``<VAR>_V8.series.txt`` (the Series of the six economies, see
  oecd_sdmx), whose observation flags become the status and the notes;
- NSB Indicators 2022 Table RD-7 (2019 data) and NSB Indicators 2024 Table RD-4 (2021 data), the
  lines of the sector's column copied from the NCSES mirror (see ncses_mirror), whose row labels
  carry the year and footnote markers.
"""

from __future__ import annotations

import pathlib
import re

import ncses_mirror
import oecd_sdmx
import tablerows

FLAG_TEXT = {
    "B": "OECD flag B: break in series",
    "D": "OECD flag D: definition differs",
    "E": "OECD flag E: estimate",
    "P": "OECD flag P: provisional",
}
# source id -> (raw file, table number, data year, column group by funding, by performance)
NSB_TABLES = {
    "fund_nsb2022_rd7": (
        "nsb2022_rd7_6306.csv",
        "RD-7",
        2019,
        "R&D source of funds: Share of total (percent)",
        "R&D performance: Share of total (percent)",
    ),
    "fund_nsb2024_rd4": (
        "nsb2024_rd4_10936.csv",
        "RD-4",
        2021,
        "R&D source of funds: Share of total (percent)",
        "R&D-performing sector: Share of total (percent)",
    ),
}
NSB_ECONOMIES = {
    "United States": "USA",
    "EU-27": "EU27",
    "China": "CHN",
    "Japan": "JPN",
    "Germany": "DEU",
    "South Korea": "KOR",
}


def _flag_note(name: str, code: str) -> str:
    if name.startswith("AUX_"):
        return f"OECD auxiliary status {code} (code not explained in the file)"
    return FLAG_TEXT.get(code, f"OECD flag {code} (code not explained in the file)")


def _oecd_rows(here: pathlib.Path, source_id: str, var: str) -> list[tablerows.Row]:
    path = here / f"{var}_V8.series.txt"
    found = oecd_sdmx.observations(path, "LOCATION", oecd_sdmx.ECONOMIES, {"VAR": var}, None)
    out = []
    for obs in found:
        estimate = any(code == "E" and not name.startswith("AUX_") for name, code in obs.flags)
        notes = [_flag_note(name, code) for name, code in obs.flags]
        if obs.series["LOCATION"] == "EU27_2020":
            notes.append("EU-27 aggregate (EU27_2020) compiled by OECD")
        out.append(
            tablerows.row(
                obs.economy,
                obs.year,
                obs.value,
                source_id,
                obs.locator(f"{var}_V8.txt", ("LOCATION",)),
                "; ".join(notes),
                "estimate" if estimate else "reported",
            )
        )
    return out


def _nsb_rows(
    here: pathlib.Path, source_id: str, sector: str, performance: bool
) -> list[tablerows.Row]:
    name, number, year, funding_group, performance_group = NSB_TABLES[source_id]
    group = performance_group if performance else funding_group
    out = []
    for record in ncses_mirror.read(here / name):
        if record["column_level_1"] != group or record["column_level_2"] != sector:
            continue
        label = record["time_period"]
        plain = ncses_mirror.plain(label)
        country = re.sub(r" \(\d{4}\)$", "", plain)
        if country not in NSB_ECONOMIES or record["value"].lower() == "na":
            continue
        notes = [
            f"row label carries footnote {marker}, whose text the machine-readable table "
            "does not give"
            for marker in ncses_mirror.footnotes(label)
        ]
        if country == "United States" and number == "RD-4":
            notes.append("U.S. data adjusted for international comparability (table note)")
        if country == "Germany" and performance:
            notes.append(
                "Germany's nonprofit sector expenditures are included in data for other "
                "performing sectors (table note)"
            )
        out.append(
            tablerows.row(
                NSB_ECONOMIES[country],
                year,
                record["value"],
                source_id,
                f"Table {number}, row '{plain}', column '{group} -> {sector}' "
                f"(data.csv row {record['row_id']})",
                "; ".join(notes),
            )
        )
    return out


def rows(
    here: pathlib.Path, source_ids: tuple[str, ...], var: str, sector: str, performance: bool
) -> list[tablerows.Row]:
    """The table lines of ``source_ids``: the OECD source of ``var``, then the two NSB tables.

    ``sector`` is the NSB tables' column ('Business', 'Government', 'Higher education');
    ``performance`` says whether the shares are by performing sector (else by source of funds).
    """
    oecd, *nsb = source_ids
    if set(nsb) != set(NSB_TABLES):
        raise ValueError(f"{source_ids}: the NSB sources are {sorted(NSB_TABLES)}")
    out = _oecd_rows(here, oecd, var)
    for source_id in nsb:
        out += _nsb_rows(here, source_id, sector, performance)
    return tablerows.ordered(out, source_ids)
