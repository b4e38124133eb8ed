"""Rows of tables/us_business_rd_basic_share.csv, rebuilt by national_patterns."""

from __future__ import annotations

import pathlib

import national_patterns
import tablerows

SOURCE_IDS = ("fund_ncses_np2022_t7",)

PART = national_patterns.Part("np_t7_10479.csv", "7", "basic research")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return national_patterns.rows(here, SOURCE_IDS[0], PART)
