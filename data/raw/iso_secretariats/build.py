"""Rows of tables/iso_secretariats.csv from the StanDat scrape of ISO committee memberships.

The raw file holds the header and the 'secretariat' rows of five ISO member bodies (China, United
States, Germany, Japan, Republic of Korea), copied byte-exact from a tidy CSV of
data/members.rds (github.com/sbjorkholt/iso-standards @2dff07e9, committed 2022-01-24): one line
per (committee, title, member, role, level). Each table value is the number of committees listed
with role 'secretariat' for the member (see iso_members).
"""

from __future__ import annotations

import pathlib

import iso_members
import tablerows

SOURCE_IDS = ("standat_iso_members_2022_01",)

RAW = "iso_memberships_2022-01_secretariat_5members.csv"


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    listed = "with role 'secretariat'"
    return iso_members.rows(here / RAW, SOURCE_IDS[0], "secretariat", listed)
