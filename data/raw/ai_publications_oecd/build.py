"""Rows of tables/ai_publications_oecd.csv from the OECD STI Scoreboard SDMX extract in this folder.

AIPUBS_NBFRAC_V8.txt gives one Series per economy (LOCATION, VAR=AIPUBS_NBFRAC) and no
observation flags.
"""

from __future__ import annotations

import pathlib

import oecd_sdmx
import tablerows

SOURCE_IDS = ("out_oecd_sti_aipubs_2026_05",)

FILE = "AIPUBS_NBFRAC_V8.txt"
KEY = {"VAR": "AIPUBS_NBFRAC"}


def rows(here: pathlib.Path) -> list[tablerows.Row]:
    found = oecd_sdmx.observations(here / FILE, "LOCATION", oecd_sdmx.ECONOMIES, KEY)
    return oecd_sdmx.reported_rows(found, SOURCE_IDS[0], FILE, ("LOCATION", "VAR"))
