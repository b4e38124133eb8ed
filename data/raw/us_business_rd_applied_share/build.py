"""Rows of tables/us_business_rd_applied_share.csv, rebuilt by national_patterns."""

from __future__ import annotations

import pathlib

import national_patterns
import tablerows

SOURCE_IDS = ("fund_ncses_np2022_t8",)

PART = national_patterns.Part("np_t8_10480.csv", "8", "applied research")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return national_patterns.rows(here, SOURCE_IDS[0], PART)
