"""Rebuild the rows of tables/phd_stay_rate_10yr.csv that were copied from NCSES/NSB tables.

The files in this folder are byte-exact copies of the header line and of the rows used from
``output/tables/<modal id>/data.csv`` in the GitHub mirror bq-org/ncses_stats_explorer_placeholder
(commit 1f879ab65ed260668840db406611ddc10e8455bc); see origin.yaml. The 10-year stay rates are
the column field_10_year_stay_rate_ of SEI 2020 Table 3-22 and SEI 2024 Table LBR-4 (see
stay_rates). Standard library only.
"""

from __future__ import annotations

import pathlib

import ncses_mirror
import stay_rates
import tablerows

SOURCE_IDS = ("nsb2020_3_22", "nsb2024_lbr4")

TABLES = stay_rates.tables(10)


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    # The tables' all-citizenship total rows are not a world figure, so they are left out
    # (the caveats quote them where they help).
    return [line for line in ncses_mirror.cells(here, TABLES) if line["economy"] != "WLD"]
