"""Rows of tables/high_rd_industries_value_added.csv rebuilt from the NSB table copy in this folder.

1977/data.csv = NSB Indicators 2020 Table S6-3 (bq-org/ncses_stats_explorer_placeholder
@1f879ab65ed260668840db406611ddc10e8455bc): one line per economy, a column per year. The table's
'EU' row includes the United Kingdom (EU-28), so it is not used for EU27. Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import tablerows

SOURCE_IDS = ("ind_nsb2020_s6_3",)

LABEL = "region_country_or_economy_full_path"
ECONOMIES = ncses_mirror.region_paths({"World -> Europe -> EU -> Germany": "DEU"})
LOCATOR = "Table S6-3, row '{label}', column {year} (data.csv row {row_id})"


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    lines = ncses_mirror.by_label(ncses_mirror.read(here / "1977" / "data.csv"), LABEL, ECONOMIES)
    return ncses_mirror.year_columns(lines, LABEL, range(2002, 2019), SOURCE_IDS[0], LOCATOR)
