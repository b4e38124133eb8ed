"""Rows of tables/intl_coauthored_share.csv, rebuilt from the OECD SDMX extract kept here.

INTL_X_V8.txt is a byte-exact copy of the OECD STI Scoreboard extract (see origin.yaml): one
SDMX-XML line, with one Series per economy and year (attributes LOCATION and VAR) holding one Obs
(TIME_PERIOD, OBS_VALUE) and no observation flags. Values are copied with every digit given.
"""

from __future__ import annotations

import pathlib

import oecd_sdmx
import tablerows

SOURCE_IDS = ("collab_oecd_intl_x_2026_04",)

FILE = "INTL_X_V8.txt"


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    found = oecd_sdmx.observations(here / FILE, "LOCATION", oecd_sdmx.ECONOMIES, {"VAR": "INTL_X"})
    return oecd_sdmx.reported_rows(found, SOURCE_IDS[0], FILE, ("VAR", "LOCATION"))
