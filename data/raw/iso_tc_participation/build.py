"""Rows of tables/iso_tc_participation.csv from the StanDat scrape of ISO committee memberships.

The raw file holds the header and the 'participating' rows of five ISO member bodies (China, United
States, Germany, Japan, Republic of Korea), copied byte-exact from a tidy CSV of
data/members.rds (github.com/sbjorkholt/iso-standards @2dff07e9, committed 2022-01-24): one line
per (committee, title, member, role, level). Each table value is the number of committees listed
with role 'participating' (P-member) for the member; the scrape lists the body that holds a
committee's secretariat as a P-member of it too (see iso_members).
"""

from __future__ import annotations

import pathlib

import iso_members
import tablerows

SOURCE_IDS = ("standat_iso_members_2022_01",)

RAW = "iso_memberships_2022-01_participating_5members.csv"


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    listed = (
        "with role 'participating' (P-member, including the committees whose secretariat it "
        "holds; observer memberships excluded)"
    )
    return iso_members.rows(here / RAW, SOURCE_IDS[0], "participating", listed)
