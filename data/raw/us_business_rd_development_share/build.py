"""Rows of tables/us_business_rd_development_share.csv, rebuilt by national_patterns."""

from __future__ import annotations

import pathlib

import national_patterns
import tablerows

SOURCE_IDS = ("fund_ncses_np2022_t9",)

PART = national_patterns.Part("np_t9_10481.csv", "9", "experimental development")


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    return national_patterns.rows(here, SOURCE_IDS[0], PART)
