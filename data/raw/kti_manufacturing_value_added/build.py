"""Rows of tables/kti_manufacturing_value_added.csv rebuilt from the NSB table copies here.

10758/data.csv = NSB Indicators 2024 Table SKTI-2; 6242/data.csv = NSB Indicators 2022 Table
SKTI-6 (bq-org/ncses_stats_explorer_placeholder @1f879ab65ed260668840db406611ddc10e8455bc). Both
give one line per economy (and industry) with a column per year. Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("ind_nsb2024_skti2", "ind_nsb2022_skti6")

# SKTI-2: one block per economy; the economy is named in the field_economy column.
SKTI2_ECONOMIES = {
    "United States": "USA",
    "China": "CHN",
    "Japan": "JPN",
    "Germany": "DEU",
    "South Korea": "KOR",
    "EU-27": "EU27",
    "World (75)": "WLD",
}
SKTI2_LOCATOR = (
    "Table SKTI-2, economy '{label}', row 'KTI manufacturing industries', column {year} "
    "(data.csv row {row_id})"
)

# SKTI-6: one row per economy, named by its full path. 'EU' excludes the UK over the whole
# series (EU-27).
SKTI6_LABEL = "region_country_or_economy_full_path"
SKTI6_ECONOMIES = ncses_mirror.region_paths(
    {"World -> Europe -> EU -> Germany": "DEU", "World -> Europe -> EU": "EU27"}
)
SKTI6_LOCATOR = "Table SKTI-6, row '{label}', column {year} (data.csv row {row_id})"
SKTI6_NOTES = {"CHN": "table note: China includes Hong Kong"}


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    skti2 = [
        record
        for record in ncses_mirror.read(here / "10758" / "data.csv")
        if record["industry_level_4"] == "KTI manufacturing industries"
        and not record["industry_level_5"]
    ]
    skti2_lines = ncses_mirror.by_label(skti2, "field_economy", SKTI2_ECONOMIES)
    skti6 = ncses_mirror.read(here / "6242" / "data.csv")
    skti6_lines = ncses_mirror.by_label(skti6, SKTI6_LABEL, SKTI6_ECONOMIES)
    return ncses_mirror.year_columns(
        skti2_lines, "field_economy", range(2002, 2023), SOURCE_IDS[0], SKTI2_LOCATOR
    ) + ncses_mirror.year_columns(
        skti6_lines, SKTI6_LABEL, range(2002, 2020), SOURCE_IDS[1], SKTI6_LOCATOR, notes=SKTI6_NOTES
    )
