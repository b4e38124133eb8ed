"""Rows of tables/top1_cited_share.csv built from the NSB table lines copied in this folder.

The three files hold byte-exact lines (header plus the rows used) of the NCSES/NSB tables mirrored
as CSV in github.com/bq-org/ncses_stats_explorer_placeholder at commit
1f879ab65ed260668840db406611ddc10e8455bc (see origin.yaml):

- nsb2024_spbs70_rows.csv: Table SPBS-70 (Indicators 2024), output/tables/10038/data.csv
- nsb2022_spbs74_rows.csv: Table SPBS-74 (Indicators 2022), output/tables/4941/data.csv
- nsb2020_s5a35_rows.csv:  Table S5a-35 (Indicators 2020), output/tables/1853/data.csv

SPBS-70 and SPBS-74 are "time series" layouts whose 'time_period' column holds the row label and
which carry no year labels: each economy is a block of values, one per year, in ascending order
(18 values = 2003-2020, 23 values = 1996-2018). S5a-35 has one column per year and threshold;
only the top-1% columns are used. Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("imp_nsb2024_spbs70", "imp_nsb2022_spbs74", "imp_nsb2020_s5a35")


def _europe(eu28: str) -> dict[str, str]:
    """The EU-27 and Germany rows of SPBS-70 and SPBS-74, under their EU-27 and UK row."""
    eu27 = f"World -> Europe -> {eu28}<sup>a</sup> -> EU-27<sup>b</sup>"
    return {eu27: "EU27", f"{eu27} -> Germany": "DEU"}


# Row label in the mirror (with its footnote markers) -> economy code, and the years, of each
# time series: (raw file, table, labels, first year, last year).
TIME_SERIES = {
    "imp_nsb2024_spbs70": (
        "nsb2024_spbs70_rows.csv",
        "SPBS-70",
        ncses_mirror.region_paths(_europe("EU-27 and United Kingdom")),
        2003,
        2020,
    ),
    "imp_nsb2022_spbs74": (
        "nsb2022_spbs74_rows.csv",
        "SPBS-74",
        ncses_mirror.region_paths(_europe("EU-27 and UK")),
        1996,
        2018,
    ),
}
# Indicators 2020: its 'EU' row includes the United Kingdom (EU-28), so it is not used as EU27.
S5A35_LABELS = ncses_mirror.region_paths({"World -> Europe -> EU -> Germany": "DEU"})
S5A35_LABEL = "region_country_or_economy_full_path"
S5A35_LOCATOR = (
    "Table S5a-35, row '{label}', column '{column}' (top 1%, {year}; data.csv row {row_id})"
)


def _time_series(here: pathlib.Path, source_id: str) -> list[tablerows.Row]:
    filename, table, labels, first_year, last_year = TIME_SERIES[source_id]
    count = last_year - first_year + 1
    records = ncses_mirror.read(here / filename)
    blocks = ncses_mirror.year_blocks(
        records, lambda record: record["time_period"], labels, first_year, count
    )
    out = []
    for label, economy in labels.items():
        for index, (year, line) in enumerate(blocks[label]):
            value = tablerows.number(line["value"], f"{filename}: {label!r} {year}")
            locator = (
                f"Table {table}, row '{ncses_mirror.plain(label)}', {year}: value {index + 1} of "
                f"{count} in data.csv row {line['row_id']} (the mirror has no year labels; its "
                f"values run {first_year}-{last_year} in order)"
            )
            out.append(tablerows.row(economy, year, value, source_id, locator))
    return out


def _s5a35(here: pathlib.Path) -> list[tablerows.Row]:
    records = ncses_mirror.read(here / "nsb2020_s5a35_rows.csv")
    if len(records) != len(S5A35_LABELS):
        raise ValueError(f"nsb2020_s5a35_rows.csv: {len(records)} rows, not the expected ones")
    lines = ncses_mirror.by_label(records, S5A35_LABEL, S5A35_LABELS)
    return ncses_mirror.year_columns(
        lines,
        S5A35_LABEL,
        range(1996, 2017),
        "imp_nsb2020_s5a35",
        S5A35_LOCATOR,
        column="field_{year}_top_1_",
    )


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    """All rows of the three NSB sources, sorted by source, economy and year like the CSV."""
    built = [line for source_id in TIME_SERIES for line in _time_series(here, source_id)]
    built += _s5a35(here)
    return sorted(built, key=tablerows.sort_key)
