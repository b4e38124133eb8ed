"""Rebuild the rows of tables/phd_stay_rate_5yr.csv that were copied from NCSES/NSB tables.

The files in this folder are byte-exact copies of the header line and of the rows used from
``output/tables/<modal id>/data.csv`` in the GitHub mirror bq-org/ncses_stats_explorer_placeholder
(commit 1f879ab65ed260668840db406611ddc10e8455bc); see origin.yaml. The 5-year stay rates are
the odd-year columns of SEI 2020 Table S3-23 (2003-2017) and the column field_5_year_stay_rate_
of SEI 2020 Table 3-22 and SEI 2024 Table LBR-4 (see stay_rates). Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import stay_rates
import tablerows

SOURCE_IDS = ("nsb2020_s3_23", "nsb2020_3_22", "nsb2024_lbr4")

# The source of Table S3-23 changes after 2011 (table notes).
FINN = (
    "table source for 2001-11: Finn, Stay Rates of Foreign Doctoral Recipients from "
    "U.S. Universities, 2011, Oak Ridge Institute for Science and Education"
)
SDR = (
    "average from three cohorts (table note); table source for 2013-17: NCSES Survey of "
    "Doctorate Recipients"
)
S3_23 = ncses_mirror.Table(
    "1639_data.csv",
    "nsb2020_s3_23",
    "SEI 2020 Table S3-23",
    stay_rates.rows("", "r002", "r005"),
    tuple(
        ncses_mirror.Column(str(year), year, FINN if year <= 2011 else SDR)
        for year in range(2003, 2018, 2)
    ),
)
TABLES = (S3_23, *stay_rates.tables(5))


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    # The tables' all-citizenship total rows are not a world figure, so they are left out
    # (the caveats quote them where they help).
    return [line for line in ncses_mirror.cells(here, TABLES) if line["economy"] != "WLD"]
