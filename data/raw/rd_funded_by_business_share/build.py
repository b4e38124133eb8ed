"""Rows of tables/rd_funded_by_business_share.csv, rebuilt by rd_sector_share.

Sources: G_XFB_V8.series.txt and the 'Business' column of NSB RD-7 and RD-4 by source of funds.
"""

from __future__ import annotations

import pathlib

import rd_sector_share
import tablerows

SOURCE_IDS = ("fund_oecd_g_xfb_2026_04", "fund_nsb2022_rd7", "fund_nsb2024_rd4")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return rd_sector_share.rows(here, SOURCE_IDS, "G_XFB", "Business", performance=False)
