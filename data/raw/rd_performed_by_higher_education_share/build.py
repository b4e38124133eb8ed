"""Rows of tables/rd_performed_by_higher_education_share.csv, rebuilt by rd_sector_share.

Sources: G_XEH_V8.series.txt and the 'Higher education' column of NSB RD-7 and RD-4.
"""

from __future__ import annotations

import pathlib

import rd_sector_share
import tablerows

SOURCE_IDS = ("fund_oecd_g_xeh_2026_04", "fund_nsb2022_rd7", "fund_nsb2024_rd4")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return rd_sector_share.rows(here, SOURCE_IDS, "G_XEH", "Higher education", performance=True)
